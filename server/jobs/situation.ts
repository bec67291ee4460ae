import { eq, sql, type SQL } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { formatDate } from "@/lib/format";
import { TODAY } from "@/server/calendar/entries";
import { clientNameOf } from "@/server/clients/sql";
import { translatorFor } from "@/server/i18n/translator";
import { defineResource, type FieldDef } from "@/server/resources/define";
import { integer, rowKey } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { partnerNameOf } from "@/server/contacts/refs";
import { CANDIDATURE_STATE } from "./rules";

/**
 * Integration → Contracts situation (domain-integ-money §2.5, Lino's JobsOverview): the jobs that have
 * something to show today, by job type (the type's order, then the job's name), each with the clients
 * working there (a contract on the job covering today or without an end, "… until <planned end>"),
 * on probation and candidate (candidatures of clients coached today). Read-only; printed and
 * exported to PDF and XLSX through the lists' export.
 */

const j = (t: TenantTables) => t.jobs;

/** A coaching of the candidature's client runs today. */
const coachedToday = (t: TenantTables, clientId: SQL) =>
  sql`exists (select 1 from ${t.coachings} co where co.client_id = ${clientId} and co.start_date <= ${TODAY} and (co.end_date is null or co.end_date >= ${TODAY}))`;

/** The clients working on the job today, as `[{name, until}]`. */
const working = (t: TenantTables) => {
  const c = t.jobContracts;
  return sql`(select coalesce(json_agg(json_build_object('name', ${clientNameOf(t, sql`jc.client_id`)}, 'until', jc.applies_until) order by jc.applies_from, jc.id), '[]'::json)
    from ${c} jc where jc.job_id = ${q(j(t).id)} and jc.applies_from <= ${TODAY}
      and coalesce(jc.date_ended, jc.applies_until, 'infinity'::date) >= ${TODAY})`;
};

/** The clients coached today with a candidature for the job in `state`, as `[{name}]`. */
const candidates = (t: TenantTables, state: string) =>
  sql`(select coalesce(json_agg(json_build_object('name', ${clientNameOf(t, sql`ca.client_id`)}) order by ca.date_submitted, ca.id), '[]'::json)
    from ${t.candidatures} ca where ca.job_id = ${q(j(t).id)} and ca.state = ${state} and ${coachedToday(t, sql`ca.client_id`)})`;

type Person = { name: string; until?: string | null };
const people = (value: unknown): Person[] =>
  Array.isArray(value) ? value : typeof value === "string" ? (JSON.parse(value) as Person[]) : [];

const list = (label: string, expr: (t: TenantTables) => SQL, withUntil = false): FieldDef => ({
  type: "text",
  label,
  width: 40,
  sortable: false,
  expr,
  present: (value, ctx) =>
    people(value)
      .map((p) =>
        withUntil && p.until
          ? translatorFor(ctx.locale)("jobs.situation.until", { name: p.name, date: formatDate(p.until, ctx.locale) })
          : p.name,
      )
      .join(", "),
});

export const situationResource = defineResource({
  id: "jobs.situation",
  title: "jobs.situation.title",
  table: j,
  pk: (t) => j(t).id,
  fields: {
    id: integer("fields.id", (t) => j(t).id, { editable: false, plain: true, width: 6 }),
    seqno: {
      type: "integer",
      label: "jobs.types.seqno",
      plain: true,
      width: 6,
      expr: (t) =>
        sql<number>`(select ${t.jobTypes.seqno} from ${t.jobTypes} where ${q(t.jobTypes.id)} = ${q(j(t).typeId)})`,
    },
    jobType: {
      type: "text",
      label: "jobs.jobs.type",
      width: 20,
      expr: (t) =>
        sql<string>`(select ${t.jobTypes.name} from ${t.jobTypes} where ${q(t.jobTypes.id)} = ${q(j(t).typeId)})`,
    },
    job: {
      type: "text",
      label: "jobs.situation.job",
      width: 30,
      // "<job> @ <provider> (<capacity>)", as a job is named elsewhere (refs.ts jobNameOf).
      expr: (t) =>
        sql<string>`${q(j(t).name)} || coalesce(' @ ' || ${partnerNameOf(t, q(j(t).providerId))}, '') || ' (' || ${q(j(t).capacity)} || ')'`,
    },
    remark: { type: "text", label: "fields.remark", width: 20, sortable: false, expr: (t) => j(t).remark },
    working: list("jobs.situation.working", working, true),
    probation: list("jobs.situation.probation", (t) => candidates(t, CANDIDATURE_STATE.probation)),
    candidates: list("jobs.situation.candidates", (t) => candidates(t, CANDIDATURE_STATE.active)),
  },
  // Only the jobs with something to show (Lino: a row per job that has a worker, a probation or a candidate).
  scope: (t) =>
    sql`(json_array_length(${working(t)}) > 0 or json_array_length(${candidates(t, CANDIDATURE_STATE.probation)}) > 0 or json_array_length(${candidates(t, CANDIDATURE_STATE.active)}) > 0)`,
  columns: ["jobType", "job", "working", "probation", "candidates"],
  hiddenColumns: ["id", "seqno", "remark"],
  titleField: "job",
  filters: {
    jobType: {
      label: "jobs.jobs.type",
      widget: "ref",
      ref: "jobs.types",
      schema: rowKey,
      where: (v: number, t) => eq(j(t).typeId, v),
    },
  },
  defaultSort: [
    { field: "seqno", dir: "asc" },
    { field: "job", dir: "asc" },
  ],
  access: { view: ["IntegUser"], edit: [], create: [], listAll: ["IntegUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["jobType", "job", "remark"] }, { fields: ["working", "probation", "candidates"] }],
    },
  ],
});
