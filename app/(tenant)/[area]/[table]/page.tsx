import { getTranslations } from "next-intl/server";
import { Grid } from "@/app/_components/resource/grid";
import { NotAllowed } from "@/app/_components/resource/not-allowed";
import { ApiProvider } from "@/app/_components/trpc";
import { loadResource, resourceMetadata, type ResourceParams } from "./load";

export const generateMetadata = ({ params }: { params: ResourceParams }) => resourceMetadata(params);

/** The grid of any declared resource: /<area>/<table>, e.g. /geo/places. */
export default async function ResourceGridPage({ params }: { params: ResourceParams }) {
  const loaded = await loadResource(params, { withSettings: true });
  if (loaded.status === "unavailable") return null;
  if (loaded.status === "forbidden") return <NotAllowed />;
  const t = await getTranslations();
  return (
    <main className="w-full p-4 sm:p-6">
      <h1 className="mb-4 text-2xl font-semibold">{t(loaded.meta.title)}</h1>
      <ApiProvider>
        <Grid meta={loaded.meta} initialSettings={loaded.settings} />
      </ApiProvider>
    </main>
  );
}
