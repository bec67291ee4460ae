// A resource's list timed through the procedure beside the same SQL run raw: the sections that time
// lists (clients, cv, integ, notes) share it. Imported by them.
import type { ListState } from "@/lib/resources";
import type { getPool } from "@/server/db/pool";
import type { ResourceCtx, ResourceDef } from "@/server/resources/define";
import { listQuery } from "@/server/resources/service";
import type { createCaller } from "@/server/trpc/root";
import { line, sideBySide } from "./lib";

type Caller = ReturnType<typeof createCaller>;
type ListResult = Awaited<ReturnType<Caller["resources"]["list"]>>;

/**
 * Prints `<name>_matching_rows`, then (through `sideBySide`) the list's first page as the procedure
 * answers it beside its page and count queries run raw on `pool`, and `<name>_target_met` (p95 and
 * ratio within `target`). `first` reads the procedure's first answer before the timing (more lines).
 */
export async function listBesideRaw(
  who: { caller: Caller; ctx: ResourceCtx },
  def: ResourceDef,
  name: string,
  state: ListState,
  pool: ReturnType<typeof getPool>,
  target: { p95Ms: number; ratio: number },
  first?: (result: ListResult) => void,
) {
  const query = listQuery(who.ctx, def, state);
  const pageSql = query.rows
    .limit(state.pageSize)
    .offset((state.page - 1) * state.pageSize)
    .toSQL();
  const countSql = query.total.toSQL();
  const list = () => who.caller.resources.list({ resource: def.id, state });
  const result = await list();
  line(`${name}_matching_rows`, result.total);
  first?.(result);
  const { p95, ratioP95 } = await sideBySide(
    name,
    ["procedure", async () => void (await list())],
    [
      "raw",
      async () =>
        void (await Promise.all([pool.query(pageSql.sql, pageSql.params), pool.query(countSql.sql, countSql.params)])),
    ],
  );
  line(`${name}_target_met`, p95 <= target.p95Ms && ratioP95 <= target.ratio ? "yes" : "no");
}
