import { eq, sql, type SQLWrapper } from "drizzle-orm";
import { pickLocalized } from "@/lib/format";
import { documentDate, type DocumentLanguage } from "@/server/documents/language";
import type { PrintFacts } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import { PRINTERS } from "@/server/documents/resources";
import { signersData } from "@/server/documents/signers";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import type { ResourceCtx } from "@/server/resources/define";
import {
  printContract,
  printContractAction,
  seedContractDocumentType,
  type ContractPrint,
} from "@/server/isip/print-contract";
import { conventionText } from "./convention";
import { art61Kind } from "./kind";
import { ART61_SUBSIDIES, subsidiesOf } from "./subsidies";

type Tx = ResourceCtx["handle"]["db"];
type Names = Record<string, string> | null;

/** What a printed convention is about: the excerpt's owner type (documents' content type, calendar's owner type). */
export const ART61_CONTENT_TYPE = art61Kind.ownerType;

/**
 * What the printed convention vouches for beyond the base's fields (and the subsidies, which choose
 * its articles): the employer and its representative, the job, its status, duration and regime.
 */
export const ART61_PRINTED_FIELDS = [
  "company",
  "contactPerson",
  "jobTitle",
  "status",
  "cvDuration",
  "regime",
  "duration",
];

/** The contract with what its convention names: client, employer and contact, job, author, type. */
async function contractOf(tx: Tx, ctx: Pick<ResourceCtx, "handle">, id: number) {
  const { t } = ctx.handle;
  const c = t.art61Contracts;
  const names = (table: "cvStatuses" | "cvDurations" | "cvRegimes", col: SQLWrapper) =>
    sql<Names>`(select ${t[table].names} from ${t[table]} where ${t[table].id} = ${col})`;
  const [row] = await tx
    .select({
      id: c.id,
      clientId: c.clientId,
      language: c.language,
      appliesFrom: c.appliesFrom,
      appliesUntil: c.appliesUntil,
      jobTitle: c.jobTitle,
      duration: c.duration,
      subsidize10: c.subsidize10,
      subsidize20: c.subsidize20,
      subsidize30: c.subsidize30,
      subsidize40: c.subsidize40,
      subsidize50: c.subsidize50,
      status: names("cvStatuses", c.statusId),
      cvDuration: names("cvDurations", c.cvDurationId),
      regime: names("cvRegimes", c.regimeId),
      typeNames: sql<Names>`(select ${t.art61ContractTypes.names} from ${t.art61ContractTypes} where ${t.art61ContractTypes.id} = ${c.typeId})`,
      typeFullNames: sql<Names>`(select ${t.art61ContractTypes.fullNames} from ${t.art61ContractTypes} where ${t.art61ContractTypes.id} = ${c.typeId})`,
      authorFirst: sql<string | null>`(select ${t.users.firstName} from ${t.users} where ${t.users.id} = ${c.userId})`,
      authorLast: sql<string | null>`(select ${t.users.lastName} from ${t.users} where ${t.users.id} = ${c.userId})`,
      companyId: c.companyId,
      contactPersonId: c.contactPersonId,
      signer1Id: c.signer1Id,
      signer2Id: c.signer2Id,
    })
    .from(c)
    .where(eq(c.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** A partner as the convention names it, with its address on one line. */
async function partnerOf(tx: Tx, ctx: Pick<ResourceCtx, "handle">, id: number | null, language: DocumentLanguage) {
  if (id === null) return null;
  const { t } = ctx.handle;
  const [p] = await tx
    .select({
      first: t.partners.firstName,
      last: t.partners.lastName,
      name: t.partners.name,
      gender: t.partners.gender,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      streetBox: t.partners.streetBox,
      zipCode: t.partners.zipCode,
      placeNames: sql<Names>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
    })
    .from(t.partners)
    .where(eq(t.partners.id, id));
  if (!p) return null;
  const street = [p.street, p.streetNo, p.streetBox].filter(Boolean).join(" ");
  const place = [p.zipCode, pickLocalized(p.placeNames ?? {}, language)].filter(Boolean).join(" ");
  return {
    ...p,
    fullName: [p.first, p.last].filter(Boolean).join(" ").trim() || p.name,
    address: [street, place].filter(Boolean).join(", "),
  };
}

/**
 * The convention's tags (templates/art61Convention, domain-integ-money §2.6): its title (the
 * contract type's), the subsidy line, our reference "<author initials>/<contract>/<client>/<excerpt>",
 * the parties and the articles numbered for the contract's subsidies (server/art61/numbering.ts).
 */
export async function conventionData(
  tx: Tx,
  ctx: Pick<ResourceCtx, "handle">,
  contractId: number,
  language: DocumentLanguage,
  print: PrintFacts,
): Promise<TemplateData> {
  const row = await contractOf(tx, ctx, contractId);
  const tr = translatorFor(language);
  const [client, company, contact] = await Promise.all([
    partnerOf(tx, ctx, row.clientId, language),
    partnerOf(tx, ctx, row.companyId, language),
    partnerOf(tx, ctx, row.contactPersonId, language),
  ]);
  const salutation = (p: typeof client) =>
    p?.gender === "F" || p?.gender === "M" ? tr(`documents.addressee.${p.gender}`) : "";
  const clientName = [salutation(client), client?.fullName].filter(Boolean).join(" ");
  const subsidies = subsidiesOf(
    Object.keys(ART61_SUBSIDIES).filter((v) => row[`subsidize${v}` as keyof typeof row] === true),
  );
  const localized = (n: Names) => pickLocalized(n ?? {}, language);
  const duration =
    localized(row.cvDuration) || (row.duration === null ? "" : tr("art61.print.workingDays", { n: row.duration }));
  const text = conventionText(language, subsidies, {
    centreCity: print.centre.place || pickLocalized(print.centre.names, language),
    clientName,
    clientSalutation: [salutation(client), client?.last?.toLocaleUpperCase(language)].filter(Boolean).join(" "),
    jobTitle: row.jobTitle,
    status: localized(row.status),
    duration,
    appliesFrom: documentDate(row.appliesFrom, language),
    appliesUntil: documentDate(row.appliesUntil, language),
    regime: localized(row.regime),
    agentName: [row.authorFirst, row.authorLast].filter(Boolean).join(" "),
  });
  // The PCSW represented by its signers (Lino's art61 body: "représenté par <signer1>, <function> et <signer2>, …").
  const signers = await signersData(tx, ctx.handle.t, row, language);
  const initials = `${row.authorFirst?.charAt(0) ?? ""}${row.authorLast?.charAt(0) ?? ""}`.toUpperCase();
  return {
    title: localized(row.typeFullNames) || localized(row.typeNames) || print.typeName,
    headline: text.headlines.join(" – "),
    ref: [initials, row.id, row.clientId, print.excerptId].filter((p) => p !== null && p !== "").join("/"),
    clientName,
    clientAddress: client?.address ?? "",
    companyName: company?.fullName ?? "",
    companyAddress: company?.address ?? "",
    contact: contact ? [salutation(contact), contact.fullName].filter(Boolean).join(" ") : "",
    ...signers,
    articles: text.articles.map((a) => ({
      heading: a.heading,
      paragraphs: a.paragraphs.map((p) => ({ paragraph: p })),
    })),
  };
}

/**
 * How an Art. 61 contract prints its convention (server/isip/print-contract.ts): the primary document
 * type of those contracts, in the contract's language (the convention is written in the four), else
 * the centre's; certifying the contract.
 */
export const ART61_PRINT: ContractPrint = {
  kind: art61Kind,
  roles: [...PRINTERS],
  documentType: {
    names: {
      fr: "Convention art. 61",
      nl: "Overeenkomst art. 61",
      de: "Konvention Art. 61",
      en: "Art. 61 convention",
    },
    template: "art61Convention",
  },
  clientLanguage: false,
  data: conventionData,
};

export const printConvention = (ctx: ResourceCtx, contractId: number) => printContract(ART61_PRINT, ctx, contractId);

/** "Print" on an Art. 61 contract: its convention, for the users who print documents and write contracts. */
export const printConventionAction = printContractAction(ART61_PRINT);

/** Every centre's document type of Art. 61 contracts: the convention (primary, certifying like the PIIS). */
export const seedConventionType = seedContractDocumentType(ART61_PRINT);
