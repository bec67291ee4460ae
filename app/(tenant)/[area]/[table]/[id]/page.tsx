import { Detail } from "@/app/_components/resource/detail";
import { NotAllowed } from "@/app/_components/resource/not-allowed";
import { ApiProvider } from "@/app/_components/trpc";
import { loadResource, recordPageOpening, resourceMetadata, type ResourceParams } from "../load";

export const generateMetadata = ({ params }: { params: ResourceParams }) => resourceMetadata(params);

type Params = ResourceParams extends Promise<infer P> ? Promise<P & { id: string }> : never;

/** The detail of one row of any declared resource: /<area>/<table>/<id>. */
export default async function ResourceDetailPage({ params }: { params: Params }) {
  const loaded = await loadResource(params);
  if (loaded.status === "unavailable") return null;
  if (loaded.status === "forbidden") return <NotAllowed />;
  const { id } = await params;
  await recordPageOpening(params, decodeURIComponent(id), loaded.user, "detail");
  return (
    <main className="w-full p-4 sm:p-6">
      <ApiProvider>
        <Detail meta={loaded.meta} id={decodeURIComponent(id)} />
      </ApiProvider>
    </main>
  );
}
