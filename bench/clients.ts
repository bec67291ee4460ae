import { registry } from "@/server/areas";
// The client file at volume (issue 5): lists, quick search and the detail on one centre holding
// many generated clients, each beside the same SQL run raw; then many users at once over all
// centres. Imported by bench/run.ts once the environment is set.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { generateClients } from "@/db/seed/volume";
import type { ListState } from "@/lib/resources";
import { claimsFor, resolveSessionUser } from "@/server/auth/session";
import type { UserType } from "@/server/auth/user-types";
import { clientsResource } from "@/server/clients/resource";
import { getPool } from "@/server/db/pool";
import type { ResourceCtx } from "@/server/resources/define";
import { selectionOf } from "@/server/resources/query";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { listBesideRaw } from "./list";
import { line, percentile, sideBySide, timed } from "./lib";

const TARGET_P95_MS = 50;
const TARGET_RATIO = 2;
const CONCURRENT_USERS = 32;
const TARGET_CONCURRENT_P95_MS = 150;
const LISTS_PER_AGENT = 20;

export type Agent = Awaited<ReturnType<typeof agentOf>>;

/** A signed-in user of the centre (an agent, user type 100, unless said) with a tRPC caller, as web requests get it. */
export async function agentOf(tenant: Tenant, username: string, userType: UserType = "100") {
  const handle = tenantHandle(tenant);
  // The user of that name when a kept database has it already (a section measured again).
  const [user] = [
    ...(await handle.db
      .insert(handle.t.users)
      .values({ username, firstName: "Bench", lastName: username, userType })
      .onConflictDoNothing()
      .returning()),
    ...(await handle.db.select().from(handle.t.users).where(eq(handle.t.users.username, username))),
  ];
  const claims = claimsFor(tenant, user!);
  const caller = createCaller(await createInnerContext({ host: { kind: "tenant", slug: tenant.slug }, claims }));
  const ctx: ResourceCtx = {
    handle,
    user: (await resolveSessionUser(handle, tenant, claims))!,
    locale: "fr",
    registry,
  };
  return { user: user!, caller, ctx };
}

const state = (over: Partial<ListState>): ListState => ({
  page: 1,
  pageSize: 25,
  sort: [],
  filters: {},
  q: "",
  ...over,
});

/** Generates `count` clients on the first centre, then (when `measure`) times the client file. */
export async function benchClients(tenants: Tenant[], count: number, measure = true) {
  const [big] = tenants as [Tenant];
  const me = await agentOf(big, "bench-coach");
  const colleagues = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => agentOf(big, `bench-coach-${i}`)));
  const generated = await timed(() =>
    generateClients(tenantHandle(big), count, [me.user.id, ...colleagues.map((c) => c.user.id)]),
  );
  line("clients_generated", count);
  line("clients_generate_seconds", generated.seconds);
  if (!measure) return;
  const pool = getPool(big.clusterId);

  // A national number that exists, typed as a clerk would start it (birth date and sequence).
  const { db, t } = me.ctx.handle;
  const [sample] = await db
    .select({ nationalId: t.partners.nationalId })
    .from(t.partners)
    .where(isNotNull(t.partners.nationalId))
    .orderBy(desc(t.partners.id))
    .limit(1);
  const cases: [string, ListState][] = [
    // The client list as it opens: every client (obsolete ones hidden), sorted by name.
    ["clients_list_by_name", state({ sort: [{ field: "name", dir: "asc" }] })],
    ["clients_coached_by_me", state({ filters: { coachedBy: me.user.id }, sort: [{ field: "name", dir: "asc" }] })],
    ["clients_search_name_prefix", state({ q: "Faymon" })],
    ["clients_search_national_id", state({ q: sample!.nationalId!.slice(0, 10) })],
  ];
  for (const [name, s] of cases)
    await listBesideRaw(me, clientsResource, name, s, pool, { p95Ms: TARGET_P95_MS, ratio: TARGET_RATIO }, (first) =>
      // "yes": more rows match than counted
      line(`${name}_count_capped`, first.totalIsCapped ? "yes" : "no"),
    );

  // Opening a client's detail: every field of its tabs, by primary key.
  const [{ id } = { id: 0 }] = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .orderBy(t.partners.id)
    .offset(Math.floor(count / 2))
    .limit(1);
  const detailFields = [...new Set(clientsResource.detail.flatMap((tab) => tab.groups.flatMap((g) => g.fields)))];
  const detailSql = db
    .select(selectionOf(clientsResource, detailFields, t) as never)
    .from(t.partners)
    .where(and(eq(t.partners.id, id), clientsResource.scope!(t, me.ctx)))
    .limit(1)
    .toSQL();
  await sideBySide(
    "client_detail",
    ["procedure", async () => void (await me.caller.resources.get({ resource: "clients.clients", id }))],
    ["raw", async () => void (await pool.query(detailSql.sql, detailSql.params))],
  );

  await benchConcurrentAgents(big, colleagues, tenants, "clients_concurrent");
  return { big, colleagues };
}

/**
 * Many users at once: CONCURRENT_USERS agents, the big centre's colleagues and one agent in each of
 * the other centres picked evenly over all of them (`tenants`), each listing the clients it coaches
 * (the big centre's agents read its generated clients; the others a list of their own), the next
 * time once its list is shown, LISTS_PER_AGENT times. Prints the figures under `prefix`; the big
 * centre's requests apart, where the tail comes from.
 */
export async function benchConcurrentAgents(big: Tenant, colleagues: Agent[], tenants: Tenant[], prefix: string) {
  const others = tenants.filter((t) => t.id !== big.id);
  const spread = CONCURRENT_USERS - colleagues.length;
  const agents = [
    ...colleagues,
    ...(await Promise.all(
      Array.from({ length: spread }, (_, i) =>
        agentOf(others[Math.floor((i * others.length) / spread)]!, `${prefix}-user-${i}`),
      ),
    )),
  ];
  const samples: number[] = [];
  const bigSamples: number[] = [];
  const began = performance.now();
  // An agent is one person: one list at a time, as a browser tab asks it.
  await Promise.all(
    agents.map(async (agent) => {
      for (let i = 0; i < LISTS_PER_AGENT; i++) {
        const start = performance.now();
        await agent.caller.resources.list({
          resource: "clients.clients",
          state: state({ filters: { coachedBy: agent.user.id }, sort: [{ field: "name", dir: "asc" }] }),
        });
        samples.push(performance.now() - start);
        if (agent.ctx.handle.tenantId === big.id) bigSamples.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  line(`${prefix}_users`, CONCURRENT_USERS);
  line(`${prefix}_centres_present`, tenants.length);
  line(`${prefix}_centres_used`, new Set(agents.map((a) => a.ctx.handle.tenantId)).size);
  line(`${prefix}_lists_per_second`, samples.length / seconds);
  line(`${prefix}_p50_ms`, percentile(samples, 50));
  line(`${prefix}_p95_ms`, percentile(samples, 95));
  line(`${prefix}_big_centre_share`, bigSamples.length / samples.length);
  line(`${prefix}_big_centre_p50_ms`, percentile(bigSamples, 50));
  line(`${prefix}_big_centre_p95_ms`, percentile(bigSamples, 95));
  line(`${prefix}_target_p95_ms`, TARGET_CONCURRENT_P95_MS);
  line(`${prefix}_target_met`, percentile(samples, 95) <= TARGET_CONCURRENT_P95_MS ? "yes" : "no");
}
