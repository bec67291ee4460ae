// Moving a centre of `count` generated clients to another cluster (issue 12 §4): a second database
// on the same server stands for the other cluster, as it would for the app (its own connection
// string). The move's own settling wait (SETTLE_MS, for other app instances) is left out of the
// measured downtime and printed beside it. BENCH_MOVE_STEPS=1 prints each step of the move with its
// time. Imported by bench/run.ts once the environment is set.
import pg from "pg";
import { generateClients } from "@/db/seed/volume";
import { c, controlDb } from "@/server/db/control";
import { moveTenant, SETTLE_MS } from "@/server/tenancy/move";
import { createTenant } from "@/server/tenancy/lifecycle";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { agentOf } from "./clients";
import { line, timed } from "./lib";

const TARGET_CLUSTER = "benchmove";

/** Creates the target database beside the bench's own; the caller drops it at the end of the run. */
export async function moveTargetDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A centre of its own (the others stay where the later sections expect them), filled, then moved. */
export async function benchMove(count: number, targetUrl: string) {
  const { tenant } = await createTenant(
    { slug: "bench-move", names: { fr: "Bench move" }, defaultLocale: "fr", kind: "production" },
    "cli:bench",
  );
  const coach = await agentOf(tenant, "bench-mover");
  await generateClients(tenantHandle(tenant), count, [coach.user.id]);
  process.env[`DATABASE_URL_${TARGET_CLUSTER.toUpperCase()}`] = targetUrl;
  await controlDb()
    .insert(c.clusters)
    .values({ id: TARGET_CLUSTER, urlEnv: `DATABASE_URL_${TARGET_CLUSTER.toUpperCase()}`, description: "bench" })
    .onConflictDoNothing();
  let rows = 0;
  const t0 = Date.now();
  const moved = await timed(() =>
    moveTenant(tenant.slug, TARGET_CLUSTER, "cli:bench", {
      settleMs: 0,
      progress: (text) => {
        if (process.env.BENCH_MOVE_STEPS) line("move_step", `${((Date.now() - t0) / 1000).toFixed(2)} s ${text}`);
        const exported = /^exported (\d+) rows/.exec(text);
        if (exported) rows = Number(exported[1]);
      },
    }),
  );
  line("move_clients", count);
  line("move_rows_copied", rows);
  line("move_seconds_total", moved.seconds);
  line("move_downtime_seconds_without_settle", moved.result.downtimeMs / 1000);
  line("move_settle_seconds", SETTLE_MS / 1000);
}
