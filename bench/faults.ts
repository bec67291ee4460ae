// One centre stuck, the others served (issue 12 §2): another centre's client list, timed before and
// while every request of one centre waits on a row that a transaction holds. The shared pool gives
// each centre a share of its connections (DB_CENTRE_MAX), so the stuck centre fills its share only.
// Imported by bench/run.ts once the environment is set (row locks are waited for without limit).
import pg from "pg";
import { closePools } from "@/server/db/pool";
import { env, resetEnvCache } from "@/server/env";
import type { Tenant } from "@/server/tenancy/registry";
import { centreShareOf } from "@/server/tenancy/tenant-db";
import { agentOf } from "./clients";
import { line, percentile } from "./lib";

const SAMPLES = 200;
const STUCK_EDITS = 30;
const TARGET_RATIO = 2;

export async function benchLockedCentre(stuck: Tenant, other: Tenant) {
  const a = await agentOf(stuck, "bench-stuck");
  const b = await agentOf(other, "bench-other");
  const { id } = await a.caller.resources.create({
    resource: "clients.clients",
    values: { firstName: "Stuck", lastName: "Row" },
  });
  const row = await a.caller.resources.get({ resource: "clients.clients", id });
  const listOther = async (into: number[]) => {
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      await b.caller.resources.list({
        resource: "clients.clients",
        state: { page: 1, pageSize: 25, sort: [{ field: "name", dir: "asc" }], filters: {}, q: "" },
      });
      into.push(performance.now() - start);
    }
  };
  const normal: number[] = [];
  await listOther([]); // warm
  await listOther(normal);

  const whileStuck = async () => {
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    const ms: number[] = [];
    let failed = false;
    let edits: Promise<unknown>[] = [];
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "${stuck.schemaName}".partners WHERE id = $1 FOR UPDATE`, [id]);
      edits = Array.from({ length: STUCK_EDITS }, () =>
        a.caller.resources
          .update({ resource: "clients.clients", id, version: Number(row.__version), patch: { remarks: "x" } })
          .catch(() => undefined),
      );
      await new Promise((r) => setTimeout(r, 500)); // the edits reach the database and wait
      await listOther(ms).catch(() => (failed = true));
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    await Promise.all(edits);
    return { p95: failed ? NaN : percentile(ms, 95), failed };
  };
  const e = env();
  // With the default share.
  const share = centreShareOf(e.DB_POOL_MAX, undefined);
  await closePools();
  process.env.DB_CENTRE_MAX = String(share);
  resetEnvCache();
  const shared = await whileStuck();
  // Side by side: the same with no share (a centre may take the whole pool), as before issue 12.
  await closePools();
  process.env.DB_CENTRE_MAX = String(e.DB_POOL_MAX);
  resetEnvCache();
  const unshared = await whileStuck();
  await closePools();
  if (e.DB_CENTRE_MAX === undefined) delete process.env.DB_CENTRE_MAX;
  else process.env.DB_CENTRE_MAX = String(e.DB_CENTRE_MAX);
  resetEnvCache();

  line("locked_centre_pool_connections", e.DB_POOL_MAX);
  line("locked_centre_share_connections", share);
  line("locked_centre_waiting_edits", STUCK_EDITS);
  line("locked_centre_other_list_normal_p95_ms", percentile(normal, 95));
  line("locked_centre_other_list_during_p95_ms", shared.p95);
  line("locked_centre_other_list_failed", shared.failed ? "yes" : "no");
  line("locked_centre_without_share_other_list_during_p95_ms", unshared.p95);
  line(
    "locked_centre_without_share_other_list_failed",
    unshared.failed ? "yes (no connection within the checkout wait)" : "no",
  );
  const ratio = shared.p95 / percentile(normal, 95);
  line("locked_centre_other_list_ratio_p95", ratio);
  line("target_locked_centre_other_list_ratio_p95", TARGET_RATIO);
  line("locked_centre_target_met", !shared.failed && ratio <= TARGET_RATIO ? "yes" : "no");
}
