import { Grid } from "@/app/_components/resource/grid";
import { GridTitle } from "@/app/_components/resource/grid-title";
import { NotAllowed } from "@/app/_components/resource/not-allowed";
import { LiveRefresh } from "@/app/_components/live-refresh";
import { ApiProvider } from "@/app/_components/trpc";
import { loadResource, resourceMetadata, type ResourceParams } from "./load";

export const generateMetadata = ({ params }: { params: ResourceParams }) => resourceMetadata(params);

/** The grid of any declared resource: /<area>/<table>, e.g. /geo/places. */
export default async function ResourceGridPage({ params }: { params: ResourceParams }) {
  const loaded = await loadResource(params, { withSettings: true, list: true });
  if (loaded.status === "unavailable") return null;
  if (loaded.status === "forbidden") return <NotAllowed />;
  return (
    <main className="w-full p-4 sm:p-6">
      <ApiProvider>
        <GridTitle meta={loaded.meta} />
        <Grid meta={loaded.meta} initialSettings={loaded.settings} />
        {loaded.meta.live && <LiveRefresh topic={loaded.meta.live} />}
      </ApiProvider>
    </main>
  );
}
