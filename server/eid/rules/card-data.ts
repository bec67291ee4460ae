import { z } from "zod";
import { parseCardBirthDate, parseCardDate } from "@/server/eid/rules/card-dates";
import { parseNiss } from "@/server/clients/rules/niss";

/**
 * eID card reads (domain-people §7, integrations §2). Two shapes arrive:
 * - the JSON of Lino's reader helper `eidreader`, keyed by the card's PKCS#11 labels (samples in
 *   shared/data/eid), accepted as is so that the existing helper works unmodified;
 * - our canonical format below, which our own helper sends and which the endpoint stores.
 * `readerToCanonical` turns the first into the second.
 */

const text = z.string();

/** What eidreader posts when it could not read a card ("Could not find any reader with a card inserted"). */
export const readerFailureSchema = z.looseObject({
  success: z.literal(false),
  message: text,
  eidreader_version: text.optional(),
});

/** What eidreader posts after a successful read; the `carddata_*` chip details pass through. */
export const readerCardSchema = z.looseObject({
  success: z.literal(true),
  message: text,
  eidreader_version: text,
  /** The country of the reader, used as the address country ("BE"). */
  eidreader_country: text,
  card_number: text,
  /** `dd.mm.yyyy`. */
  validity_begin_date: text,
  validity_end_date: text,
  issuing_municipality: text,
  /** 11 digits. */
  national_number: text,
  surname: text,
  /** All given names but the third one: "Mélanie Françoise". */
  firstnames: text,
  first_letter_of_third_given_name: text,
  /** Text in the card's language and the holder's gender: "Belge", "Belgier". */
  nationality: text,
  location_of_birth: text,
  /** Language-dependent: "04 JUIN 1998", "01.JUN. 1968". */
  date_of_birth: text,
  /** M, or F / W / V for women. */
  gender: text,
  nobility: text,
  /** "01" Belgian citizen, "06" kids card… (see CARD_TYPES). */
  document_type: text,
  special_status: text,
  duplicata: text.optional(),
  special_organization: text.optional(),
  member_of_family: text.optional(),
  date_and_country_of_protection: text.optional(),
  /** Street and number in one text, often with trailing spaces: "Allée du Moulin 16   ". */
  address_street_and_number: text,
  address_zip: text,
  address_municipality: text,
  /** JPEG photo, base64. */
  PHOTO_FILE: text.optional(),
});

export const readerDataSchema = z.union([readerCardSchema, readerFailureSchema]);
export type ReaderData = z.infer<typeof readerDataSchema>;
export type ReaderCard = z.infer<typeof readerCardSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Who read the card, with which program, when. */
const sourceSchema = z.object({
  /** Helper name and version: "eidreader/1.0.6". */
  agent: z.string().min(1),
  /** ISO date-time with offset. */
  readAt: z.iso.datetime({ offset: true }),
  /** True for reads replayed from test files (no card involved). */
  simulated: z.boolean(),
});

export const CANONICAL_SCHEMA_ID = "be.eid.card-read/1";

/** A read that found no card: nothing but the helper's message. */
export const canonicalFailureSchema = z.object({
  schema: z.literal(CANONICAL_SCHEMA_ID),
  source: sourceSchema,
  status: z.object({ success: z.literal(false), message: z.string() }),
});

/**
 * A card read, canonical format "be.eid.card-read/1" (integrations §2.4). Dates are ISO;
 * everything else is as printed on the card. This is what the eID endpoint accepts.
 */
export const canonicalCardSchema = z.object({
  schema: z.literal(CANONICAL_SCHEMA_ID),
  source: sourceSchema,
  status: z.object({ success: z.literal(true), message: z.string() }),
  card: z.object({
    /** Two digits, unknown codes allowed (new card types appear): see CARD_TYPES. */
    documentType: z.string().regex(/^\d{2}$/),
    /** 12 digits on current cards. */
    cardNumber: z.string().regex(/^\d{9,16}$/),
    validFrom: isoDate,
    validUntil: isoDate,
    issuingMunicipality: z.string(),
    specialStatus: z.string(),
  }),
  holder: z.object({
    /** 11 digits; must pass the NISS checksum. */
    nationalNumber: z
      .string()
      .refine((v) => /^\d{11}$/.test(v) && parseNiss(v).ok, { message: "eid.invalidNationalNumber" }),
    surname: z.string().min(1),
    firstNames: z.string(),
    /** First letter of the third given name, or "". */
    thirdNameInitial: z.string().max(1),
    gender: z.enum(["M", "F"]).nullable(),
    /** Incomplete when the card has blanks: `1968-00-00`. */
    birthDate: isoDate,
    /** The birth date exactly as on the card, for support. */
    birthDateRaw: z.string(),
    birthPlace: z.string(),
    /** As printed ("Belge", "Belgier"); not mapped to a country. */
    nationalityText: z.string(),
    nobleCondition: z.string(),
  }),
  address: z.object({
    streetAndNumber: z.string(),
    zip: z.string(),
    municipality: z.string(),
    /** ISO code of the reader's country, for the municipality. */
    country: z.string().regex(/^[A-Z]{2}$/),
  }),
  photo: z.object({ mime: z.literal("image/jpeg"), base64: z.string().min(1) }).nullable(),
  /** Every label/value pair the helper sent, kept for audit and support. */
  raw: z.record(z.string(), z.unknown()).default({}),
});

export const canonicalReadSchema = z.union([canonicalCardSchema, canonicalFailureSchema]);
export type CanonicalCard = z.infer<typeof canonicalCardSchema>;
export type CanonicalRead = z.infer<typeof canonicalReadSchema>;

/** Each code is a message key under `eid.` in messages/*.json. */
export type EidWarning =
  | { code: "cardNumberChecksum"; params: { cardNumber: string } }
  | { code: "birthDateMismatch"; params: { card: string; niss: string } }
  | { code: "unknownGender"; params: { gender: string } }
  | { code: "unknownCardType"; params: { documentType: string } };
export type EidError = { ok: false; code: "invalidDate" | "invalidNationalNumber"; params: Record<string, string> };
export type EidConversion = { ok: true; read: CanonicalRead; warnings: EidWarning[] } | EidError;

/**
 * Card types (domain-people §3.2 BeIdCardTypes, plus the newer codes of integrations §2.1). The
 * raw code is what we store; this table only names it. "99" is Lino's pseudo-type for the orange
 * registration certificate, which has no chip.
 */
export const CARD_TYPES: Record<string, string> = {
  "01": "belgian_citizen",
  "06": "kids_card",
  "11": "foreigner_a",
  "12": "foreigner_b",
  "13": "foreigner_c",
  "14": "foreigner_d",
  "15": "foreigner_e",
  "16": "foreigner_e_plus",
  "17": "foreigner_f",
  "18": "foreigner_f_plus",
  "19": "foreigner_h",
  "20": "foreigner_i",
  "21": "foreigner_j",
  "22": "foreigner_m",
  "23": "foreigner_n",
  "27": "foreigner_k",
  "28": "foreigner_l",
  "31": "eu",
  "32": "eu_plus",
  "33": "foreigner_a",
  "99": "orange_card",
};

/** Old cards say "1" where newer ones say "01" (Lino's old2new). */
export const normalizeDocumentType = (code: string): string => code.trim().padStart(2, "0");

/** M for men; F, W (Weiblich) or V (Vrouw) for women, as Lino reads it; null otherwise. */
export function genderFromCard(value: string): "M" | "F" | null {
  const c = value.trim().charAt(0).toUpperCase();
  if (c === "M") return "M";
  return c !== "" && "FWV".includes(c) ? "F" : null;
}

/** Card numbers end with 2 check digits: the first 10 digits mod 97 (97 for 0). Only a warning. */
export function cardNumberChecks(cardNumber: string): boolean {
  if (!/^\d{12}$/.test(cardNumber)) return false;
  const rest = Number(cardNumber.slice(0, 10)) % 97;
  return (rest === 0 ? 97 : rest) === Number(cardNumber.slice(10));
}

/**
 * The reader helper's JSON as canonical read, with the problems worth showing. Refuses what
 * cannot be stored correctly: unreadable dates and a national number that fails its checksum.
 */
export function readerToCanonical(data: ReaderData, source: { readAt: string; simulated?: boolean }): EidConversion {
  const src = {
    agent: `eidreader/${data.eidreader_version ?? "unknown"}`,
    readAt: source.readAt,
    simulated: source.simulated ?? false,
  };
  if (!data.success) {
    return {
      ok: true,
      read: { schema: CANONICAL_SCHEMA_ID, source: src, status: { success: false, message: data.message } },
      warnings: [],
    };
  }
  const validFrom = parseCardDate(data.validity_begin_date);
  const validUntil = parseCardDate(data.validity_end_date);
  const birthDate = parseCardBirthDate(data.date_of_birth);
  if (!validFrom)
    return {
      ok: false,
      code: "invalidDate",
      params: { field: "validity_begin_date", value: data.validity_begin_date },
    };
  if (!validUntil)
    return { ok: false, code: "invalidDate", params: { field: "validity_end_date", value: data.validity_end_date } };
  if (!birthDate)
    return { ok: false, code: "invalidDate", params: { field: "date_of_birth", value: data.date_of_birth } };
  const niss = parseNiss(data.national_number);
  if (!niss.ok)
    return { ok: false, code: "invalidNationalNumber", params: { value: data.national_number, reason: niss.code } };

  const warnings: EidWarning[] = [];
  const cardNumber = data.card_number.trim();
  if (!cardNumberChecks(cardNumber)) warnings.push({ code: "cardNumberChecksum", params: { cardNumber } });
  if (!sameKnownParts(birthDate, niss.birthDate))
    warnings.push({ code: "birthDateMismatch", params: { card: birthDate, niss: niss.birthDate } });
  const gender = genderFromCard(data.gender);
  if (!gender) warnings.push({ code: "unknownGender", params: { gender: data.gender } });
  const documentType = normalizeDocumentType(data.document_type);
  if (!CARD_TYPES[documentType]) warnings.push({ code: "unknownCardType", params: { documentType } });

  const { PHOTO_FILE: photo, ...raw } = data;
  const read: CanonicalCard = {
    schema: CANONICAL_SCHEMA_ID,
    source: src,
    status: { success: true, message: data.message },
    card: {
      documentType,
      cardNumber,
      validFrom,
      validUntil,
      issuingMunicipality: data.issuing_municipality.trim(),
      specialStatus: data.special_status,
    },
    holder: {
      nationalNumber: niss.raw,
      surname: data.surname.trim(),
      firstNames: data.firstnames.trim(),
      thirdNameInitial: data.first_letter_of_third_given_name.trim(),
      gender,
      birthDate,
      birthDateRaw: data.date_of_birth,
      birthPlace: data.location_of_birth.trim(),
      nationalityText: data.nationality.trim(),
      nobleCondition: data.nobility.trim(),
    },
    address: {
      streetAndNumber: data.address_street_and_number.trim(),
      zip: data.address_zip.trim(),
      municipality: data.address_municipality.trim(),
      country: data.eidreader_country.trim().toUpperCase(),
    },
    photo: photo ? { mime: "image/jpeg", base64: photo } : null,
    raw,
  };
  return { ok: true, read, warnings };
}

/** Two incomplete dates agree where both are known (`1968-00-00` agrees with `1968-06-01`). */
function sameKnownParts(a: string, b: string): boolean {
  return a.split("-").every((part, i) => {
    const other = b.split("-")[i]!;
    return Number(part) === 0 || Number(other) === 0 || part === other;
  });
}
