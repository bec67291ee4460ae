import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import type { Role } from "@/server/auth/user-types";
import { belgianToday } from "@/lib/format";
import { periodOf } from "@/server/clients/events";
import { clientNameOf } from "@/server/clients/sql";
import { organisationRef, personRef } from "@/server/contacts/refs";
import { sanitizeNoteBody } from "@/server/notes/sanitize";
import { AppError } from "@/server/errors";
import { defineChoiceList } from "@/server/resources/choices";
import {
  defineResource,
  type FieldDef,
  type FilterDef,
  type ResourceCtx,
  type ResourceDef,
} from "@/server/resources/define";
import { choice, date, dateRangeSchema, integer, reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { uiLanguages } from "@/server/users/resource";
import { contractActiveIn, contractAfterSave, contractBeforeSave, isipKind, type ContractKind } from "./base";
import { namesOf } from "./config";
import { contractEvaluationsResource } from "./evaluations";
import {
  allowIsipPrintAction,
  certifiedContract,
  clearPrintedContractAction,
  contractCertified,
  contractPrintedField,
  printIsipAction,
  printOverrideFields,
} from "./print";

/** The ISIP/PIIS contracts (domain-integ-money §2.3–2.4) and what other contract kinds reuse of their declaration. */

type C = TenantTables["isipContracts"];

/** What happened to a contract in a period (§2.3 ContractEvents); "active" by default. */
export const contractEvents = defineChoiceList("contractEvents", ["active", "started", "ended", "decided", "issued"]);

/** The fields every contract has (§2.3), on the kind's table. */
export function contractFields(kind: ContractKind): Record<string, FieldDef> {
  const c = kind.contracts;
  return {
    id: integer("fields.id", (t) => c(t).id, { editable: false, plain: true, width: 6 }),
    // How a contract is named in pickers and titles: "#12 · ARENS Anna (123)".
    title: {
      type: "text",
      label: "isip.title",
      width: 30,
      sortable: false,
      expr: (t) => sql<string>`'#' || ${q(c(t).id)} || ' · ' || ${clientNameOf(t, q(c(t).clientId))}`,
    },
    client: reference(
      "isip.client",
      "clients.clients",
      (t) => c(t).clientId,
      (t) => clientNameOf(t, q(c(t).clientId)),
      {
        required: true,
        createOnly: true,
      },
    ),
    type: reference(
      "isip.type",
      `${kind.kind}.types`,
      (t) => c(t).typeId,
      (t) => namesOf(kind.types(t), q(c(t).typeId)),
      {
        required: true,
        localized: true,
      },
    ),
    user: reference(
      "isip.user",
      "users.users",
      (t) => c(t).userId,
      (t) => userNameOf(t, q(c(t).userId)),
      {
        choices: activeStaff,
      },
    ),
    userAsd: reference(
      "isip.userAsd",
      "users.users",
      (t) => c(t).userAsdId,
      (t) => userNameOf(t, q(c(t).userAsdId)),
      {
        choices: activeStaff,
      },
    ),
    language: choice("isip.language", (t) => c(t).language, uiLanguages, { width: 10 }),
    appliesFrom: date("isip.appliesFrom", (t) => c(t).appliesFrom, { required: true }),
    appliesUntil: date("isip.appliesUntil", (t) => c(t).appliesUntil),
    dateEnded: date("isip.dateEnded", (t) => c(t).dateEnded),
    ending: reference(
      "isip.ending",
      "isip.endings",
      (t) => c(t).endingId,
      (t) => namesOf(t.contractEndings, q(c(t).endingId)),
      {
        localized: true,
      },
    ),
    dateDecided: date("isip.dateDecided", (t) => c(t).dateDecided),
    dateIssued: date("isip.dateIssued", (t) => c(t).dateIssued),
    examPolicy: reference(
      "isip.examPolicy",
      "isip.examPolicies",
      (t) => c(t).examPolicyId,
      (t) => namesOf(t.examPolicies, q(c(t).examPolicyId)),
      { localized: true },
    ),
    // Who signs for the centre (§2.3): the letterhead's secretary and president when the contract is created.
    signer1: personRef("isip.signer1", (t) => c(t).signer1Id),
    signer2: personRef("isip.signer2", (t) => c(t).signer2Id),
  };
}

function eventCondition(c: C, event: string, all: Record<string, unknown>) {
  const { start, end } = periodOf(all);
  switch (event) {
    case "active":
      return contractActiveIn(c, start, end);
    case "started":
      return sql`${q(c.appliesFrom)} between ${start} and ${end}`;
    case "ended":
      return sql`${q(c.dateEnded)} between ${start} and ${end}`;
    case "decided":
      return sql`${q(c.dateDecided)} between ${start} and ${end}`;
    case "issued":
      return sql`${q(c.dateIssued)} between ${start} and ${end}`;
    default:
      return undefined;
  }
}

/** The filters every contract list shares (§2.3): author, type, what happened in a period, ending, success. */
export function contractFilters(kind: ContractKind): Record<string, FilterDef> {
  const c = kind.contracts;
  return {
    user: {
      label: "isip.user",
      summary: "isip.userSummary",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t) => eq(c(t).userId, v),
    },
    type: {
      label: "isip.type",
      widget: "ref",
      ref: `${kind.kind}.types`,
      schema: z.number().int(),
      where: (v: number, t) => eq(c(t).typeId, v),
    },
    period: { label: "resources.clients.period", widget: "dateRange", schema: dateRangeSchema, where: () => undefined },
    observedEvent: {
      label: "resources.clients.observedEvent",
      widget: "choice",
      choices: contractEvents,
      schema: z.enum(contractEvents.values as unknown as [string, ...string[]]),
      where: (v: string, t, _ctx, all) => eventCondition(c(t), v, all),
    },
    ending: {
      label: "isip.ending",
      widget: "ref",
      ref: "isip.endings",
      schema: z.number().int(),
      where: (v: number, t) => eq(c(t).endingId, v),
    },
    endingSuccess: {
      label: "isip.endingSuccess",
      widget: "boolean",
      schema: z.boolean(),
      where: (v: boolean, t) =>
        sql`exists (select 1 from ${t.contractEndings} e where e.id = ${q(c(t).endingId)} and e.is_success = ${v})`,
    },
  };
}

/** A rich text of the contract, sanitised when written and again as it leaves (like a note's body). */
const richText = (label: string, col: (t: TenantTables) => C[keyof C & string]): FieldDef => ({
  type: "html",
  label,
  width: 60,
  sortable: false,
  expr: col as never,
  column: col as never,
  input: z.string().max(200_000),
  present: (value) => sanitizeNoteBody(String(value ?? "")),
});

/**
 * A contract whose type "needs a study type" (§2.4: the training and full-time study ISIPs) names one:
 * else the save that makes it so is refused on the field, nothing written.
 */
async function requireStudyType(
  tx: Parameters<NonNullable<ResourceDef["beforeSave"]>>[0],
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  const t = ctx.handle.t;
  const c = t.isipContracts;
  const [before] =
    id === undefined
      ? []
      : await tx
          .select({ typeId: c.typeId, studyTypeId: c.studyTypeId })
          .from(c)
          .where(eq(c.id, Number(id)));
  const typeId = "type" in values ? values.type : before?.typeId;
  const studyType = "studyType" in values ? values.studyType : before?.studyTypeId;
  if (studyType !== null && studyType !== undefined && studyType !== "") return;
  // Only a save that sets the type or takes the study type away is refused: a contract made before the
  // field existed can still be given its ending or a remark without someone first finding its study type.
  const touched =
    before === undefined ||
    ("type" in values && Number(values.type) !== before.typeId) ||
    ("studyType" in values && before.studyTypeId !== null);
  if (!touched) return;
  const [type] = await tx
    .select({ needs: t.isipContractTypes.needsStudyType })
    .from(t.isipContractTypes)
    .where(eq(t.isipContractTypes.id, Number(typeId)));
  if (type?.needs) throw new AppError("INVALID_INPUT", { field: "studyType", messageKey: "isip.studyTypeRequired" });
}

/** Integration agents write contracts; social users read them, social coordinators on the client (§1). */
const CONTRACT_READERS: Role[] = ["IntegUser", "SocialUser", "SocialCoordinator"];

const RICH_TEXTS = ["stages", "goals", "dutiesAsd", "dutiesDsbe", "dutiesPcsw", "dutiesPerson"] as const;

/** The client's contracts and the list of all of them (Explorer); "my contracts" is a variant. */
export const isipContractsResource = defineResource({
  id: "isip.contracts",
  title: "isip.contracts.title",
  countLabel: "relations.isipContracts",
  table: (t) => t.isipContracts,
  pk: (t) => t.isipContracts.id,
  version: (t) => t.isipContracts.version,
  fields: {
    ...contractFields(isipKind),
    stages: richText("isip.stages", (t) => t.isipContracts.stages),
    goals: richText("isip.goals", (t) => t.isipContracts.goals),
    dutiesAsd: richText("isip.dutiesAsd", (t) => t.isipContracts.dutiesAsd),
    dutiesDsbe: richText("isip.dutiesDsbe", (t) => t.isipContracts.dutiesDsbe),
    dutiesPcsw: richText("isip.dutiesPcsw", (t) => t.isipContracts.dutiesPcsw),
    dutiesPerson: richText("isip.dutiesPerson", (t) => t.isipContracts.dutiesPerson),
    studyType: reference(
      "isip.studyType",
      "cv.studyTypes",
      (t) => t.isipContracts.studyTypeId,
      (t) => namesOf(t.cvStudyTypes, q(t.isipContracts.studyTypeId)),
      { localized: true },
    ),
    printed: contractPrintedField(isipKind),
    ...printOverrideFields,
  },
  // Printing certifies the contract (§2.3): what the print says stays as printed until "Clear printed".
  certified: certifiedContract(isipKind, RICH_TEXTS),
  actions: [printIsipAction, allowIsipPrintAction, clearPrintedContractAction(isipKind)],
  normalize: (values) => {
    for (const key of RICH_TEXTS) if (typeof values[key] === "string") values[key] = sanitizeNoteBody(values[key]);
    return values;
  },
  columns: ["id", "client", "type", "appliesFrom", "appliesUntil", "dateEnded", "user", "ending"],
  hiddenColumns: [
    "title",
    "studyType",
    "userAsd",
    "examPolicy",
    "dateDecided",
    "dateIssued",
    "language",
    "printed",
    "signer1",
    "signer2",
  ],
  titleField: "title",
  filters: {
    ...contractFilters(isipKind),
    // Lino's Contracts parameters `company` (one of the contract's external partners) and `study_type` (§2.4).
    partner: {
      label: "isip.partnerFilter",
      widget: "ref",
      ref: "contacts.organisations",
      schema: z.number().int(),
      where: (v: number, t) =>
        sql`exists (select 1 from ${t.isipPartners} where ${q(t.isipPartners.contractId)} = ${q(t.isipContracts.id)} and ${q(t.isipPartners.companyId)} = ${v})`,
    },
    studyType: {
      label: "isip.studyType",
      widget: "ref",
      ref: "cv.studyTypes",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.isipContracts.studyTypeId, v),
    },
  },
  defaultSort: [{ field: "appliesFrom", dir: "desc" }],
  access: {
    view: CONTRACT_READERS,
    edit: ["IntegUser"],
    listAll: ["IntegUser", "SocialStaff"],
  },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "client", "type", "studyType", "user", "userAsd", "language"] },
        { fields: ["appliesFrom", "appliesUntil", "dateEnded", "ending", "dateDecided", "dateIssued", "examPolicy"] },
        {
          label: "isip.print.group",
          fields: ["printed", "signer1", "signer2", "printOverrideBy", "printOverrideAt", "printOverrideReason"],
        },
      ],
      slaves: [
        { resource: "isip.partners", label: "isip.partners.title", masterField: "contract" },
        { resource: "isip.evaluations", label: "isip.evaluations.title", masterField: "ownerId" },
      ],
    },
    {
      key: "isip",
      label: "isip.textsTab",
      groups: [{ fields: ["goals", "stages"] }, { fields: ["dutiesDsbe", "dutiesAsd", "dutiesPcsw", "dutiesPerson"] }],
    },
  ],
  insert: {
    fields: ["client", "type", "studyType", "appliesFrom", "appliesUntil", "user", "language"],
    defaults: (ctx) => ({ user: ctx.user.id, appliesFrom: belgianToday(), language: ctx.user.language }),
  },
  beforeSave: async (tx, ctx, id, values) => {
    await contractBeforeSave(isipKind)(tx, ctx, id, values);
    await requireStudyType(tx, ctx, id, values);
  },
  afterSave: contractAfterSave(isipKind),
});

/** Integration → My ISIPs (Lino's MyContracts): the reader's own. */
export const myIsipContractsResource: ResourceDef = {
  ...isipContractsResource,
  id: "isip.mine",
  title: "isip.contracts.mine",
  scope: (t, ctx) => eq(t.isipContracts.userId, ctx.user.id),
  columns: ["id", "client", "type", "appliesFrom", "appliesUntil", "dateEnded", "ending"],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  // New contracts are made on the client (their author is chosen there); this list follows one's own.
  insert: undefined,
  variantOf: isipContractsResource.id,
};

const isipPartnerPrinted = contractCertified(isipKind, (t) => t.isipPartners.contractId);

/** The external partners of an ISIP and what they undertake (§2.3 ContractPartner), on the contract. */
export const isipPartnersResource = defineResource({
  id: "isip.partners",
  title: "isip.partners.title",
  table: (t) => t.isipPartners,
  pk: (t) => t.isipPartners.id,
  version: (t) => t.isipPartners.version,
  fields: {
    id: integer("fields.id", (t) => t.isipPartners.id, { editable: false, plain: true, width: 6 }),
    contract: reference(
      "isip.partners.contract",
      "isip.contracts",
      (t) => t.isipPartners.contractId,
      (t) => sql<string>`'#' || ${q(t.isipPartners.contractId)}`,
      {
        required: true,
        createOnly: true,
      },
    ),
    company: organisationRef("isip.partners.company", (t) => t.isipPartners.companyId, { required: true }),
    contactPerson: personRef("isip.partners.contactPerson", (t) => t.isipPartners.contactPersonId),
    dutiesCompany: richText("isip.partners.duties", (t) => t.isipPartners.dutiesCompany as never),
  },
  normalize: (values) => {
    if (typeof values.dutiesCompany === "string") values.dutiesCompany = sanitizeNoteBody(values.dutiesCompany);
    return values;
  },
  // The partners and their duties are printed too: while the contract is printed they stay as printed.
  locked: { when: isipPartnerPrinted, messageKey: "isip.print.partnersLocked" },
  beforeSave: async (tx, ctx, id, values) => {
    if (id !== undefined || values.contract === undefined) return;
    const t = ctx.handle.t;
    const [row] = await tx
      .select({ on: contractCertified(isipKind, (t) => t.isipContracts.id)(t) })
      .from(t.isipContracts)
      .where(eq(t.isipContracts.id, Number(values.contract)));
    if (row?.on === true) throw new AppError("INVALID_INPUT", { messageKey: "isip.print.partnersLocked" });
  },
  columns: ["company", "contactPerson", "dutiesCompany"],
  hiddenColumns: ["id", "contract"],
  titleField: "company",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: { view: CONTRACT_READERS, edit: ["IntegUser"], listAll: [] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["contract", "company", "contactPerson"] }, { fields: ["dutiesCompany"] }],
    },
  ],
  insert: { fields: ["contract", "company", "contactPerson", "dutiesCompany"] },
});

/** The evaluation meetings of an ISIP (§2.3); on the client, those of all its contracts. */
export const isipEvaluationsResource = contractEvaluationsResource(isipKind, "isip.evaluations", CONTRACT_READERS);
