import { and, asc, eq, sql } from "drizzle-orm";
import { belgianToday, pickLocalized } from "@/lib/format";
import { cardTypes } from "@/server/clients/choices";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { documentDate, letterDate, recipientLines, type DocumentLanguage } from "./language";
import { cardPhotoOf } from "@/server/eid/photo";
import { PICTURES, type TemplateData } from "./render";

type Tx = TenantHandle["db"];
type Tables = TenantHandle["t"];

/**
 * The data of the letters and sheets printed from a client's file (domain-people §7, §14.1): the
 * recipient's block of a partner, the author's reference and signature, the eID sheet and the
 * action plan. Every label and date in the document's language.
 */

/** A partner's postal address and language, its place and country named in the document's language. */
async function partnerAddress(tx: Tx, t: Tables, partnerId: number, language: DocumentLanguage) {
  const [p] = await tx
    .select({
      kind: t.partners.kind,
      name: t.partners.name,
      first: t.partners.firstName,
      last: t.partners.lastName,
      gender: t.partners.gender,
      language: t.partners.language,
      nationalId: t.partners.nationalId,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      streetBox: t.partners.streetBox,
      zipCode: t.partners.zipCode,
      countryCode: t.partners.countryCode,
      placeNames: sql<Record<
        string,
        string
      > | null>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
      countryNames: sql<Record<
        string,
        string
      > | null>`(select ${t.countries.names} from ${t.countries} where ${t.countries.isoCode} = ${t.partners.countryCode})`,
    })
    .from(t.partners)
    .where(eq(t.partners.id, partnerId));
  if (!p) throw new AppError("NOT_FOUND");
  return {
    ...p,
    place: pickLocalized(p.placeNames ?? {}, language),
    countryName: pickLocalized(p.countryNames ?? {}, language),
  };
}

/** "Ms Anna Müller": a person as a letter addresses them (Mr/Ms in the document's language when the gender is known). */
function personAddressed(p: { first: string; last: string; gender: string | null }, language: DocumentLanguage) {
  const tr = translatorFor(language);
  const title = p.gender === "F" || p.gender === "M" ? tr(`documents.addressee.${p.gender}`) : "";
  return [title, p.first, p.last].filter(Boolean).join(" ");
}

/** The client's block as a letter to the client shows it (the Belgian layout, language.ts). */
export async function clientRecipient(tx: Tx, t: Tables, clientId: number, language: DocumentLanguage) {
  const client = await partnerAddress(tx, t, clientId, language);
  return recipientLines({ ...client, name: personAddressed(client, language) }, language).join("\n");
}

/**
 * An organisation's block, with its contact person: "Organisation", "Attn. Mr X", then the
 * organisation's address (the contact person's own address when there is no organisation).
 */
export async function organisationRecipient(
  tx: Tx,
  t: Tables,
  who: { companyId: number | null; contactPersonId: number | null },
  language: DocumentLanguage,
) {
  const tr = translatorFor(language);
  const company = who.companyId === null ? null : await partnerAddress(tx, t, who.companyId, language);
  const person = who.contactPersonId === null ? null : await partnerAddress(tx, t, who.contactPersonId, language);
  const addressOf = company ?? person;
  if (!addressOf) throw new AppError("NOT_FOUND");
  const lines = recipientLines({ ...addressOf, name: company?.name ?? personAddressed(person!, language) }, language);
  if (company && person) {
    const name = [person.first, person.last].filter(Boolean).join(" ") || person.name;
    const title = person.gender === "F" || person.gender === "M" ? person.gender : "other";
    lines.splice(1, 0, tr(`documents.attention.${title}`, { name }));
  }
  return lines.join("\n");
}

/** The author's reference and signature: "HH/12/34" (initials/client/excerpt) and their service, else the secretariat. */
export async function authorFacts(
  tx: Tx,
  t: Tables,
  userId: number,
  clientId: number,
  excerptId: number | null,
  language: DocumentLanguage,
) {
  const tr = translatorFor(language);
  const [author] = await tx
    .select({
      first: t.users.firstName,
      last: t.users.lastName,
      service: sql<Record<
        string,
        string
      > | null>`(select ${t.coachingTypes.names} from ${t.coachingTypes} where ${t.coachingTypes.id} = ${t.users.coachingTypeId})`,
    })
    .from(t.users)
    .where(eq(t.users.id, userId));
  const initials = `${author?.first.charAt(0) ?? ""}${author?.last.charAt(0) ?? ""}`.toUpperCase();
  return {
    ref: [initials, clientId, excerptId].filter((p) => p !== null).join("/"),
    authorRole: pickLocalized(author?.service ?? {}, language) || tr("documents.secretariat"),
    date: letterDate(belgianToday(), language),
  };
}

/**
 * The eID sheet (domain-people §7, Lino's eid-content.odt): the card's data as read from it, the
 * national number as stored (formatted), the dates and the card type in the document's language,
 * and the card's photo in the template's `eidPhoto` picture (taken out when none was read).
 */
export async function eidSheetData(
  tx: Tx,
  t: Tables,
  clientId: number,
  language: DocumentLanguage,
): Promise<TemplateData> {
  const tr = translatorFor(language);
  const [c] = await tx
    .select({
      first: t.partners.firstName,
      middle: t.partners.middleName,
      last: t.partners.lastName,
      gender: t.partners.gender,
      birthDate: t.partners.birthDate,
      birthPlace: t.partners.birthPlace,
      nationalityText: t.partners.nationalityText,
      nationalityNames: sql<Record<
        string,
        string
      > | null>`(select ${t.countries.names} from ${t.countries} where ${t.countries.isoCode} = ${t.partners.nationalityCode})`,
      nationalId: t.partners.nationalId,
      cardNumber: t.partners.cardNumber,
      cardType: t.partners.cardType,
      cardValidFrom: t.partners.cardValidFrom,
      cardValidUntil: t.partners.cardValidUntil,
      cardIssuer: t.partners.cardIssuer,
      nobleCondition: t.partners.nobleCondition,
    })
    .from(t.partners)
    .where(eq(t.partners.id, clientId));
  if (!c) throw new AppError("NOT_FOUND");
  const address = await partnerAddress(tx, t, clientId, language);
  const knownType = (cardTypes.values as readonly string[]).includes(c.cardType ?? "");
  return {
    clientName: `${c.last.toLocaleUpperCase(language)} ${c.first}`.trim(),
    hasCard: c.cardNumber !== "",
    cardType: knownType ? tr(`choices.cardTypes.${c.cardType}`) : (c.cardType ?? ""),
    cardNumber: c.cardNumber,
    cardValidFrom: documentDate(c.cardValidFrom, language),
    cardValidUntil: documentDate(c.cardValidUntil, language),
    cardIssuer: c.cardIssuer,
    nationalId: c.nationalId ?? "",
    nobleCondition: c.nobleCondition,
    lastName: c.last,
    firstName: [c.first, c.middle].filter(Boolean).join(" "),
    // As printed on the card; else the nationality recorded in the file.
    nationality: c.nationalityText || pickLocalized(c.nationalityNames ?? {}, language),
    gender: c.gender ? tr(`choices.genders.${c.gender}`) : "",
    birthDate: documentDate(c.birthDate, language),
    birthPlace: c.birthPlace,
    address: recipientLines({ ...address, name: "" }, language).join("\n"),
    [PICTURES]: { eidPhoto: (await cardPhotoOf(tx, t, clientId))?.content ?? null },
  };
}

/**
 * The action plan (Lino Eupen's "Aktionsplan": the default letter with the pac body): the letter to
 * the client, listing the client's tasks (summary, due date, state), signed by the contact person.
 */
export async function actionPlanData(
  tx: Tx,
  t: Tables,
  clientId: number,
  language: DocumentLanguage,
): Promise<TemplateData> {
  const tr = translatorFor(language);
  const tasks = await tx
    .select({ summary: t.tasks.summary, start: t.tasks.startDate, due: t.tasks.dueDate, state: t.tasks.state })
    .from(t.tasks)
    .where(and(eq(t.tasks.ownerType, "client"), eq(t.tasks.ownerId, clientId)))
    .orderBy(asc(sql`coalesce(${t.tasks.dueDate}, ${t.tasks.startDate})`), asc(t.tasks.id));
  return {
    recipient: await clientRecipient(tx, t, clientId, language),
    tasks: tasks.map((task) => ({
      summary: task.summary,
      due: documentDate(task.due ?? task.start, language),
      state: tr(`choices.taskStates.${task.state}`),
    })),
  };
}
