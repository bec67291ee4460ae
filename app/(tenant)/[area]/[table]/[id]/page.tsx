import { getTranslations } from "next-intl/server";
import { rowIdOf } from "@/lib/resources";
import { Detail } from "@/app/_components/resource/detail";
import { readListState, STATE_PARAM } from "@/app/_components/resource/list-state";
import { NotAllowed } from "@/app/_components/resource/not-allowed";
import { alertClass } from "@/app/_components/resource/styles";
import { ApiProvider } from "@/app/_components/trpc";
import { isAppError } from "@/server/errors";
import { openDetail } from "@/server/resources/detail";
import { listRows } from "@/server/resources/service";
import { describeResource } from "@/server/resources/meta";
import { authorizeResource, resourceMetadata, type ResourceParams } from "../load";

export const generateMetadata = ({ params }: { params: ResourceParams }) => resourceMetadata(params);

type Params = ResourceParams extends Promise<infer P> ? Promise<P & { id: string }> : never;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The detail of one row of any declared resource: /<area>/<table>/<id>. The page brings the row
 * and its first tab's panels and slave grids (the other tabs load when opened) and, opened from a
 * grid, that grid's page, for previous and next.
 */
export default async function ResourceDetailPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const loaded = await authorizeResource(params);
  if (loaded.status === "unavailable") return null;
  if (loaded.status === "forbidden") return <NotAllowed />;
  const id = decodeURIComponent((await params).id);
  const query = await searchParams;
  const listState =
    typeof query[STATE_PARAM] === "string"
      ? readListState(new URLSearchParams({ [STATE_PARAM]: query[STATE_PARAM] }))
      : null;
  const [opened, gridPage] = await Promise.all([
    // The row is read while its meta is described (openDetail waits for both).
    openDetail(
      loaded.ctx,
      loaded.def,
      describeResource(loaded.ctx.handle, loaded.def, loaded.user, loaded.ctx, { filters: false }),
      rowIdOf(id),
    ).catch((e: unknown) => {
      if (isAppError(e)) return e;
      throw e;
    }),
    // Without it (e.g. a grid this user may not list), the way back alone is offered.
    listState ? listRows(loaded.ctx, loaded.def, listState).catch(() => undefined) : undefined,
  ]);
  if (isAppError(opened)) {
    const t = await getTranslations();
    return (
      <main className="w-full p-4 sm:p-6">
        <p role="alert" className={alertClass}>
          {t(`errors.${opened.code}`, opened.params)}
        </p>
      </main>
    );
  }
  return (
    <main className="w-full p-4 sm:p-6">
      <ApiProvider>
        <Detail meta={opened.meta} id={id} initialRow={opened.row} firstTab={opened.firstTab} gridPage={gridPage} />
      </ApiProvider>
    </main>
  );
}
