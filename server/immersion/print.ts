/**
 * The printed immersion training (domain-integ-money §2.7; Lino's immersion body, the agreement of
 * FOREM's StageForem): the parties (the PCSW, its integration service through the agent, the host
 * organisation and its contact person, the trainee), the goal, the period, the sector and function,
 * the reference person, the responsibilities, the duties of each party, evaluation, signatures.
 * Printing certifies the training like a PIIS (server/isip/print.ts) until "Clear printed".
 */
import { eq, sql, type SQLWrapper } from "drizzle-orm";
import { pickLocalized } from "@/lib/format";
import { signersData } from "@/server/documents/signers";
import { htmlParagraphs } from "@/server/documents/html-paragraphs";
import { documentDate, type DocumentLanguage } from "@/server/documents/language";
import type { PrintFacts } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import { AppError } from "@/server/errors";
import { contractPartyOf } from "@/server/isip/print";
import {
  contractDocumentType,
  printContract,
  printContractAction,
  seedContractDocumentType,
  type ContractPrint,
} from "@/server/isip/print-contract";
import type { ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { immersionKind } from "./kind";

type Tx = ResourceCtx["handle"]["db"];
type Names = Record<string, string> | null;

/** What the print of an immersion training vouches for beyond the base's fields (the form shows them read-only). */
export const IMMERSION_PRINTED_FIELDS = [
  ...["goal", "company", "contactPerson", "contactRole", "sector", "function", "referencePerson"],
  "responsibilities",
] as const;

/** The printed training's tags (templates/immersionContract, scripts/build-templates.ts), in the document's language. */
export async function immersionContractData(
  tx: Tx,
  ctx: Pick<ResourceCtx, "handle">,
  id: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const c = t.immersionContracts;
  const names = (table: "immersionGoals" | "roleTypes" | "cvSectors" | "cvFunctions", col: SQLWrapper) =>
    sql<Names>`(select ${t[table].names} from ${t[table]} where ${t[table].id} = ${col})`;
  const [row] = await tx
    .select({
      id: c.id,
      clientId: c.clientId,
      companyId: c.companyId,
      contactPersonId: c.contactPersonId,
      appliesFrom: c.appliesFrom,
      appliesUntil: sql<string | null>`coalesce(${c.dateEnded}, ${c.appliesUntil})`,
      referencePerson: c.referencePerson,
      responsibilities: c.responsibilities,
      typeNames: t.immersionContractTypes.names,
      typeFullNames: t.immersionContractTypes.fullNames,
      signer1Id: c.signer1Id,
      signer2Id: c.signer2Id,
      goal: names("immersionGoals", c.goalId),
      contactRole: names("roleTypes", c.contactRoleId),
      sector: names("cvSectors", c.sectorId),
      function: names("cvFunctions", c.functionId),
      agentName: userNameOf(t, q(c.userId)),
    })
    .from(c)
    .innerJoin(t.immersionContractTypes, eq(t.immersionContractTypes.id, c.typeId))
    .where(eq(c.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  const [client, company, contact] = await Promise.all([
    contractPartyOf(tx, t, row.clientId, language),
    contractPartyOf(tx, t, row.companyId, language),
    contractPartyOf(tx, t, row.contactPersonId, language),
  ]);
  const localized = (n: Names) => pickLocalized(n ?? {}, language);
  return {
    contractId: String(row.id),
    contractTitle: localized(row.typeFullNames) || localized(row.typeNames) || print.typeName,
    clientName: client?.name ?? "",
    birthDate: client?.birthDate ?? "",
    nationalId: client?.nationalId ?? "",
    clientAddress: client?.address ?? "",
    companyName: company?.name ?? "",
    companyAddress: company?.address ?? "",
    contact: contact?.name ?? "",
    contactRole: localized(row.contactRole),
    goal: localized(row.goal),
    sector: localized(row.sector),
    function: localized(row.function),
    appliesFrom: documentDate(row.appliesFrom, language),
    hasUntil: !!row.appliesUntil,
    appliesUntil: documentDate(row.appliesUntil, language),
    referencePerson: row.referencePerson,
    responsibilities: htmlParagraphs(row.responsibilities),
    agentName: row.agentName ?? "",
    place: print.centre.place,
    ...(await signersData(tx, t, row, language)),
  };
}

/**
 * How an immersion training prints (server/isip/print-contract.ts): the primary document type of
 * those trainings, in the training's language (else its client's, else the centre's), certifying it.
 */
export const IMMERSION_PRINT: ContractPrint = {
  kind: immersionKind,
  roles: ["ImmersionUser"],
  documentType: {
    names: {
      fr: "Convention de stage d'immersion",
      nl: "Overeenkomst inleefstage",
      de: "Vereinbarung Immersionspraktikum",
      en: "Immersion training agreement",
    },
    template: "immersionContract",
  },
  data: immersionContractData,
};

export const printImmersion = (ctx: ResourceCtx, id: number) => printContract(IMMERSION_PRINT, ctx, id);

/** "Print" on an immersion training, for those who write them (printing certifies it). */
export const printImmersionAction = printContractAction(IMMERSION_PRINT);

/** The document type of immersion trainings, the same row in every centre (and migration 0051's data part). */
export const IMMERSION_DOCUMENT_TYPE = contractDocumentType(IMMERSION_PRINT);

/** Every centre's document type of immersion trainings (its roles exist only where Châtelet's field set is used). */
export const seedImmersionDocumentType = seedContractDocumentType(IMMERSION_PRINT);
