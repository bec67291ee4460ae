/**
 * The printed Art. 60§7 contract (domain-integ-money §2.3, §2.5; Lino's jobs/Contract/Default.odt):
 * the parties (the PCSW as employer, the job's provider as the organisation the employee is made
 * available to, the employee), the job, the duration, regime and schedule, the responsibilities,
 * the reference person, the hourly rate and refund rate, the integration agent, signatures. Printing
 * certifies the contract like a PIIS (server/isip/print.ts): its printed fields wait for "Clear printed".
 */
import { eq, sql } from "drizzle-orm";
import { pickLocalized } from "@/lib/format";
import { signersData } from "@/server/documents/signers";
import { htmlParagraphs } from "@/server/documents/html-paragraphs";
import { documentAmount, documentDate, type DocumentLanguage } from "@/server/documents/language";
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
import { art60ClauseFlags } from "./clauses";
import { art60Kind } from "./kind";

type Tx = ResourceCtx["handle"]["db"];
type Names = Record<string, string> | null;

/** What the print of an Art. 60§7 contract vouches for beyond the base's fields (the form shows them read-only). */
export const ART60_PRINTED_FIELDS = [
  ...["job", "company", "contactPerson", "regime", "schedule", "hourlyRate", "refundRate"],
  ...["duration", "referencePerson", "responsibilities"],
] as const;

/** The printed contract's tags (templates/art60Contract, scripts/build-templates.ts), in the document's language. */
export async function art60ContractData(
  tx: Tx,
  ctx: Pick<ResourceCtx, "handle">,
  id: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const c = t.jobContracts;
  const [row] = await tx
    .select({
      id: c.id,
      clientId: c.clientId,
      companyId: c.companyId,
      contactPersonId: c.contactPersonId,
      appliesFrom: c.appliesFrom,
      appliesUntil: sql<string | null>`coalesce(${c.dateEnded}, ${c.appliesUntil})`,
      dateDecided: c.dateDecided,
      duration: c.duration,
      hourlyRate: c.hourlyRate,
      refundRate: c.refundRate,
      referencePerson: c.referencePerson,
      responsibilities: c.responsibilities,
      jobName: sql<string | null>`(select ${t.jobs.name} from ${t.jobs} where ${t.jobs.id} = ${c.jobId})`,
      typeNames: t.jobContractTypes.names,
      typeFullNames: t.jobContractTypes.fullNames,
      printedClauses: t.jobContractTypes.printedClauses,
      signer1Id: c.signer1Id,
      signer2Id: c.signer2Id,
      regime: sql<Names>`(select ${t.cvRegimes.names} from ${t.cvRegimes} where ${t.cvRegimes.id} = ${c.regimeId})`,
      schedule: sql<Names>`(select ${t.jobSchedules.names} from ${t.jobSchedules} where ${t.jobSchedules.id} = ${c.scheduleId})`,
      agentName: userNameOf(t, q(c.userId)),
    })
    .from(c)
    .innerJoin(t.jobContractTypes, eq(t.jobContractTypes.id, c.typeId))
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
    jobName: row.jobName ?? "",
    duration: row.duration === null ? "" : String(row.duration),
    appliesFrom: documentDate(row.appliesFrom, language),
    hasUntil: !!row.appliesUntil,
    appliesUntil: documentDate(row.appliesUntil, language),
    regime: localized(row.regime),
    schedule: localized(row.schedule),
    hourlyRate: row.hourlyRate === null ? "" : documentAmount(row.hourlyRate, language),
    refundRate: row.refundRate,
    referencePerson: row.referencePerson,
    responsibilities: htmlParagraphs(row.responsibilities),
    agentName: row.agentName ?? "",
    dateDecided: documentDate(row.dateDecided, language),
    place: print.centre.place,
    ...art60ClauseFlags(row.printedClauses),
    ...(await signersData(tx, t, row, language)),
  };
}

/**
 * How an Art. 60§7 contract prints (server/isip/print-contract.ts): the primary document type of
 * those contracts, in the contract's language (else its client's, else the centre's), certifying it.
 */
export const ART60_PRINT: ContractPrint = {
  kind: art60Kind,
  roles: ["IntegUser"],
  documentType: {
    names: {
      fr: "Convention de mise à l'emploi art. 60§7",
      nl: "Overeenkomst tewerkstelling art. 60§7",
      de: "Konvention Art. 60§7",
      en: "Art. 60§7 job supply contract",
    },
    template: "art60Contract",
  },
  data: art60ContractData,
};

export const printArt60 = (ctx: ResourceCtx, id: number) => printContract(ART60_PRINT, ctx, id);

/** "Print" on an Art. 60§7 contract, for those who write contracts (printing certifies it). */
export const printArt60Action = printContractAction(ART60_PRINT);

/** The document type of Art. 60§7 contracts, the same row in every centre (and migration 0051's data part). */
export const ART60_DOCUMENT_TYPE = contractDocumentType(ART60_PRINT);

/** Every centre's document type of Art. 60§7 contracts: the primary one, certifying. */
export const seedArt60DocumentType = seedContractDocumentType(ART60_PRINT);
