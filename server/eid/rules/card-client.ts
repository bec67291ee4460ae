import type { CanonicalCard } from "@/server/eid/rules/card-data";
import { nissDigits, parseNiss } from "@/server/clients/rules/niss";

/**
 * What a card read does to a client (domain-people §7): the client fields it carries, "find by
 * eID" (create or update), "read eID card" on a client (take the number over, refuse another
 * number, list the changes), and the eID info box. The address goes to the client's separate
 * "eID" address record, never over the other addresses.
 */

export type CardClientFields = {
  nationalId: string;
  firstName: string;
  middleName: string;
  lastName: string;
  birthDate: string;
  gender: "M" | "F" | null;
  cardNumber: string;
  cardType: string;
  cardValidFrom: string;
  cardValidUntil: string;
  cardIssuer: string;
  // Lino only overwrites these when the card has them.
  nobleCondition?: string;
  birthPlace?: string;
  nationalityText?: string;
};
export type CardAddressFields = {
  street?: string;
  streetNo?: string;
  streetBox?: string;
  addr2?: string;
  zipCode?: string;
  /** The municipality as printed; the database finds or creates the place in `countryCode`. */
  city?: string;
  countryCode: string;
};
export type CardData = { client: CardClientFields; address: CardAddressFields };

/**
 * Street, number and box from one text (Lino's street2kw): "Loten 3A" → Loten / 3 / A;
 * a "box" longer than 5 characters is a remark kept as second address line.
 */
export function splitStreet(text: string): Pick<CardAddressFields, "street" | "streetNo" | "streetBox" | "addr2"> {
  const s = text.trim();
  const m = /^(.+?),?\s+(\d+)\s*(\D*)$/.exec(s);
  if (!m) return s ? { street: s } : {};
  const box = m[3]!.trim();
  return { street: m[1]!.trim(), streetNo: m[2]!, ...(box.length > 5 ? { addr2: box } : { streetBox: box }) };
}

const nonEmpty = <K extends string>(key: K, value: string) => (value ? ({ [key]: value } as Record<K, string>) : {});

/** The client and eID address fields a canonical card read carries. */
export function cardToClient(read: CanonicalCard): CardData {
  const { card, holder, address } = read;
  const niss = parseNiss(holder.nationalNumber);
  // The canonical schema refuses such reads; reaching this is a programming error.
  if (!niss.ok) throw new Error(`Card read with an invalid national number: ${niss.code}`);
  return {
    client: {
      nationalId: niss.formatted,
      firstName: holder.firstNames,
      middleName: holder.thirdNameInitial,
      lastName: holder.surname,
      birthDate: holder.birthDate,
      gender: holder.gender,
      cardNumber: card.cardNumber,
      cardType: card.documentType,
      cardValidFrom: card.validFrom,
      cardValidUntil: card.validUntil,
      cardIssuer: card.issuingMunicipality,
      ...nonEmpty("nobleCondition", holder.nobleCondition),
      ...nonEmpty("birthPlace", holder.birthPlace),
      ...nonEmpty("nationalityText", holder.nationalityText),
    },
    address: {
      ...splitStreet(address.streetAndNumber),
      ...nonEmpty("zipCode", address.zip),
      ...nonEmpty("city", address.municipality),
      countryCode: address.country,
    },
  };
}

/** Full name for messages: first, middle, last ("Mélanie Françoise J Dupont"). */
export const cardHolderName = (c: Pick<CardClientFields, "firstName" | "middleName" | "lastName">): string =>
  [c.firstName, c.middleName, c.lastName].filter(Boolean).join(" ");

/** The name parts "find by eID" compares, case-insensitively, with existing persons (empty ones ignored). */
export function sameNameCriteria(
  c: Pick<CardClientFields, "firstName" | "middleName" | "lastName">,
): Partial<Record<"lastName" | "middleName" | "firstName", string>> {
  return {
    ...nonEmpty("lastName", c.lastName),
    ...nonEmpty("middleName", c.middleName),
    ...nonEmpty("firstName", c.firstName),
  };
}

/** Each code is a message key under `eid.` in messages/*.json. */
export type FindByEidDecision =
  | { action: "read"; clientId: number }
  | { action: "confirmCreate"; params: { name: string } }
  | { action: "refuse"; code: "personExists" | "severalPersonsExist"; params: { name: string } };

/**
 * "Find by eID": the client with the card's national id gets the card read; without one, a new
 * client is proposed unless persons with the same names exist, which a human must sort out.
 */
export function findByEid(
  card: CardClientFields,
  clientWithNationalId: { id: number } | null,
  personsWithSameName: number,
): FindByEidDecision {
  if (clientWithNationalId) return { action: "read", clientId: clientWithNationalId.id };
  const name = cardHolderName(card);
  if (personsWithSameName === 0) return { action: "confirmCreate", params: { name } };
  return {
    action: "refuse",
    code: personsWithSameName === 1 ? "personExists" : "severalPersonsExist",
    params: { name },
  };
}

export type ExistingClient = { [K in keyof CardClientFields]?: string | null } & { nationalId: string | null };
export type ExistingEidAddress = { [K in Exclude<keyof CardAddressFields, "city">]?: string | null } & {
  /** The names of the address's place in every language, to compare with the card's text. */
  cityNames?: string[];
};
export type FieldChange = { target: "client" | "address"; field: string; old: string | null; new: string | null };

export type CardReadPlan =
  | { ok: true; takeOverNationalId: boolean; changes: FieldChange[] }
  | { ok: false; code: "nationalIdsDontMatch" | "nationalIdTaken"; params: { existing: string; card: string } };

const norm = (v: string | null | undefined) => (v ?? "").trim();

/**
 * "Read eID card" on an existing client. A client without national id takes the card's one over,
 * unless another client has it; different numbers refuse the read ("National IDs X and Y don't
 * match"; compared by digits, so a legacy unformatted value still matches). Otherwise the
 * changes, old → new, for the user to confirm; none means "up-to-date".
 */
export function planCardRead(
  client: ExistingClient,
  address: ExistingEidAddress | null,
  card: CardData,
  nationalIdTakenByOther: boolean,
): CardReadPlan {
  const cardId = card.client.nationalId;
  const existingId = norm(client.nationalId);
  if (!existingId && nationalIdTakenByOther)
    return { ok: false, code: "nationalIdTaken", params: { existing: "", card: cardId } };
  if (existingId && nissDigits(existingId) !== nissDigits(cardId)) {
    return { ok: false, code: "nationalIdsDontMatch", params: { existing: existingId, card: cardId } };
  }
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(card.client)) {
    if (field === "nationalId") continue;
    const old = client[field as keyof CardClientFields];
    if (norm(old) !== norm(value)) changes.push({ target: "client", field, old: old ?? null, new: value ?? null });
  }
  for (const [field, value] of Object.entries(card.address)) {
    if (field === "city") {
      const names = address?.cityNames ?? [];
      const known = names.some((n) => n.trim().toLowerCase() === norm(value).toLowerCase());
      if (!known) changes.push({ target: "address", field, old: names[0] ?? null, new: value ?? null });
      continue;
    }
    const old = address?.[field as Exclude<keyof CardAddressFields, "city">];
    if (norm(old) !== norm(value)) changes.push({ target: "address", field, old: old ?? null, new: value ?? null });
  }
  return { ok: true, takeOverNationalId: !existingId, changes };
}

/** Lino lists the changes sorted by their text; sort by the translated field label. */
export const sortChanges = (changes: FieldChange[], label: (c: FieldChange) => string): FieldChange[] =>
  [...changes].sort((a, b) => label(a).localeCompare(label(b)));

export type CardHolder = {
  cardNumber: string | null;
  cardType: string | null;
  cardIssuer: string | null;
  cardValidFrom: string | null;
  cardValidUntil: string | null;
};

/** Card data count when there is a card number and the card is valid today. */
export const hasValidCardData = (c: CardHolder, today: string): boolean =>
  Boolean(c.cardNumber) && Boolean(c.cardValidUntil) && c.cardValidUntil! >= today;

/**
 * The eID info box: "Card no. N (type), issued by X, valid from A until B", and whether to show
 * the red "Must read eID card!" (no card number, no end of validity, or expired).
 */
export function eidInfo(c: CardHolder, today: string) {
  const expired = Boolean(c.cardValidUntil) && c.cardValidUntil! < today;
  return {
    cardNumber: c.cardNumber || null,
    cardType: c.cardType || null,
    issuer: c.cardIssuer || null,
    validFrom: c.cardValidFrom,
    validUntil: c.cardValidUntil,
    expired,
    mustRead: !hasValidCardData(c, today),
  };
}
