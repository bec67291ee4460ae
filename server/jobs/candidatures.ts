import { and, eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { clientNameOf } from "@/server/clients/sql";
import { assertKinds } from "@/server/contacts/refs";
import type { ResourceCtx, TransitionDef } from "@/server/resources/define";
import { defineResource } from "@/server/resources/define";
import { boolean, choice, date, filters, integer, longText, reference, rowKey } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { candidatureStates } from "./choices";
import { cvNameRef, jobRef } from "./refs";
import { CANDIDATURE_STATE as S } from "./rules";

const c = (t: TenantTables) => t.candidatures;

/** A move between candidature states, for the social users who follow the client. */
const move = (name: string, from: string[], to: string, confirm = false): TransitionDef => ({
  name,
  label: `jobs.candidatures.actions.${name}`,
  from,
  to,
  roles: ["SocialUser"],
  confirm,
});

/**
 * A client's candidature for a job, or for work of a kind (Lino's Candidature): active, then on
 * probation, which fails or becomes work; inactive once it no longer counts (a contract started,
 * the client withdrew). On the client's Job search tab and on the job; the list of all is social
 * staff's (Explorer → Integration).
 */
export const candidaturesResource = defineResource({
  id: "jobs.candidatures",
  title: "jobs.candidatures.title",
  countLabel: "jobs.candidatures.count",
  table: c,
  pk: (t) => c(t).id,
  version: (t) => c(t).version,
  fields: {
    id: integer("fields.id", (t) => c(t).id, { editable: false, plain: true, width: 6 }),
    client: reference(
      "jobs.candidatures.client",
      "clients.clients",
      (t) => c(t).clientId,
      (t) => clientNameOf(t, q(c(t).clientId)),
      { required: true, createOnly: true, width: 25 },
    ),
    job: { ...jobRef("jobs.candidatures.job", (t) => c(t).jobId), width: 25 },
    sector: cvNameRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => c(t).sectorId),
    function: cvNameRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => c(t).functionId),
    dateSubmitted: date("jobs.candidatures.dateSubmitted", (t) => c(t).dateSubmitted, { required: true }),
    state: choice("fields.state", (t) => c(t).state, candidatureStates, { editable: false, width: 12 }),
    art60: boolean("jobs.candidatures.art60", (t) => c(t).art60),
    art61: boolean("jobs.candidatures.art61", (t) => c(t).art61),
    remark: longText("fields.remark", (t) => c(t).remark),
  },
  columns: ["dateSubmitted", "client", "job", "art60", "art61", "state"],
  hiddenColumns: ["id", "remark", "sector", "function"],
  titleField: "client",
  filters: {
    state: filters.choice("fields.state", candidatureStates, (t) => c(t).state),
    job: {
      label: "jobs.candidatures.job",
      widget: "ref",
      ref: "jobs.jobs",
      schema: rowKey,
      where: (v: number, t) => eq(c(t).jobId, v),
    },
    dateSubmitted: filters.dateRange("jobs.candidatures.dateSubmitted", (t) => c(t).dateSubmitted),
  },
  defaultSort: [{ field: "dateSubmitted", dir: "desc" }],
  // Lino: CandidaturesByPerson for social users and coordinators (who read the client's contract
  // tabs), CandidaturesByJob for integration users (all social users), Candidatures for social staff.
  access: { view: ["SocialUser", "SocialCoordinator"], edit: ["SocialUser"], listAll: ["SocialStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "job", "dateSubmitted", "state"] },
        { fields: ["sector", "function", "art60", "art61"] },
        { fields: ["remark"] },
      ],
    },
  ],
  workflow: {
    field: "state",
    transitions: [
      move("probation", [S.active], S.probation),
      move("fail", [S.probation], S.failed),
      move("work", [S.active, S.probation], S.working),
      move("deactivate", [S.active, S.probation, S.failed, S.working], S.inactive, true),
      move("reactivate", [S.failed, S.inactive], S.active),
    ],
  },
  insert: {
    fields: ["client", "job", "sector", "function", "dateSubmitted", "art60", "art61", "remark"],
    // Lino: submitted today, for an Art. 60§7 contract unless said otherwise.
    defaults: () => ({ dateSubmitted: belgianToday(), art60: true }),
  },
  beforeSave: async (tx, ctx, id, values) => {
    if (id === undefined)
      await assertKinds(tx, ctx.handle.t, { client: { id: values.client, kind: "person", client: true } });
  },
});

/**
 * Makes the client's active candidatures inactive, audited one by one in the caller's transaction,
 * and tells how many (Lino's message "(%d candidatures have been marked inactive)"). The Art. 60§7
 * contract calls it after a save for which `deactivatesCandidatures` (./rules.ts) holds.
 */
export async function deactivateCandidatures(tx: TenantHandle["db"], ctx: ResourceCtx, clientId: number) {
  const t = ctx.handle.t;
  const rows = await tx
    .update(t.candidatures)
    .set({ state: S.inactive, version: sql`${t.candidatures.version} + 1` })
    .where(and(eq(t.candidatures.clientId, clientId), eq(t.candidatures.state, S.active)))
    .returning({ id: t.candidatures.id });
  await writeAudit(
    tx,
    t,
    actorOf(ctx.user),
    ...rows.map((r) => rowChange("jobs.candidatures", "update", r.id, { state: { from: S.active, to: S.inactive } })),
  );
  return rows.length;
}
