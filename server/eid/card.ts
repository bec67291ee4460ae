import { z } from "zod";
import { AppError } from "@/server/errors";
import {
  CANONICAL_SCHEMA_ID,
  canonicalCardSchema,
  canonicalFailureSchema,
  readerCardSchema,
  readerFailureSchema,
  readerToCanonical,
  type CanonicalCard,
  type CanonicalRead,
  type EidWarning,
  type ReaderData,
} from "@/server/eid/rules/card-data";
import { cardHolderName, cardToClient, type CardData } from "@/server/eid/rules/card-client";

/**
 * What the eID endpoints accept: the canonical format (the contract, integrations §2.4) or the JSON
 * of Lino's reader helper `eidreader`, converted on arrival. Canonical comes first: the reader's
 * loose objects would also accept a canonical failure.
 */
export const cardInputSchema = z.union([
  canonicalCardSchema,
  canonicalFailureSchema,
  readerCardSchema,
  readerFailureSchema,
]);
export type CardInput = z.infer<typeof cardInputSchema>;

export type ReadCard = { read: CanonicalCard; data: CardData; warnings: EidWarning[] };

/** The card read as canonical data and client fields; refuses failed reads and unreadable values with the precise message. */
export function readCardInput(input: CardInput, now = new Date()): ReadCard {
  let read: CanonicalRead;
  let warnings: EidWarning[] = [];
  if (input.schema === CANONICAL_SCHEMA_ID) {
    read = input as CanonicalRead;
  } else {
    const converted = readerToCanonical(input as ReaderData, { readAt: now.toISOString() });
    if (!converted.ok)
      throw new AppError("INVALID_INPUT", { ...converted.params, messageKey: `eid.${converted.code}` });
    read = converted.read;
    warnings = converted.warnings;
  }
  if (!read.status.success)
    throw new AppError("INVALID_INPUT", { message: read.status.message, messageKey: "eid.readFailed" });
  const card = read as CanonicalCard;
  return { read: card, data: cardToClient(card), warnings };
}

export const warningSchema = z.object({ code: z.string(), params: z.record(z.string(), z.string()) });

export const summarySchema = z.object({
  name: z.string(),
  nationalId: z.string(),
  birthDate: z.string(),
  gender: z.enum(["M", "F"]).nullable(),
  birthPlace: z.string(),
  nationalityText: z.string(),
  cardNumber: z.string(),
  cardType: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  issuer: z.string(),
  address: z.string(),
  photo: z.string().nullable(),
});
export type CardSummary = z.infer<typeof summarySchema>;

/** What the page shows of a card before anything is saved; the photo as a data URL. */
export function summaryOf({ read, data }: ReadCard): CardSummary {
  const c = data.client;
  const a = data.address;
  const street = [a.street, a.streetNo, a.streetBox ? `/ ${a.streetBox}` : ""].filter(Boolean).join(" ");
  return {
    name: cardHolderName(c),
    nationalId: c.nationalId,
    birthDate: c.birthDate,
    gender: c.gender,
    birthPlace: c.birthPlace ?? "",
    nationalityText: c.nationalityText ?? "",
    cardNumber: c.cardNumber,
    cardType: c.cardType,
    validFrom: c.cardValidFrom,
    validUntil: c.cardValidUntil,
    issuer: c.cardIssuer,
    address: [street, [a.zipCode, a.city].filter(Boolean).join(" "), a.countryCode].filter(Boolean).join(", "),
    photo: read.photo ? `data:${read.photo.mime};base64,${read.photo.base64}` : null,
  };
}
