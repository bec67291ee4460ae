import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import { organisationRef, personRef } from "@/server/contacts/refs";
import { AppError } from "@/server/errors";
import { contractAfterSave, contractBeforeSave } from "@/server/isip/base";
import { contractTypeFields, namesOf } from "@/server/isip/config";
import { contractFields, contractFilters } from "@/server/isip/contracts";
import { contractEvaluationsResource } from "@/server/isip/evaluations";
import { certifiedContract, clearPrintedContractAction, contractPrintedField } from "@/server/isip/print";
import { sanitizeNoteBody } from "@/server/notes/sanitize";
import { defineResource, type FieldDef, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { choice, integer, longText, reference, rowKey, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { Role } from "@/server/auth/user-types";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { deactivateCandidatures } from "./candidatures";
import { art60Clauses } from "./clauses";
import { art60Kind } from "./kind";
import { ART60_PRINTED_FIELDS, printArt60Action } from "./print";
import { cvNameRef, jobRef } from "./refs";
import { deactivatesCandidatures, jobSupplymentDefaults } from "./rules";

/**
 * Art. 60§7 contracts (domain-integ-money §2.5, Lino's jobs.Contract) on the contracts' common base
 * (server/isip/base.ts, docs/contracts.md): the job and its provider, regime, schedule, rates and the
 * duration by the client's age; saving one makes the client's active candidatures inactive.
 */

const c = (t: TenantTables) => t.jobContracts;
type Tx = TenantHandle["db"];
type Values = Record<string, unknown>;

/** An amount in euro cents (the form reads and writes euros). */
const money = (label: string, col: (t: TenantTables) => TenantTables["jobContracts"]["hourlyRate"]): FieldDef => ({
  ...integer(label, col, { min: 0, max: 100_000_00, width: 10 }),
  type: "money",
});

const html = (label: string, col: (t: TenantTables) => TenantTables["jobContracts"]["responsibilities"]): FieldDef => ({
  type: "html",
  label,
  width: 60,
  sortable: false,
  expr: col,
  column: col,
  input: z.string().max(200_000),
  present: (value) => sanitizeNoteBody(String(value ?? "")),
});

/** Integration agents write contracts; social users read them, social coordinators on the client (§1). */
const CONTRACT_READERS: Role[] = ["IntegUser", "SocialUser", "SocialCoordinator"];

const baseFields = contractFields(art60Kind);

const present = (v: unknown) => v !== undefined && v !== null && v !== "";

/**
 * What the job gives (§2.5): its contract type, its provider as the company and its hourly rate, for
 * a new contract or a changed job, unless the same request names them (Lino forces the type and the
 * provider; here they are the job's by default and stay editable). Then the duration and planned end
 * by the client's age. `values` is completed in place, before the base's rules (effective end,
 * overlap, the type's existence) read it.
 */
async function jobDefaults(tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values) {
  const t = ctx.handle.t;
  const [before] =
    id === undefined
      ? []
      : await tx
          .select()
          .from(c(t))
          .where(eq(c(t).id, Number(id)));
  const jobChanged = id === undefined || (values.job !== undefined && Number(values.job) !== before?.jobId);
  if (jobChanged) {
    const jobId = Number(values.job);
    const [job] = Number.isInteger(jobId)
      ? await tx
          .select({
            providerId: t.jobs.providerId,
            contractTypeId: t.jobs.contractTypeId,
            hourlyRate: t.jobs.hourlyRate,
          })
          .from(t.jobs)
          .where(eq(t.jobs.id, jobId))
      : [];
    if (!job) throw new AppError("INVALID_INPUT", { field: "job" });
    if (!present(values.type) && job.contractTypeId !== null) values.type = job.contractTypeId;
    if (!present(values.company) && job.providerId !== null) values.company = job.providerId;
    if (!present(values.hourlyRate) && job.hourlyRate !== null) values.hourlyRate = job.hourlyRate;
  }
  if (!present(values.type) && !before) throw new AppError("INVALID_INPUT", { field: "type" });

  const clientId = Number(values.client ?? before?.clientId);
  const [client] = Number.isInteger(clientId)
    ? await tx.select({ birthDate: t.partners.birthDate }).from(t.partners).where(eq(t.partners.id, clientId))
    : [];
  const pick = (key: string, old: unknown) => (key in values ? values[key] : old);
  const appliesFrom = pick("appliesFrom", before?.appliesFrom);
  const appliesUntil = pick("appliesUntil", before?.appliesUntil);
  const duration = pick("duration", before?.duration);
  const next = jobSupplymentDefaults(
    {
      appliesFrom: present(appliesFrom) ? String(appliesFrom) : null,
      appliesUntil: present(appliesUntil) ? String(appliesUntil) : null,
      duration: present(duration) ? Number(duration) : null,
    },
    client?.birthDate || null,
  );
  if (next.duration !== (present(duration) ? Number(duration) : null)) values.duration = next.duration;
  if (next.appliesUntil !== (present(appliesUntil) ? String(appliesUntil) : null))
    values.appliesUntil = next.appliesUntil;
}

/** Integration → Art. 60§7 contracts of a client, a job, a provider; the list of all (Explorer). */
export const jobContractsResource = defineResource({
  id: "jobs.contracts",
  title: "jobs.contracts.title",
  countLabel: "jobs.contracts.count",
  table: c,
  pk: (t) => c(t).id,
  version: (t) => c(t).version,
  fields: {
    // Before the fields it gives (type, company, hourly rate): an edit of the job comes first.
    job: { ...jobRef("jobs.contracts.job", (t) => c(t).jobId, { required: true }), width: 25 },
    ...baseFields,
    // The job's by default (§2.5): not asked for when the job names one.
    type: reference(
      "isip.type",
      "jobs.contractTypes",
      (t) => c(t).typeId,
      (t) => namesOf(t.jobContractTypes, q(c(t).typeId)),
      { localized: true },
    ),
    company: organisationRef("jobs.contracts.company", (t) => c(t).companyId),
    contactPerson: personRef("jobs.contracts.contactPerson", (t) => c(t).contactPersonId),
    regime: cvNameRef("jobs.contracts.regime", "cv.regimes", "cvRegimes", (t) => c(t).regimeId),
    schedule: reference(
      "jobs.contracts.schedule",
      "jobs.schedules",
      (t) => c(t).scheduleId,
      (t) => namesOf(t.jobSchedules, q(c(t).scheduleId)),
      { localized: true },
    ),
    hourlyRate: money("jobs.jobs.hourlyRate", (t) => c(t).hourlyRate),
    refundRate: text("jobs.contracts.refundRate", (t) => c(t).refundRate, { max: 20, width: 8 }),
    duration: integer("jobs.contracts.duration", (t) => c(t).duration, { min: 1, max: 10_000, width: 8 }),
    referencePerson: text("jobs.contracts.referencePerson", (t) => c(t).referencePerson, { max: 200 }),
    responsibilities: html("jobs.contracts.responsibilities", (t) => c(t).responsibilities),
    remark: longText("fields.remark", (t) => c(t).remark),
    printed: contractPrintedField(art60Kind),
  },
  // Printing certifies the contract (§2.3): what the print says stays as printed until "Clear printed".
  certified: certifiedContract(art60Kind, ART60_PRINTED_FIELDS),
  actions: [printArt60Action, clearPrintedContractAction(art60Kind)],
  normalize: (values) => {
    if (typeof values.responsibilities === "string")
      values.responsibilities = sanitizeNoteBody(values.responsibilities);
    return values;
  },
  columns: ["id", "client", "job", "company", "type", "appliesFrom", "appliesUntil", "dateEnded", "user"],
  hiddenColumns: [
    "title",
    "userAsd",
    "examPolicy",
    "dateDecided",
    "dateIssued",
    "language",
    "ending",
    "contactPerson",
    "regime",
    "schedule",
    "hourlyRate",
    "refundRate",
    "duration",
    "referencePerson",
    "printed",
    "signer1",
    "signer2",
  ],
  titleField: "title",
  filters: {
    ...contractFilters(art60Kind),
    type: {
      label: "isip.type",
      widget: "ref",
      ref: "jobs.contractTypes",
      schema: rowKey,
      where: (v: number, t) => eq(c(t).typeId, v),
    },
    company: {
      label: "jobs.contracts.company",
      widget: "ref",
      ref: "jobs.providers",
      schema: rowKey,
      where: (v: number, t) => eq(c(t).companyId, v),
    },
  },
  defaultSort: [{ field: "appliesFrom", dir: "desc" }],
  access: { view: CONTRACT_READERS, edit: ["IntegUser"], listAll: ["IntegUser", "SocialStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "client", "job", "company", "contactPerson", "type", "user", "userAsd", "language"] },
        {
          fields: [
            "appliesFrom",
            "duration",
            "appliesUntil",
            "dateEnded",
            "ending",
            "dateDecided",
            "dateIssued",
            "examPolicy",
          ],
        },
        { fields: ["regime", "schedule", "hourlyRate", "refundRate", "referencePerson", "printed"] },
        { fields: ["signer1", "signer2"] },
      ],
      slaves: [{ resource: "jobs.evaluations", label: "isip.evaluations.title", masterField: "ownerId" }],
    },
    {
      key: "texts",
      label: "jobs.contracts.textsTab",
      groups: [{ fields: ["responsibilities", "remark"] }],
    },
  ],
  insert: {
    fields: ["client", "job", "appliesFrom", "duration", "appliesUntil", "type", "user", "language"],
    defaults: (ctx) => ({ user: ctx.user.id, appliesFrom: belgianToday(), language: ctx.user.language }),
  },
  beforeSave: async (tx, ctx, id, values) => {
    await jobDefaults(tx, ctx, id, values);
    await contractBeforeSave(art60Kind)(tx, ctx, id, values);
  },
  afterSave: async (tx, ctx, id) => {
    await contractAfterSave(art60Kind)(tx, ctx, id);
    const t = ctx.handle.t;
    const [row] = await tx
      .select({ clientId: c(t).clientId, jobId: c(t).jobId, appliesUntil: c(t).appliesUntil })
      .from(c(t))
      .where(eq(c(t).id, Number(id)));
    // Lino's after_ui_save: a contract for a job still running ends the client's search.
    if (row && deactivatesCandidatures(row, belgianToday())) await deactivateCandidatures(tx, ctx, row.clientId);
  },
});

/** Integration → My Art. 60§7 contracts (Lino's MyContracts): the reader's own. */
export const myJobContractsResource: ResourceDef = {
  ...jobContractsResource,
  id: "jobs.myContracts",
  title: "jobs.contracts.mine",
  scope: (t, ctx) => eq(c(t).userId, ctx.user.id),
  columns: ["id", "client", "job", "company", "type", "appliesFrom", "appliesUntil", "dateEnded", "ending"],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  insert: undefined,
  variantOf: jobContractsResource.id,
};

/** The evaluation meetings of an Art. 60§7 contract, generated by the series engine (§2.3). */
export const jobEvaluationsResource = contractEvaluationsResource(art60Kind, "jobs.evaluations", CONTRACT_READERS);

/** Configure → Integration → Art. 60§7 contract types (Lino's jobs.ContractTypes, SocialStaff). */
export const jobContractTypesResource = defineResource({
  id: "jobs.contractTypes",
  title: "jobs.contractTypes.title",
  table: (t) => t.jobContractTypes,
  pk: (t) => t.jobContractTypes.id,
  version: (t) => t.jobContractTypes.version,
  fields: {
    ...contractTypeFields((t) => t.jobContractTypes as unknown as TenantTables["isipContractTypes"]),
    // What the print adds for this type (server/jobs/clauses.ts).
    printedClauses: choice("jobs.contractTypes.printedClauses", (t) => t.jobContractTypes.printedClauses, art60Clauses),
  },
  columns: ["name", "ref", "examPolicy", "overlapGroup"],
  hiddenColumns: ["id", "fullName", "printedClauses"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: { view: ["SocialUser", "SocialCoordinator"], edit: ["SocialStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "fullName", "ref"] }, { fields: ["examPolicy", "overlapGroup", "printedClauses"] }],
    },
  ],
  insert: { fields: ["name", "examPolicy", "overlapGroup"], defaults: () => ({ overlapGroup: "contracts" }) },
});
