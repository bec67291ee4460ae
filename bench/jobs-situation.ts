// The contracts situation of the Art. 60§7 service (issue 17 item 5: "≤ 1 s for a centre of that size"):
// on the reports' centre (ROWS clients with their coachings), one job per 200 clients among 50
// providers, Art. 60§7 contracts for one client in twenty (a year each from a day of the last two
// years, so about half run today) and a candidature for one client in five (active, on probation or
// failed). The whole report, as printed (every row, its three lists of people), timed through the
// export's plan and rows. Imported by bench/run.ts.
import { sql } from "drizzle-orm";
import { listQuery } from "@/server/resources/service";
import { situationResource } from "@/server/jobs/situation";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { agentOf } from "./clients";
import { line, percentile, timed } from "./lib";

const TARGET_SECONDS = 1;
const SAMPLES = 7;

export async function benchJobsSituation(tenant: Tenant, clients: number) {
  const me = await agentOf(tenant, "bench-situation-agent");
  const { db, t } = tenantHandle(tenant);
  const jobs = Math.max(10, Math.round(clients / 200));
  const generated = await timed(async () => {
    await db.execute(sql`
      with orgs as (
        insert into ${t.partners} (kind, name, language, country_code)
        select 'organisation', 'Bench provider ' || n, 'fr', 'BE' from generate_series(1, 50) n returning id)
      insert into ${t.jobProviders} (company_id) select id from orgs`);
    await db.execute(sql`
      insert into ${t.jobs} (name, type_id, provider_id, capacity)
      select 'Bench job ' || n, (select min(id) from ${t.jobTypes}),
             (select array_agg(company_id order by company_id) from ${t.jobProviders})[1 + n % 50], 1 + n % 3
      from generate_series(1, ${jobs}) n`);
    await db.execute(sql`
      with j as (select array_agg(id order by id) ids from ${t.jobs}),
           ty as (select min(id) id from ${t.jobContractTypes})
      insert into ${t.jobContracts} (client_id, user_id, type_id, job_id, applies_from, applies_until)
      select p.id, ${me.user.id}, ty.id, j.ids[1 + p.id % cardinality(j.ids)],
             current_date - (p.id % 730), current_date - (p.id % 730) + 364
      from ${t.partners} p, j, ty where p.is_client and p.id % 20 = 0`);
    await db.execute(sql`
      with j as (select array_agg(id order by id) ids from ${t.jobs})
      insert into ${t.candidatures} (client_id, job_id, date_submitted, state)
      select p.id, j.ids[1 + (p.id / 5) % cardinality(j.ids)], current_date - (p.id % 300),
             (array['10', '20', '25'])[1 + p.id % 3]
      from ${t.partners} p, j where p.is_client and p.id % 5 = 1`);
    await db.execute(sql`analyze`);
  });
  const count = async (table: typeof t.jobs | typeof t.jobContracts | typeof t.candidatures) =>
    (await db.execute<{ n: number }>(sql`select count(*)::int n from ${table}`)).rows[0]!.n;
  line("situation_jobs", await count(t.jobs));
  line("situation_contracts", await count(t.jobContracts));
  line("situation_candidatures", await count(t.candidatures));
  line("situation_generate_seconds", generated.seconds);
  // Every row of the report in its printed order, with every column (what the PDF and XLSX read).
  const state = { page: 1, pageSize: 25, sort: [], filters: {}, q: "" };
  const report = async () => {
    const { rows } = listQuery(me.ctx, situationResource, state, [...situationResource.columns]);
    return (await rows).length;
  };
  const shown = await report(); // warm-up
  const seconds: number[] = [];
  for (let i = 0; i < SAMPLES; i++) seconds.push((await timed(report)).seconds);
  line("situation_report_rows", shown);
  line("situation_report_seconds_p50", percentile(seconds, 50));
  line("situation_report_seconds_max", Math.max(...seconds));
  line("target_situation_report_seconds", TARGET_SECONDS);
}
