// The integration clients' search on CV criteria (issue 17): the integration client list with a CV
// filter on a centre of its own with ROWS clients, eight integration agents coaching them, two
// language knowledges for most clients and an experience for a third. Timed through the procedure
// beside the same SQL run raw (bench/list.ts). Imported by bench/run.ts.
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

export async function benchCv(tenant: Tenant, count: number) {
  const me = await agentOf(tenant, "bench-cv-agent");
  const colleagues = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => agentOf(tenant, `bench-cv-agent-${i}`)));
  const { db, t } = me.ctx.handle;
  await generateClients(me.ctx.handle, count, [me.user.id, ...colleagues.map((c) => c.user.id)]);
  const [cook] = await db.select({ id: t.cvFunctions.id, sector: t.cvFunctions.sectorId }).from(t.cvFunctions);
  const generated = await timed(async () => {
    // Their own language as mother tongue; for four in five a second one at a CEF level; a third worked as cooks or waiters.
    await db.execute(sql`
      insert into ${t.cvLanguageKnowledge} (client_id, language, native, spoken, written)
      select id, coalesce(language, 'fr'), true, '4', '4' from ${t.partners} where is_client`);
    await db.execute(sql`
      insert into ${t.cvLanguageKnowledge} (client_id, language, cef_level, spoken)
      select id, (array['en','nl','ar','tr','es'])[1 + (id / 5) % 5],
             (array['A1','A2','B1','B2','C1'])[1 + (id / 25) % 5], '2'
      from ${t.partners} where is_client and id % 5 <> 0 and (array['en','nl','ar','tr','es'])[1 + (id / 5) % 5] <> coalesce(language, 'fr')`);
    await db.execute(sql`
      insert into ${t.cvExperiences} (client_id, company, sector_id, function_id, start_date, end_date)
      select id, 'Restaurant ' || id % 300, ${cook!.sector}, ${cook!.id} + id % 4, date '2010-01-01' + (id % 3000), null
      from ${t.partners} where is_client and id % 3 = 0`);
  });
  const [{ n } = { n: 0 }] = (
    await db.execute<{ n: number }>(sql`select count(*)::int n from ${t.cvLanguageKnowledge}`)
  ).rows;
  line("cv_clients", count);
  line("cv_language_knowledges", n);
  line("cv_generate_seconds", generated.seconds);
  for (const table of [t.partners, t.coachings, t.cvLanguageKnowledge, t.cvExperiences])
    await db.execute(sql`vacuum analyze ${table}`);

  const def = registry.resources.get("integ.clients")!;
  const state = (filters: Record<string, unknown>): ListState => ({
    page: 1,
    pageSize: 25,
    sort: [{ field: "name", dir: "asc" }],
    filters,
    q: "",
  });
  const cases: [string, ListState][] = [
    // An agent's own integration clients (the list's default) who speak English at B1 or better.
    ["cv_integ_clients_mine_english_b1", state({ cvLanguage: "en", cvMinLevel: "B1" })],
    // Every integration client (coach filter lifted) who worked in that sector and knows Dutch.
    ["cv_integ_clients_all_sector_dutch", state({ coachedBy: null, cvSector: cook!.sector, cvLanguage: "nl" })],
  ];
  const pool = getPool(tenant.clusterId);
  for (const [name, s] of cases)
    await listBesideRaw(me, def, name, s, pool, { p95Ms: TARGET_P95_MS, ratio: TARGET_RATIO });
  line("target_cv_integ_clients_p95_ms", TARGET_P95_MS);
  line("target_cv_integ_clients_ratio_p95", TARGET_RATIO);
}
