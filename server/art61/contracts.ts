import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import type { Role } from "@/server/auth/user-types";
import { assertKinds, organisationRef, personRef, roleTypeRef } from "@/server/contacts/refs";
import { contractAfterSave, contractBeforeSave } from "@/server/isip/base";
import { contractFields, contractFilters } from "@/server/isip/contracts";
import { contractEvaluationsResource } from "@/server/isip/evaluations";
import { certifiedContract, clearPrintedContractAction, contractPrintedField } from "@/server/isip/print";
import { sanitizeNoteBody } from "@/server/notes/sanitize";
import { defineResource, type FieldDef, type ResourceDef } from "@/server/resources/define";
import { boolean, integer, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { art61Kind } from "./kind";
import { ART61_PRINTED_FIELDS, printConventionAction } from "./print";
import { ART61_SUBSIDIES, type Art61SubsidyValue } from "./subsidies";

/** Art. 61 contracts (domain-integ-money §2.6) on the contracts' common base (docs/contracts.md). */

type C = TenantTables["art61Contracts"];
const c = (t: TenantTables) => t.art61Contracts;

/** A CV configuration list's localized name (status, contract duration, regime: §2.1). */
const cvRef = (
  label: string,
  resource: string,
  table: "cvStatuses" | "cvDurations" | "cvRegimes",
  col: (t: TenantTables) => C[keyof C & string],
) =>
  reference(
    label,
    resource,
    col as never,
    (t) => sql`(select ${t[table].names} from ${t[table]} where ${q(t[table].id)} = ${q(col(t) as never)})`,
    { localized: true },
  );

/** The subsidy flags' fields, `subsidize10` … `subsidize50`, each labelled as its formula. */
export const SUBSIDY_FIELDS = Object.keys(ART61_SUBSIDIES).map(
  (v) => `subsidize${v}` as `subsidize${Art61SubsidyValue}`,
);

const subsidyFields = Object.fromEntries(
  SUBSIDY_FIELDS.map((f) => [f, boolean(`choices.art61Subsidies.${f.slice(-2)}`, (t) => c(t)[f])]),
) as Record<(typeof SUBSIDY_FIELDS)[number], FieldDef>;

/** The job's responsibilities, sanitised when written and again as they leave (like a note's body). */
const responsibilities: FieldDef = {
  type: "html",
  label: "art61.responsibilities",
  width: 60,
  sortable: false,
  expr: (t) => c(t).responsibilities,
  column: (t) => c(t).responsibilities,
  input: z.string().max(200_000),
  present: (value) => sanitizeNoteBody(String(value ?? "")),
};

/** Integration agents write Art. 61 contracts (IntegUser); social coordinators read them on the client (§1). */
export const ART61_READERS: Role[] = ["IntegUser", "SocialCoordinator"];

const beforeSave = contractBeforeSave(art61Kind);

export const art61ContractsResource = defineResource({
  id: "art61.contracts",
  title: "art61.contracts.title",
  countLabel: "relations.art61Contracts",
  table: (t) => t.art61Contracts,
  pk: (t) => t.art61Contracts.id,
  version: (t) => t.art61Contracts.version,
  fields: {
    ...contractFields(art61Kind),
    company: organisationRef("art61.company", (t) => c(t).companyId, { required: true }),
    contactPerson: personRef("art61.contactPerson", (t) => c(t).contactPersonId),
    contactRole: roleTypeRef("art61.contactRole", (t) => c(t).contactRoleId),
    jobTitle: text("art61.jobTitle", (t) => c(t).jobTitle, { max: 200 }),
    status: cvRef("art61.status", "cv.statuses", "cvStatuses", (t) => c(t).statusId),
    cvDuration: cvRef("art61.cvDuration", "cv.durations", "cvDurations", (t) => c(t).cvDurationId),
    regime: cvRef("art61.regime", "cv.regimes", "cvRegimes", (t) => c(t).regimeId),
    duration: integer("art61.duration", (t) => c(t).duration, { min: 0, max: 9999, width: 8 }),
    referencePerson: text("art61.referencePerson", (t) => c(t).referencePerson, { max: 200 }),
    responsibilities,
    remark: text("art61.remark", (t) => c(t).remark, { max: 2000 }),
    ...subsidyFields,
    printed: contractPrintedField(art61Kind),
  },
  // Printing the convention certifies the contract (§2.3): what it says stays as printed until "Clear printed".
  certified: certifiedContract(art61Kind, [...ART61_PRINTED_FIELDS, ...SUBSIDY_FIELDS]),
  normalize: (values) => {
    if (typeof values.responsibilities === "string")
      values.responsibilities = sanitizeNoteBody(values.responsibilities);
    return values;
  },
  columns: ["id", "client", "company", "type", "appliesFrom", "appliesUntil", "dateEnded", "user", "ending"],
  hiddenColumns: [
    "title",
    "userAsd",
    "examPolicy",
    "dateDecided",
    "dateIssued",
    "language",
    "jobTitle",
    "contactPerson",
    ...SUBSIDY_FIELDS,
    "printed",
    "signer1",
    "signer2",
  ],
  titleField: "title",
  filters: {
    ...contractFilters(art61Kind),
    company: {
      label: "art61.company",
      widget: "ref",
      ref: "contacts.organisations",
      schema: z.number().int(),
      where: (v: number, t) => eq(c(t).companyId, v),
    },
  },
  defaultSort: [{ field: "appliesFrom", dir: "desc" }],
  access: {
    view: ART61_READERS,
    edit: ["IntegUser"],
    listAll: ["IntegUser"],
  },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "client", "type", "user", "userAsd", "language"] },
        { fields: ["appliesFrom", "appliesUntil", "dateEnded", "ending", "dateDecided", "dateIssued", "examPolicy"] },
        { fields: ["company", "contactPerson", "contactRole", "printed"] },
        { fields: ["signer1", "signer2"] },
        { fields: [...SUBSIDY_FIELDS] },
      ],
      slaves: [{ resource: "art61.evaluations", label: "isip.evaluations.title", masterField: "ownerId" }],
    },
    {
      key: "job",
      label: "art61.jobTab",
      groups: [
        { fields: ["jobTitle", "status", "cvDuration", "regime", "duration"] },
        { fields: ["referencePerson", "remark"] },
        { fields: ["responsibilities"] },
      ],
    },
  ],
  insert: {
    fields: [
      ...["client", "type", "company", "contactPerson", "jobTitle"],
      ...["appliesFrom", "appliesUntil", "user", "language", ...SUBSIDY_FIELDS],
    ],
    defaults: (ctx) => ({ user: ctx.user.id, appliesFrom: belgianToday(), language: ctx.user.language }),
  },
  beforeSave: async (tx, ctx, id, values) => {
    // The employer is an organisation, the contact a person, the client a client (never another kind).
    await assertKinds(tx, ctx.handle.t, {
      client: { id: values.client, kind: "person", client: true },
      company: { id: values.company, kind: "organisation" },
      contactPerson: { id: values.contactPerson, kind: "person" },
    });
    await beforeSave(tx, ctx, id, values);
  },
  afterSave: contractAfterSave(art61Kind),
  actions: [printConventionAction, clearPrintedContractAction(art61Kind)],
});

/** Integration → My Art. 61 contracts (Lino's MyContracts): the reader's own. */
export const myArt61ContractsResource: ResourceDef = {
  ...art61ContractsResource,
  id: "art61.mine",
  title: "art61.contracts.mine",
  scope: (t, ctx) => eq(t.art61Contracts.userId, ctx.user.id),
  columns: ["id", "client", "company", "type", "appliesFrom", "appliesUntil", "dateEnded", "ending"],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  // New contracts are made on the client; this list follows one's own.
  insert: undefined,
  variantOf: art61ContractsResource.id,
};

/** The evaluation meetings of an Art. 61 contract (§2.3), generated by the series engine. */
export const art61EvaluationsResource = contractEvaluationsResource(art61Kind, "art61.evaluations", ART61_READERS);
