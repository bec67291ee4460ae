// Newcomers (issue 16 §5): "available coaches" for a newcomer on one centre with 200 agents and
// ROWS generated clients, a tenth of whose coachings started in the last two months (the agents'
// "new clients"). Measured through the procedure a consultant's page calls. Imported by
// bench/run.ts once the environment is set.
import { sql } from "drizzle-orm";
import { generateClients } from "@/db/seed/volume";
import { claimsFor } from "@/server/auth/session";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { line, percentile, pick, timed } from "./lib";

const AGENTS = 200;
const SAMPLES = 200;
const WARMUP = 20;
const TARGET_P95_MS = 50;

export async function benchNewcomers(tenant: Tenant, clients: number) {
  const handle = tenantHandle(tenant);
  const { db, t } = handle;
  // 200 social workers with quotas of 20 to 100 %; each is competent for two or three of the five faculties.
  const agents = await db
    .insert(t.users)
    .values(
      Array.from({ length: AGENTS }, (_, i) => ({
        username: `bench-agent-${i}`,
        firstName: "Agent",
        lastName: `${i}`,
        userType: "100" as const,
        newcomerQuota: [100, 60, 50, 20][i % 4]!,
      })),
    )
    .returning({ id: t.users.id });
  const faculties = (await db.select({ id: t.faculties.id, weight: t.faculties.weight }).from(t.faculties)).sort(
    (a, b) => a.id - b.id,
  );
  await db
    .insert(t.competences)
    .values(
      agents.flatMap((a, i) =>
        faculties
          .filter((_, f) => (i + f) % 2 === 0 || f === i % faculties.length)
          .map((f) => ({ userId: a.id, facultyId: f.id, weight: f.weight })),
      ),
    );
  const generated = await timed(() =>
    generateClients(
      handle,
      clients,
      agents.map((a) => a.id),
    ),
  );
  line("newcomers_clients_generated", clients);
  line("newcomers_generate_seconds", generated.seconds);
  // Every client gets a faculty. One coaching in 30 starts within the month: with the generated
  // coachings, 4 000 a month, twice Lino's "normal" 10 newcomers a month per agent (WORKLOAD_BASE).
  const ids = sql.raw(`array[${faculties.map((f) => f.id).join(",")}]`);
  await db.execute(sql`update ${t.partners} set faculty_id = (${ids})[1 + id % ${faculties.length}] where is_client`);
  await db.execute(
    sql`update ${t.coachings} set start_date = current_date - (id % 29), end_date = null where id % 30 = 0`,
  );
  // As autovacuum leaves a table that has settled (statistics, and the visibility map index-only scans need).
  for (const table of [t.partners, t.coachings, t.competences]) await db.execute(sql`vacuum analyze ${table}`);

  const newcomers = (
    await db.execute<{ id: number }>(
      sql`select id from ${t.partners} where is_client and client_state = '10' and faculty_id is not null limit 1000`,
    )
  ).rows.map((r) => r.id);
  const [consultant] = await db
    .insert(t.users)
    .values({ username: "bench-consultant", firstName: "Bench", lastName: "Consultant", userType: "200" })
    .returning();
  const caller = createCaller(
    await createInnerContext({ host: { kind: "tenant", slug: tenant.slug }, claims: claimsFor(tenant, consultant!) }),
  );
  const once = async () => {
    const { coaches } = await caller.newcomers.availableForClient({ clientId: pick(newcomers) });
    return coaches.length;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const ms: number[] = [];
  let listed = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    listed += await once();
    ms.push(performance.now() - start);
  }
  line("newcomers_agents", AGENTS);
  line("newcomers_candidates_per_client_avg", listed / SAMPLES);
  line("newcomers_available_coaches_p50_ms", percentile(ms, 50));
  line("newcomers_available_coaches_p95_ms", percentile(ms, 95));
  line("target_newcomers_available_coaches_p95_ms", TARGET_P95_MS);
}
