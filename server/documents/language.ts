import { formatDate, formatMoney, intlLocale, type UiLocale } from "@/lib/format";

/**
 * The document-language rules of domain-people §14.2, as pure functions: which language a document
 * is printed in, whether it says "(Translation)", and how its dates, amounts and the recipient's
 * address read in that language.
 */

/** The languages a document can be printed in: those the default templates exist in. */
export const DOCUMENT_LANGUAGES = ["fr", "nl", "de", "en"] as const satisfies readonly UiLocale[];
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

const asLanguage = (value: string | null | undefined): DocumentLanguage | null =>
  DOCUMENT_LANGUAGES.find((l) => l === value?.trim().toLowerCase()) ?? null;

/**
 * §14.2: "Default for an excerpt: the owner's print language; if none, the recipient's language;
 * else the site default." A value that names no language a document exists in counts as none.
 */
export function documentLanguage(langs: {
  owner?: string | null;
  recipient?: string | null;
  centre: string;
}): DocumentLanguage {
  return asLanguage(langs.owner) ?? asLanguage(langs.recipient) ?? asLanguage(langs.centre) ?? "fr";
}

/** §14.2: a document printed in a language other than the centre's main language shows "(Translation)" above its title. */
export const isTranslation = (language: DocumentLanguage, centre: string) => language !== asLanguage(centre);

/** A calendar day in a field of a document: 22/05/2014 (fr, nl, en), 22.05.2014 (de). */
export const documentDate = (iso: string | null | undefined, language: DocumentLanguage) => formatDate(iso, language);

/** The date a letter is written on, spelled out: "22 mai 2014", "22 mei 2014", "22. Mai 2014", "22 May 2014". */
export function letterDate(iso: string, language: DocumentLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** An amount in euro cents as the document's readers write it: "1.234,50 €" (fr, nl, de), "€1,234.50" (en). */
export const documentAmount = (cents: number | null | undefined, language: DocumentLanguage) =>
  formatMoney(cents, language);

/** A postal address as it is stored (street, number and box apart), the place and country already named. */
export interface PostalAddress {
  name: string;
  street: string;
  streetNo: string;
  streetBox: string;
  zipCode: string;
  place: string;
  /** The country's ISO code; a Belgian address names no country. */
  countryCode: string | null;
  /** The country's name in the document's language. */
  countryName: string;
}

/** How a box number is introduced on a Belgian address, per language (bpost: "bte", "bus", "Bfk."). */
const BOX: Record<DocumentLanguage, string> = { fr: "bte", nl: "bus", de: "Bfk.", en: "box" };

/**
 * The recipient's block the Belgian way (bpost): the name; the street, then the house number and
 * box; the postcode before the place; the country in capitals, only for an address abroad. Empty
 * parts leave no empty line.
 */
export function recipientLines(a: PostalAddress, language: DocumentLanguage): string[] {
  const streetLine = [a.street, a.streetNo, a.streetBox ? `${BOX[language]} ${a.streetBox}` : ""]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" ");
  const placeLine = [a.zipCode, a.place]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(" ");
  const abroad = a.countryCode && a.countryCode !== "BE" ? a.countryName.toLocaleUpperCase(intlLocale(language)) : "";
  return [a.name.trim(), streetLine, placeLine, abroad].filter(Boolean);
}
