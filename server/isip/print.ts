/**
 * The printed PIIS (domain-integ-money §2.3–2.4): printing a contract certifies it (its "printed"
 * date is its certifying excerpt's), which locks the fields the print vouches for until "Clear
 * printed"; a PIIS without PCSW duties is not printed unless someone with the authority allowed it,
 * saying why. The certifying part is declared per contract kind, so other kinds reuse it.
 */
import { eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { pickLocalized } from "@/lib/format";
import { actorOf, changedFields, rowChange, writeAudit } from "@/server/audit";
import { clientNameOf } from "@/server/clients/sql";
import { certifiedAt, certifiedBy, certifiedDeclaration, clearPrintedAction } from "@/server/documents/certifying";
import { signersData } from "@/server/documents/signers";
import { htmlParagraphs, hasText } from "@/server/documents/html-paragraphs";
import { documentDate, type DocumentLanguage } from "@/server/documents/language";
import type { PrintFacts } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import { AppError } from "@/server/errors";
import type { ActionDef, FieldDef, ResourceCtx } from "@/server/resources/define";
import { datetime, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { isipClauseParagraphs } from "./clauses";
import { isipKind, type ContractKind } from "./base";
import { printContract, printContractAction, seedContractDocumentType, type ContractPrint } from "./print-contract";

type Tx = ResourceCtx["handle"]["db"];

/**
 * What the print of any contract vouches for (§2.3 "certifiable"): who, for whom, of which type, by
 * whom, for which period and how it is evaluated. What happens after the print (effective end,
 * ending, board decision, signature date) stays editable. A kind adds its own printed fields.
 */
export const CERTIFIED_CONTRACT_FIELDS = [
  "client",
  "type",
  "user",
  "userAsd",
  "language",
  "appliesFrom",
  "appliesUntil",
  "examPolicy",
  "signer1",
  "signer2",
] as const;

/** A contract kind's `certified` declaration: its base fields and `extra` (e.g. an ISIP's rich texts). */
export const certifiedContract = (kind: ContractKind, extra: readonly string[] = []) =>
  certifiedDeclaration(kind.ownerType, (t) => kind.contracts(t).id, [...CERTIFIED_CONTRACT_FIELDS, ...extra]);

/** Whether a contract of the kind is printed (a certifying print not cleared), for SQL conditions. */
export const contractCertified =
  (kind: ContractKind, id: (t: TenantTables) => Parameters<typeof q>[0]) => (t: TenantTables) =>
    certifiedBy(t, kind.ownerType, q(id(t)));

/** "Printed": when the contract's certifying print was made, empty once cleared (Lino's `printed_by`). */
export const contractPrintedField = (kind: ContractKind): FieldDef => ({
  ...datetime("isip.print.printed", (t) => kind.contracts(t).id),
  expr: (t) => certifiedAt(t, kind.ownerType, q(kind.contracts(t).id)),
  sortable: false,
});

/** "Clear printed" on a contract: for those who write contracts (the action's row check keeps it to rows they see). */
export const clearPrintedContractAction = (kind: ContractKind): ActionDef =>
  clearPrintedAction(kind.ownerType, ["IntegUser"], "isip.print.nothingToClear", "printed");

/**
 * Why a PIIS may not be printed (§2.4: "no active aid confirmation and Duties (PCSW) is empty"),
 * as a message key, or null when it may: PCSW duties written, an active aid (none exist yet: aids
 * are not implemented), or an authorised person allowed it.
 */
export function isipPrintRefusal(c: { dutiesPcsw: string; activeAid: boolean; overridden: boolean }): string | null {
  if (c.overridden || c.activeAid || hasText(c.dutiesPcsw)) return null;
  return "isip.print.noPcswDuties";
}

/** The ISIP with what printing needs to know; NOT_FOUND when it is gone. */
async function contractOf(tx: Tx, t: TenantTables, id: number) {
  const [row] = await tx
    .select({
      clientId: t.isipContracts.clientId,
      language: sql<
        string | null
      >`coalesce(${t.isipContracts.language}, (select ${t.partners.language} from ${t.partners} where ${t.partners.id} = ${t.isipContracts.clientId}))`,
      dutiesPcsw: t.isipContracts.dutiesPcsw,
      overriddenAt: t.isipContracts.printOverrideAt,
    })
    .from(t.isipContracts)
    .where(eq(t.isipContracts.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The printed PIIS's tags (templates/isipContract, scripts/build-templates.ts), in the document's language. */
export async function isipContractData(
  tx: Tx,
  ctx: Pick<ResourceCtx, "handle">,
  id: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const c = t.isipContracts;
  const [row] = await tx
    .select({
      id: c.id,
      appliesFrom: c.appliesFrom,
      appliesUntil: sql<string | null>`coalesce(${c.dateEnded}, ${c.appliesUntil})`,
      typeNames: t.isipContractTypes.names,
      typeFullNames: t.isipContractTypes.fullNames,
      policyNames: sql<Record<
        string,
        string
      > | null>`(select ${t.examPolicies.names} from ${t.examPolicies} where ${t.examPolicies.id} = ${c.examPolicyId})`,
      agentName: userNameOf(t, q(c.userId)),
      asdName: userNameOf(t, q(c.userAsdId)),
      clientName: clientNameOf(t, q(c.clientId)),
      first: t.partners.firstName,
      last: t.partners.lastName,
      birthDate: t.partners.birthDate,
      nationalId: t.partners.nationalId,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      streetBox: t.partners.streetBox,
      zipCode: t.partners.zipCode,
      placeNames: sql<Record<
        string,
        string
      > | null>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
      goals: c.goals,
      stages: c.stages,
      dutiesPcsw: c.dutiesPcsw,
      dutiesAsd: c.dutiesAsd,
      dutiesDsbe: c.dutiesDsbe,
      dutiesPerson: c.dutiesPerson,
      printedClauses: t.isipContractTypes.printedClauses,
      studyTypeNames: sql<Record<
        string,
        string
      > | null>`(select ${t.cvStudyTypes.names} from ${t.cvStudyTypes} where ${t.cvStudyTypes.id} = ${c.studyTypeId})`,
      signer1Id: c.signer1Id,
      signer2Id: c.signer2Id,
    })
    .from(c)
    .innerJoin(t.isipContractTypes, eq(t.isipContractTypes.id, c.typeId))
    .innerJoin(t.partners, eq(t.partners.id, c.clientId))
    .where(eq(c.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  const partners = await tx
    .select({
      company: sql<string>`(select ${t.partners.name} from ${t.partners} where ${t.partners.id} = ${t.isipPartners.companyId})`,
      contact: sql<
        string | null
      >`(select concat_ws(' ', ${t.partners.firstName}, ${t.partners.lastName}) from ${t.partners} where ${t.partners.id} = ${t.isipPartners.contactPersonId})`,
      duties: t.isipPartners.dutiesCompany,
    })
    .from(t.isipPartners)
    .where(eq(t.isipPartners.contractId, id))
    .orderBy(t.isipPartners.id);
  const streetLine = [row.street, row.streetNo, row.streetBox].filter(Boolean).join(" ");
  const placeLine = [row.zipCode, pickLocalized(row.placeNames ?? {}, language)].filter(Boolean).join(" ");
  const typeName = pickLocalized(row.typeFullNames ?? {}, language) || pickLocalized(row.typeNames, language);
  return {
    contractId: String(row.id),
    contractTitle: typeName,
    appliesFrom: documentDate(row.appliesFrom, language),
    hasUntil: !!row.appliesUntil,
    appliesUntil: documentDate(row.appliesUntil, language),
    examPolicy: pickLocalized(row.policyNames ?? {}, language),
    clientName: `${row.first} ${row.last.toLocaleUpperCase(language)}`.trim() || row.clientName,
    birthDate: documentDate(row.birthDate, language),
    nationalId: row.nationalId ?? "",
    address: [streetLine, placeLine].filter(Boolean).join(", "),
    agentName: row.agentName ?? "",
    hasAsd: !!row.asdName,
    asdName: row.asdName ?? "",
    goals: htmlParagraphs(row.goals),
    stages: htmlParagraphs(row.stages),
    dutiesPcsw: htmlParagraphs(row.dutiesPcsw),
    dutiesAsd: htmlParagraphs(row.dutiesAsd),
    dutiesDsbe: htmlParagraphs(row.dutiesDsbe),
    dutiesPerson: htmlParagraphs(row.dutiesPerson),
    personClauses: isipClauseParagraphs(
      row.printedClauses,
      language,
      pickLocalized(row.studyTypeNames ?? {}, language),
    ),
    ...(await signersData(tx, t, row, language)),
    partners: partners.map((p) => ({
      company: p.company ?? "",
      contact: (p.contact ?? "").trim(),
      duties: htmlParagraphs(p.duties),
    })),
    place: print.centre.place,
  };
}

/**
 * How a PIIS prints (server/isip/print-contract.ts): the primary document type of ISIPs, in the
 * contract's language (else its client's, else the centre's), certifying it. Refused without PCSW
 * duties unless allowed (§2.4).
 */
export const ISIP_PRINT: ContractPrint = {
  kind: isipKind,
  roles: ["IntegUser"],
  documentType: {
    names: {
      fr: "Projet individualisé d’intégration sociale",
      nl: "Geïndividualiseerd project voor maatschappelijke integratie",
      de: "Vertrag zur sozialen Eingliederung",
      en: "Individualised social integration project",
    },
    template: "isipContract",
  },
  check: async (tx, ctx, id) => {
    const contract = await contractOf(tx, ctx.handle.t, id);
    const refusal = isipPrintRefusal({
      dutiesPcsw: contract.dutiesPcsw,
      activeAid: false,
      overridden: contract.overriddenAt !== null,
    });
    if (refusal) throw new AppError("INVALID_INPUT", { messageKey: refusal });
  },
  data: isipContractData,
};

export const printIsip = (ctx: ResourceCtx, id: number) => printContract(ISIP_PRINT, ctx, id);

/** "Print" on a PIIS, for those who write contracts (printing certifies it). */
export const printIsipAction = printContractAction(ISIP_PRINT);

/** Who may allow printing a PIIS without PCSW duties (§1: integration managers and administrators). */
const OVERRIDERS: ActionDef["roles"] = ["IntegrationStaff"];

/**
 * "Allow printing without PCSW duties": records who allowed it, when and why on the contract, audited
 * in the same transaction. Beyond Lino, which only refuses.
 */
export const allowIsipPrintAction: ActionDef = {
  name: "allowPrint",
  label: "isip.print.allow",
  roles: OVERRIDERS,
  params: {
    reason: text("isip.print.overrideReason", (t) => t.isipContracts.printOverrideReason, {
      required: true,
      max: 1000,
    }),
  },
  run: async (ctx, id, params) => {
    const { db, t } = ctx.handle;
    const reason = String(params.reason);
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({
          printOverrideById: t.isipContracts.printOverrideById,
          printOverrideAt: t.isipContracts.printOverrideAt,
          printOverrideReason: t.isipContracts.printOverrideReason,
        })
        .from(t.isipContracts)
        .where(eq(t.isipContracts.id, Number(id)))
        .for("update");
      if (!before) throw new AppError("NOT_FOUND");
      const [after] = await tx
        .update(t.isipContracts)
        .set({
          printOverrideById: ctx.user.id,
          printOverrideAt: sql`now()`,
          printOverrideReason: reason,
          version: sql`${t.isipContracts.version} + 1`,
        })
        .where(eq(t.isipContracts.id, Number(id)))
        .returning({
          printOverrideById: t.isipContracts.printOverrideById,
          printOverrideAt: t.isipContracts.printOverrideAt,
          printOverrideReason: t.isipContracts.printOverrideReason,
        });
      await writeAudit(
        tx,
        t,
        actorOf(ctx.user),
        rowChange(isipKind.resource, "allowPrint", id, changedFields(before, after!)),
      );
    });
  },
};

/** Read-only fields showing the recorded permission to print without PCSW duties: who, when, why. */
const readOnly = (field: FieldDef): FieldDef => {
  const { input: _input, column: _column, ...rest } = field;
  return rest;
};
export const printOverrideFields: Record<string, FieldDef> = {
  printOverrideBy: readOnly(
    reference(
      "isip.print.overrideBy",
      "users.users",
      (t) => t.isipContracts.printOverrideById,
      (t) => userNameOf(t, q(t.isipContracts.printOverrideById)),
    ),
  ),
  printOverrideAt: datetime("isip.print.overrideAt", (t) => t.isipContracts.printOverrideAt),
  printOverrideReason: text("isip.print.overrideReason", (t) => t.isipContracts.printOverrideReason, {
    editable: false,
  }),
};

/** Every centre's document type of ISIPs (§2.4): the primary one, certifying, printing the PIIS template. */
export const seedIsipDocumentType = seedContractDocumentType(ISIP_PRINT);

/**
 * A party of a printed contract (the client, a company, a contact person) as the document names it:
 * "First LAST" for a person (an organisation by its name), its address on one line, its birth date
 * and national id; null when there is none.
 */
export async function contractPartyOf(tx: Tx, t: TenantTables, id: number | null, language: DocumentLanguage) {
  if (id === null) return null;
  const [p] = await tx
    .select({
      first: t.partners.firstName,
      last: t.partners.lastName,
      prefix: t.partners.prefix,
      name: t.partners.name,
      birthDate: t.partners.birthDate,
      nationalId: t.partners.nationalId,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      streetBox: t.partners.streetBox,
      zipCode: t.partners.zipCode,
      placeNames: sql<Record<
        string,
        string
      > | null>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
    })
    .from(t.partners)
    .where(eq(t.partners.id, id));
  if (!p) return null;
  const person = [p.first, p.last?.toLocaleUpperCase(language)].filter(Boolean).join(" ").trim();
  const street = [p.street, p.streetNo, p.streetBox].filter(Boolean).join(" ");
  const place = [p.zipCode, pickLocalized(p.placeNames ?? {}, language)].filter(Boolean).join(" ");
  return {
    name: person || [p.prefix, p.name].filter(Boolean).join(" ").trim(),
    address: [street, place].filter(Boolean).join(", "),
    birthDate: documentDate(p.birthDate, language),
    nationalId: p.nationalId ?? "",
  };
}
