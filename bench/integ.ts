// The integration client list (issue 17 items 2, 7): its contract columns (the one contract active
// today: kind, start, end, company), a CV filter and the contract filters ("active contract of a kind
// in a period", "available"), on a centre of its own with ROWS clients, eight integration agents
// coaching them and BENCH_INTEG_CONTRACTS contracts (default three per client: 100 000 clients and
// 300 000 contracts at the bench's default size). Timed through the procedure beside the same SQL
// run raw (bench/list.ts, as the other list sections). Imported by bench/run.ts.
import { sql } from "drizzle-orm";
import { generateClients } from "@/db/seed/volume";
import type { ListState } from "@/lib/resources";
import { registry } from "@/server/areas";
import { getPool } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { agentOf } from "./clients";
import { listBesideRaw } from "./list";
import { line, timed } from "./lib";

const TARGET_P95_MS = 50;
const TARGET_RATIO = 2;

export async function benchInteg(tenant: Tenant, count: number, contracts = 3 * count) {
  const me = await agentOf(tenant, "bench-integ-agent");
  const colleagues = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => agentOf(tenant, `bench-integ-agent-${i}`)));
  const { db, t } = me.ctx.handle;
  await generateClients(me.ctx.handle, count, [me.user.id, ...colleagues.map((c) => c.user.id)]);
  const types = (await db.select({ id: t.isipContractTypes.id }).from(t.isipContractTypes)).map((r) => r.id);
  const perClient = Math.max(1, Math.round(contracts / count));
  const generated = await timed(async () => {
    // Per client, `perClient` contracts of a year each, one after the other, the last one starting
    // between 2 years ago and today (so that about half are active today, some ended early, a tenth open).
    await db.execute(sql`
      insert into ${t.isipContracts} (client_id, user_id, type_id, applies_from, applies_until, date_ended)
      select p.id, ${me.user.id}, (${sql.param(types)}::int[])[1 + (p.id + k) % ${types.length}],
             d.start, case when p.id % 10 = 0 and k = ${perClient} then null else d.start + 364 end,
             case when p.id % 10 = 0 and k = ${perClient} then null
                  when p.id % 7 = 0 then d.start + 200 else d.start + 364 end
      from ${t.partners} p, generate_series(1, ${perClient}) k,
           lateral (select current_date - (p.id % 730) - 365 * (${perClient} - k) as start) d
      where p.is_client`);
    // The CV filter's data (as in bench/cv.ts): for four in five clients a second language at a CEF level.
    await db.execute(sql`
      insert into ${t.cvLanguageKnowledge} (client_id, language, cef_level, spoken)
      select id, (array['en','nl','ar','tr','es'])[1 + (id / 5) % 5],
             (array['A1','A2','B1','B2','C1'])[1 + (id / 25) % 5], '2'
      from ${t.partners} where is_client and id % 5 <> 0`);
  });
  const n = async (table: typeof t.isipContracts | typeof t.partners) =>
    (await db.execute<{ n: number }>(sql`select count(*)::int n from ${table}`)).rows[0]!.n;
  line("integ_clients", count);
  line("integ_contracts", await n(t.isipContracts));
  line("integ_generate_seconds", generated.seconds);
  for (const table of [t.partners, t.coachings, t.isipContracts, t.cvLanguageKnowledge])
    await db.execute(sql`vacuum analyze ${table}`);

  const def = registry.resources.get("integ.clients")!;
  const state = (filters: Record<string, unknown>): ListState => ({
    page: 1,
    pageSize: 25,
    sort: [{ field: "name", dir: "asc" }],
    filters,
    q: "",
  });
  const lastYear = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, ListState][] = [
    // An agent's own integration clients (the list's default), with the contract columns.
    ["integ_clients_mine_contract_columns", state({})],
    // The same who speak English at B1 or better (a CV filter).
    ["integ_clients_mine_english_b1", state({ cvLanguage: "en", cvMinLevel: "B1" })],
    // Every integration client (coach filter lifted) who had an ISIP a year ago and knows Dutch.
    [
      "integ_clients_all_isip_last_year_dutch",
      state({ coachedBy: null, activeContract: "isip", period: { from: lastYear }, cvLanguage: "nl" }),
    ],
    // Every integration client without an active contract today.
    ["integ_clients_all_available", state({ coachedBy: null, available: true })],
  ];
  const pool = getPool(tenant.clusterId);
  for (const [name, s] of cases)
    await listBesideRaw(me, def, name, s, pool, { p95Ms: TARGET_P95_MS, ratio: TARGET_RATIO });
  line("target_integ_clients_p95_ms", TARGET_P95_MS);
  line("target_integ_clients_ratio_p95", TARGET_RATIO);
}
