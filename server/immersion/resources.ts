import { eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import type { Role } from "@/server/auth/user-types";
import { assertClient } from "@/server/clients/client-rows";
import { assertKinds, organisationRef, personRef, roleTypeRef } from "@/server/contacts/refs";
import { contractAfterSave, contractBeforeSave } from "@/server/isip/base";
import { contractTypeFields, namesOf } from "@/server/isip/config";
import { contractFields, contractFilters } from "@/server/isip/contracts";
import { contractEvaluationsResource } from "@/server/isip/evaluations";
import { certifiedContract, clearPrintedContractAction, contractPrintedField } from "@/server/isip/print";
import { sanitizeNoteBody } from "@/server/notes/sanitize";
import { defineResource, type FieldDef, type ResourceDef } from "@/server/resources/define";
import { integer, localizedText, longText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { immersionKind } from "./kind";
import { IMMERSION_PRINTED_FIELDS, printImmersionAction } from "./print";

/**
 * Immersion trainings (domain-integ-money §2.7; Lino's immersion.Contracts, MyContracts, ContractsByClient,
 * ContractTypes, Goals), Châtelet only: their roles exist only where the centre uses Châtelet's field set.
 * Integration agents write them; social coordinators read a client's (Lino: IntegUser or SocialCoordinator).
 */

const C = (t: TenantTables) => t.immersionContracts;

const READERS: Role[] = ["ImmersionReader"];
const WRITERS: Role[] = ["ImmersionUser"];

/** A reference to a row of a CV list (sector, function), shown by its name in the reader's language. */
const cvRef = (
  label: string,
  resource: string,
  table: "cvSectors" | "cvFunctions",
  col: (t: TenantTables) => AnyPgColumn,
) => reference(label, resource, col, (t) => namesOf(t[table], q(col(t))), { localized: true });

const responsibilities: FieldDef = {
  type: "html",
  label: "immersion.responsibilities",
  width: 60,
  sortable: false,
  expr: (t) => C(t).responsibilities,
  column: (t) => C(t).responsibilities,
  input: z.string().max(200_000),
  present: (value) => sanitizeNoteBody(String(value ?? "")),
};

export const immersionContractsResource = defineResource({
  id: "immersion.contracts",
  title: "immersion.contracts.title",
  countLabel: "relations.immersionContracts",
  table: C,
  pk: (t) => C(t).id,
  version: (t) => C(t).version,
  fields: {
    ...contractFields(immersionKind),
    goal: reference(
      "immersion.goal",
      "immersion.goals",
      (t) => C(t).goalId,
      (t) => namesOf(t.immersionGoals, q(C(t).goalId)),
      { required: true, localized: true },
    ),
    company: organisationRef("immersion.company", (t) => C(t).companyId, { required: true }),
    contactPerson: personRef("immersion.contactPerson", (t) => C(t).contactPersonId),
    contactRole: roleTypeRef("immersion.contactRole", (t) => C(t).contactRoleId),
    sector: cvRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => C(t).sectorId),
    function: cvRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => C(t).functionId),
    referencePerson: text("immersion.referencePerson", (t) => C(t).referencePerson, { max: 200, width: 20 }),
    responsibilities,
    remark: longText("fields.remark", (t) => C(t).remark),
    printed: contractPrintedField(immersionKind),
  },
  // Printing certifies the training (§2.3): what the print says stays as printed until "Clear printed".
  certified: certifiedContract(immersionKind, IMMERSION_PRINTED_FIELDS),
  actions: [printImmersionAction, clearPrintedContractAction(immersionKind)],
  normalize: (values) => {
    if (typeof values.responsibilities === "string")
      values.responsibilities = sanitizeNoteBody(values.responsibilities);
    return values;
  },
  columns: ["id", "client", "company", "appliesFrom", "appliesUntil", "user", "type"],
  hiddenColumns: [
    "title",
    "goal",
    "sector",
    "function",
    "dateEnded",
    "ending",
    "userAsd",
    "examPolicy",
    "dateDecided",
    "dateIssued",
    "language",
    "remark",
    "printed",
    "signer1",
    "signer2",
  ],
  titleField: "title",
  filters: {
    ...contractFilters(immersionKind),
    company: {
      label: "immersion.company",
      widget: "ref",
      ref: "contacts.organisations",
      schema: z.number().int(),
      where: (v: number, t) => eq(C(t).companyId, v),
    },
    goal: {
      label: "immersion.goal",
      widget: "ref",
      ref: "immersion.goals",
      schema: z.number().int(),
      where: (v: number, t) => eq(C(t).goalId, v),
    },
  },
  defaultSort: [{ field: "appliesFrom", dir: "desc" }],
  access: { view: READERS, edit: WRITERS, listAll: WRITERS },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "client", "user", "userAsd", "language"] },
        { fields: ["type", "goal", "company", "contactPerson", "contactRole"] },
        { fields: ["appliesFrom", "appliesUntil", "examPolicy", "sector", "function", "referencePerson"] },
        { fields: ["dateDecided", "dateIssued", "dateEnded", "ending", "remark", "printed"] },
        { fields: ["signer1", "signer2"] },
      ],
      slaves: [{ resource: "immersion.evaluations", label: "isip.evaluations.title", masterField: "ownerId" }],
    },
    {
      key: "responsibilities",
      label: "immersion.responsibilities",
      groups: [{ fields: ["responsibilities"] }],
    },
  ],
  insert: {
    fields: ["client", "company", "type", "goal", "appliesFrom", "appliesUntil", "user", "language"],
    defaults: (ctx) => ({ user: ctx.user.id, appliesFrom: belgianToday(), language: ctx.user.language }),
  },
  beforeSave: async (tx, ctx, id, values) => {
    // The client must be one of the centre's clients; the company an organisation, the contact a person.
    await assertClient(tx, ctx.handle.t, values.client);
    await assertKinds(tx, ctx.handle.t, {
      company: { id: values.company, kind: "organisation" },
      contactPerson: { id: values.contactPerson, kind: "person" },
    });
    await contractBeforeSave(immersionKind)(tx, ctx, id, values);
  },
  afterSave: contractAfterSave(immersionKind),
});

/** Integration → My immersion trainings (Lino's MyContracts): the reader's own. */
export const myImmersionContractsResource: ResourceDef = {
  ...immersionContractsResource,
  id: "immersion.mine",
  title: "immersion.contracts.mine",
  scope: (t, ctx) => eq(t.immersionContracts.userId, ctx.user.id),
  columns: ["appliesFrom", "client", "type", "company", "appliesUntil", "dateEnded", "ending"],
  access: { view: WRITERS, edit: WRITERS },
  insert: undefined,
  variantOf: immersionContractsResource.id,
};

/** The evaluation meetings of an immersion training (§2.3), generated by the series engine. */
export const immersionEvaluationsResource = contractEvaluationsResource(
  immersionKind,
  "immersion.evaluations",
  READERS,
);

/** Configure → Integration: kept by integration staff, offered on the trainings' forms to whoever writes them. */
const CONFIG_ACCESS = { view: ["ImmersionUser" as const], edit: ["ImmersionStaff" as const] };

export const immersionTypesResource = defineResource({
  id: "immersion.types",
  title: "immersion.types.title",
  table: (t) => t.immersionContractTypes,
  pk: (t) => t.immersionContractTypes.id,
  version: (t) => t.immersionContractTypes.version,
  fields: contractTypeFields(immersionKind.types),
  columns: ["name", "examPolicy", "overlapGroup"],
  hiddenColumns: ["id", "fullName", "ref"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: CONFIG_ACCESS,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "fullName", "ref"] }, { fields: ["examPolicy", "overlapGroup"] }],
      slaves: [{ resource: "immersion.contracts", label: "immersion.contracts.title", masterField: "type" }],
    },
  ],
  insert: { fields: ["name", "examPolicy", "overlapGroup"] },
});

export const immersionGoalsResource = defineResource({
  id: "immersion.goals",
  title: "immersion.goals.title",
  table: (t) => t.immersionGoals,
  pk: (t) => t.immersionGoals.id,
  version: (t) => t.immersionGoals.version,
  fields: {
    id: integer("fields.id", (t) => t.immersionGoals.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.immersionGoals.names, { required: true }),
  },
  columns: ["name"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: CONFIG_ACCESS,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["id", "name"] }],
      slaves: [{ resource: "immersion.contracts", label: "immersion.contracts.title", masterField: "goal" }],
    },
  ],
  insert: { fields: ["name"] },
});
