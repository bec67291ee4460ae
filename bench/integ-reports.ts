// The integration service's reports at volume (issue 17 item 7): on a centre of its own with ROWS
// generated clients (their coachings as db/seed/volume.ts makes them) and three contracts per client
// of every kind in CONTRACT_KINDS, spread over 2022–2027 with planned and early ends, open ends,
// endings, decision and signature dates; the activity report and the statistics of one year are timed
// through their services (all sections, labels and drill-down links), beside the contract figures' raw SQL.
// The ISIPs have external partners and study types, so that the kind's own tables count something.
import { sql } from "drizzle-orm";
import { generateClients } from "@/db/seed/volume";
import { belgianToday } from "@/lib/format";
import { translatorFor } from "@/server/i18n/translator";
import { kindFigures } from "@/server/integ/reports/figures";
import { activityReport, statisticsReport } from "@/server/integ/reports/report";
import { CONTRACT_KINDS, isipKind } from "@/server/isip/base";
import type { Tenant } from "@/server/tenancy/registry";
import { agentOf } from "./clients";
import { line, percentile, timed } from "./lib";

const TARGET_SECONDS = 1;
const SAMPLES = 7;

export async function benchIntegReports(tenant: Tenant, count: number) {
  const me = await agentOf(tenant, "bench-reports-agent");
  const colleagues = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => agentOf(tenant, `bench-reports-agent-${i}`)));
  const agents = [me.user.id, ...colleagues.map((c) => c.user.id)];
  const handle = me.ctx.handle;
  const { db, t } = handle;
  await generateClients(handle, count, agents);
  const generated = await timed(async () => {
    // ISIP contracts only: 3 × ROWS contracts as the issue's size says (the other kinds need their own
    // columns filled: a job, an employer); the reports read every kind, the empty ones included.
    for (const kind of [isipKind]) {
      const c = kind.contracts(t);
      const ty = kind.types(t);
      // Three contracts a client, one after another: a year each from a day of 2022–2026, one in four
      // ended early with an ending, one in ten without a planned end (the last one), decided and signed.
      await db.execute(sql`
        with types as (select array_agg(id order by id) ids from ${ty}),
             endings as (select array_agg(id order by id) ids from ${t.contractEndings}),
             agents as (select ${sql.param(agents)}::int[] ids),
             base as (select p.id, n, date '2022-01-01' + (p.id * 7 + n * 400) % 1800 start
                      from ${t.partners} p, generate_series(0, 2) n where p.is_client)
        insert into ${c} (client_id, user_id, type_id, applies_from, applies_until, date_ended, ending_id, date_decided, date_issued)
        select b.id, agents.ids[1 + b.id % cardinality(agents.ids)], types.ids[1 + (b.id + b.n) % cardinality(types.ids)],
               b.start,
               case when b.n = 2 and b.id % 10 = 0 then null else b.start + 364 end,
               case when b.n = 2 and b.id % 10 = 0 then null when b.id % 4 = 0 then b.start + 120 else b.start + 364 end,
               case when b.id % 4 = 0 or b.id % 3 = 0 then endings.ids[1 + b.id % cardinality(endings.ids)] end,
               b.start - 10, b.start - 3
        from base b, types, endings, agents`);
    }
    // The ISIP's own tables (§2.9): 40 organisations as external partners of two contracts in three
    // (one or two each), and a study type on the contracts of the types needing one.
    await db.execute(sql`
      with orgs as (insert into ${t.partners} (kind, name) select 'organisation', 'Bench partner ' || i
                    from generate_series(1, 40) i returning id),
           ids as (select array_agg(id order by id) ids from orgs)
      insert into ${t.isipPartners} (contract_id, company_id)
      select c.id, ids.ids[1 + (c.id + k) % 40] from ${t.isipContracts} c, ids, generate_series(0, 1) k
      where c.id % 3 <> 0 and (k = 0 or c.id % 2 = 0)`);
    await db.execute(sql`
      with st as (select array_agg(id order by id) ids from ${t.cvStudyTypes})
      update ${t.isipContracts} c set study_type_id = st.ids[1 + c.id % cardinality(st.ids)]
      from st, ${t.isipContractTypes} ty
      where ty.id = c.type_id and ty.needs_study_type and cardinality(st.ids) > 0`);
    await db.execute(sql`analyze`);
  });
  const [{ n } = { n: 0 }] = (
    await db.execute<{ n: number }>(
      sql`select (${sql.join(
        CONTRACT_KINDS.map((k) => sql`(select count(*) from ${k.contracts(t)})`),
        sql` + `,
      )})::int n`,
    )
  ).rows;
  line("reports_clients", count);
  line("reports_contracts", n);
  line("reports_contracts_generated_seconds", generated.seconds);
  const year = String(Number(belgianToday().slice(0, 4)) - 1);
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const ctx = { handle, user: me.ctx.user, registry: me.ctx.registry, locale: "fr" as const, t: translatorFor("fr") };
  const sample = async (fn: () => Promise<unknown>) => {
    await fn(); // warm-up
    const seconds: number[] = [];
    for (let i = 0; i < SAMPLES; i++) seconds.push((await timed(fn)).seconds);
    return { p50: percentile(seconds, 50), max: Math.max(...seconds) };
  };
  const activity = await sample(() => activityReport(ctx, period));
  const stats = await sample(() => statisticsReport(ctx, period));
  const raw = await sample(() => Promise.all(CONTRACT_KINDS.map((k) => kindFigures(handle, k, period))));
  line("reports_period", `${period.from}..${period.to}`);
  line("reports_activity_seconds_p50", activity.p50);
  line("reports_activity_seconds_max", activity.max);
  line("reports_statistics_seconds_p50", stats.p50);
  line("reports_statistics_seconds_max", stats.max);
  line("reports_contract_figures_seconds_p50", raw.p50);
  line("target_reports_seconds", TARGET_SECONDS);
}
