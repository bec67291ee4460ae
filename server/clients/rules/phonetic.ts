import { doubleMetaphone } from "double-metaphone";

/**
 * Phonetic words of a person's name, for finding duplicate clients (domain-people §5).
 * Lino reduces every word of `name` ("last first") with Double Metaphone after dropping a leading
 * name prefix: "da Vinci David" → FNS, TFT; "Emonts-Gast Erna" → AMNTS, KST, ARN.
 */

// Checked in this order: two-word prefixes first, so that "VAN DER" wins over "VAN".
const TWO_WORD_PREFIXES = ["VAN DEN", "VAN DER", "VAN DE", "IN HET", "VON DER", "DE LA"];
const ONE_WORD_PREFIXES = [
  "HET",
  "'T",
  "VAN",
  "DER",
  "TER",
  "DEN",
  "VOM",
  "VON",
  "OF",
  "DE",
  "DU",
  "DA",
  "DI",
  "DO",
  "DOS",
  "EL",
  "AL",
];

/**
 * The upper-cased name without its leading prefix: at most one two-word prefix, then at most one
 * one-word prefix ("VAN DEN BERG" → "BERG"). Lino iterates over unordered sets and may strip more
 * in rare chains ("DE DA …"); one of each keeps the result deterministic.
 */
export function stripNamePrefix(name: string): string {
  let s = name.replace(/[’`]/g, "'").toUpperCase();
  for (const list of [TWO_WORD_PREFIXES, ONE_WORD_PREFIXES]) {
    const prefix = list.find((p) => s.startsWith(`${p} `));
    if (prefix) s = s.slice(prefix.length + 1);
  }
  return s;
}

/**
 * Double Metaphone of one word: the primary code, else the secondary. Accents are dropped first
 * (Ç reads as S), as the Python library Lino uses does: "Östges" → ASTJS, "Dorothée" → TR0.
 */
export function phoneticWord(word: string): string {
  const plain = word.replace(/[Çç]/g, "S").normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
  const [primary, secondary] = doubleMetaphone(plain);
  return primary || secondary;
}

/**
 * The phonetic words of a text (a full name or a last name), in name order, without empty codes
 * (a word of digits has none) and without repeats, so that "Karl Karl" does not count twice.
 */
export function phoneticWords(text: string): string[] {
  const words = stripNamePrefix(text)
    .replace(/[-,/&+]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return [...new Set(words.map(phoneticWord).filter(Boolean))];
}

/** Lino's `name` of a person: "last first", skipping an empty part. */
export const personName = (p: { lastName: string; firstName: string }): string =>
  [p.lastName.trim(), p.firstName.trim()].filter(Boolean).join(" ");

/** The words to store in `partners.phonetic_words` (recomputed whenever the name changes). */
export const personPhoneticWords = (p: { lastName: string; firstName: string }): string[] =>
  phoneticWords(personName(p));
