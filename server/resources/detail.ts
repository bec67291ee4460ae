import {
  SLAVE_PAGE_SIZE,
  slaveListState,
  type DetailTab,
  type ResourceMeta,
  type Row,
  type TabData,
} from "@/lib/resources";
import { assertCan } from "./access";
import type { ResourceCtx, ResourceDef } from "./define";
import { describeResource } from "./meta";
import { panelLoader } from "./panels";
import { resourceOf } from "./registry";
import { logOpening, readPage, readRow } from "./service";

/**
 * Opening a row's detail: the row, and the panels and slave grids of its first tab (as `meta`
 * shows it to this user). The other tabs load when the user opens them, so opening a row costs
 * the same however many tabs its resource declares. The opening of a row holding personal data
 * is written to the access log. NOT_FOUND when the row is out of the user's scope.
 */
export async function openDetail(
  ctx: ResourceCtx,
  def: ResourceDef,
  meta: ResourceMeta | Promise<ResourceMeta>,
  id: string | number,
): Promise<{ row: Row; firstTab: TabData; meta: ResourceMeta }> {
  assertCan(def, "view", ctx.user);
  // The row is read while the meta is described: every field of the detail, then only those the
  // meta shows (it leaves out the fields the centre does not use).
  const [read, described] = await Promise.all([readRow(ctx, def, id, () => true), meta]);
  const row: Row = Object.fromEntries(
    Object.entries(read).filter(([name]) => name.startsWith("__") || name in described.fields),
  ) as Row;
  meta = described;
  const [firstTab] = await Promise.all([
    meta.detail[0] ? loadTab(ctx, def, meta.detail[0], id) : { panels: {}, slaves: {} },
    def.logsAccess ? logOpening(ctx, id, "detail") : undefined,
  ]);
  return { row, firstTab, meta };
}

/** The panels and slave grids of one tab of a row that is in the user's scope. */
async function loadTab(ctx: ResourceCtx, def: ResourceDef, tab: DetailTab, id: string | number): Promise<TabData> {
  const [panels, slaves] = await Promise.all([
    Promise.all(tab.panels.map(async (p) => [p.key, await panelLoader(ctx, def, p.key)(ctx, Number(id))] as const)),
    Promise.all(
      tab.slaves.map(async (s) => {
        const slave = resourceOf(ctx.registry, s.resource);
        // The master is the row just read in the user's scope, and `meta` lists only slaves they may see.
        assertCan(slave, "view", ctx.user);
        const [meta, page] = await Promise.all([
          describeResource(ctx.handle, slave, ctx.user, ctx, { filters: false }),
          readPage(ctx, slave, slaveListState(s.masterField, id, 1, SLAVE_PAGE_SIZE)),
        ]);
        return [s.resource, { meta, page }] as const;
      }),
    ),
  ]);
  return { panels: Object.fromEntries(panels), slaves: Object.fromEntries(slaves) };
}
