import { NotAllowed } from "@/app/_components/resource/not-allowed";
import { PrintView } from "@/app/_components/resource/print-view";
import { ApiProvider } from "@/app/_components/trpc";
import { loadResource, recordPageOpening, resourceMetadata, type ResourceParams } from "../../load";

export const generateMetadata = ({ params }: { params: ResourceParams }) => resourceMetadata(params);

type Params = ResourceParams extends Promise<infer P> ? Promise<P & { id: string }> : never;

/** A row's detail for paper: every tab one after another, no menus or buttons when printed. */
export default async function ResourcePrintPage({ params }: { params: Params }) {
  const loaded = await loadResource(params);
  if (loaded.status === "unavailable") return null;
  if (loaded.status === "forbidden") return <NotAllowed />;
  const { id } = await params;
  await recordPageOpening(params, decodeURIComponent(id), loaded.user, "print");
  return (
    <main className="mx-auto w-full max-w-4xl bg-white p-6 print:max-w-none print:p-0">
      <ApiProvider>
        <PrintView meta={loaded.meta} id={decodeURIComponent(id)} />
      </ApiProvider>
    </main>
  );
}
