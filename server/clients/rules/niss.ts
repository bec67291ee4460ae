import { daysInMonth, formatIncompleteDate, parseIncompleteDate } from "./incomplete-date";

/**
 * Belgian national register numbers (NISS / INSZ / SSIN), domain-people §6 and integrations §3.
 *
 * 11 digits `YYMMDD SSS CC`: birth date, sequence (odd for men, even for women) and check digits
 * CC = 97 − (N mod 97), where N is the first 9 digits, prefixed by "2" for births from 2000 on.
 * Stored formatted like Lino, 13 characters: `680601 053-29`, with `=` instead of `-` for the
 * 2000s and `*` for the 1800s. Bis numbers (people unknown to the national register) add 20 to
 * the month when the gender was unknown at attribution and 40 when it was known.
 */

export type NissKind = "national" | "bis20" | "bis40";
export type NissCentury = 1800 | 1900 | 2000;
export type Gender = "M" | "F";
/** Each code is a message key under `niss.` in messages/*.json. */
export type NissErrorCode =
  | "empty"
  | "notDigits"
  | "rawLength"
  | "formattedLength"
  | "month"
  | "day"
  | "sequence"
  | "checkDigit"
  | "unrecognizedCheckDigit";

export type NissOk = {
  ok: true;
  /** As stored: `680601 053-29`. */
  formatted: string;
  /** The 11 digits. */
  raw: string;
  /** `YYYY-MM-DD`, month and day `00` when unknown; for bis numbers the real month. */
  birthDate: string;
  /** From the sequence parity; unknown for bis numbers attributed without a gender (+20). */
  gender: Gender | null;
  kind: NissKind;
  century: NissCentury;
};
export type NissError = { ok: false; code: NissErrorCode; params: Record<string, string | number> };
export type NissResult = NissOk | NissError;

const MARKER: Record<NissCentury, string> = { 1800: "*", 1900: "-", 2000: "=" };

const fail = (code: NissErrorCode, params: Record<string, string | number> = {}): NissError => ({
  ok: false,
  code,
  params,
});

/** The check number of the first 9 digits; never 0, since 97 − 0 gives 97. */
export function nissCheckDigits(nineDigits: string, century: NissCentury): number {
  return 97 - (Number((century === 2000 ? "2" : "") + nineDigits) % 97);
}

/** `YYMMDD sss-cc` from the 11 digits and the century. */
export const formatNiss = (raw: string, century: NissCentury): string =>
  `${raw.slice(0, 6)} ${raw.slice(6, 9)}${MARKER[century]}${raw.slice(9, 11)}`;

/** The form printed on the back of eID cards: `68.06.01-053.29`. */
export const printedNiss = (raw: string): string =>
  `${raw.slice(0, 2)}.${raw.slice(2, 4)}.${raw.slice(4, 6)}-${raw.slice(6, 9)}.${raw.slice(9, 11)}`;

/** The digits alone, whatever the separators: for comparing stored and read numbers. */
export const nissDigits = (value: string): string => value.replace(/\D/g, "");

/**
 * Parses what a user typed or a card gave (`68060105329`, `680601 053-29`, `68.06.01-053.29`).
 * Like Lino, `-` and `=` are separators and the checksum decides the century (1900 rule first,
 * then 2000); only `*` is kept, because 1800 and 1900 share the checksum and cannot be told apart.
 */
export function parseNiss(input: string): NissResult {
  const value = input.trim();
  if (!value) return fail("empty");
  const raw = value.replace(/[\s.\-=*/]/g, "");
  if (!/^\d+$/.test(raw)) return fail("notDigits", { value });
  if (raw.length !== 11) return fail("rawLength", { value, length: raw.length });

  const [yy, mm, dd, seq, cd] = [
    raw.slice(0, 2),
    Number(raw.slice(2, 4)),
    Number(raw.slice(4, 6)),
    raw.slice(6, 9),
    Number(raw.slice(9)),
  ];
  const kind: NissKind | null =
    mm <= 12 ? "national" : mm >= 20 && mm <= 32 ? "bis20" : mm >= 40 && mm <= 52 ? "bis40" : null;
  if (!kind) return fail("month", { value, month: raw.slice(2, 4) });
  const month = kind === "bis20" ? mm - 20 : kind === "bis40" ? mm - 40 : mm;
  if (dd > 31) return fail("day", { value, day: raw.slice(4, 6) });
  if (seq === "000") return fail("sequence", { value });

  const nine = raw.slice(0, 9);
  const century: NissCentury | null =
    cd === nissCheckDigits(nine, 1900)
      ? value.includes("*")
        ? 1800
        : 1900
      : cd === nissCheckDigits(nine, 2000)
        ? 2000
        : null;
  if (!century) return fail("unrecognizedCheckDigit", { value });

  const year = century + Number(yy);
  // A day the month does not have (31 April) cannot be a birth date, even in a bis number.
  if (month > 0 && dd > daysInMonth(year, month)) return fail("day", { value, day: raw.slice(4, 6) });
  return {
    ok: true,
    formatted: formatNiss(raw, century),
    raw,
    birthDate: formatIncompleteDate({ year, month, day: dd }),
    gender: kind === "bis20" ? null : Number(seq) % 2 === 1 ? "M" : "F",
    kind,
    century,
  };
}

/**
 * Lino's validation of a stored (formatted) value, with its two messages: the length, and the
 * check digit for the century its marker claims. Not enforced on save (legacy data).
 */
export function validateFormattedNiss(stored: string): NissResult {
  const value = stored.trim();
  if (!value) return fail("empty");
  if (value.length !== 13) return fail("formattedLength", { value });
  const nine = value.slice(0, 6) + value.slice(7, 10);
  if (!/^\d{9}$/.test(nine) || !/^\d{2}$/.test(value.slice(11))) return fail("notDigits", { value });
  const century: NissCentury = value[10] === "=" ? 2000 : value[10] === "*" ? 1800 : 1900;
  const expected = nissCheckDigits(nine, century);
  const found = Number(value.slice(11));
  if (found !== expected) return fail("checkDigit", { value, found, expected });
  return parseNiss(value);
}

export type StoredNissCheck =
  { status: "ok" } | { status: "malformed"; expected: string } | { status: "invalid"; error: NissError };

/**
 * The data checker "Check for invalid SSINs": a stored value that parses but is not in the stored
 * form can be reformatted automatically; one that does not parse must be fixed by a person.
 */
export function checkStoredNiss(stored: string): StoredNissCheck {
  const parsed = parseNiss(stored);
  if (!parsed.ok) return { status: "invalid", error: parsed };
  return parsed.formatted === stored ? { status: "ok" } : { status: "malformed", expected: parsed.formatted };
}

/**
 * A valid NISS for a birth date and gender, as Lino's demo generator makes them (sequence 1 for
 * men, 2 for women unless given). Throws on births before 1900, like Lino.
 */
export function generateNiss(birthDate: string, gender: Gender, sequence?: number): string {
  const d = parseIncompleteDate(birthDate);
  if (!d || d.year < 1900 || d.year > 2099) throw new Error(`Cannot make a NISS for birth date ${birthDate}`);
  const century: NissCentury = d.year >= 2000 ? 2000 : 1900;
  const nine =
    [d.year % 100, d.month, d.day].map((n) => String(n).padStart(2, "0")).join("") +
    String(sequence ?? (gender === "M" ? 1 : 2)).padStart(3, "0");
  return formatNiss(nine + String(nissCheckDigits(nine, century)).padStart(2, "0"), century);
}

/**
 * How a national number typed in a search box may be stored: a clerk types `68060105329` or
 * `68.06.01-053.29` for the stored `680601 053-29`, or only its first digits. Returns the word
 * itself and, for 7 to 11 digits, the stored form of those digits (as far as they go).
 */
export function nissSearchVariants(word: string): string[] {
  const digits = word.replace(/[.\-=*/]/g, "");
  if (!/^\d{7,11}$/.test(digits)) return [word];
  const parsed = digits.length === 11 ? parseNiss(word) : null;
  const stored = parsed?.ok ? parsed.formatted : `${digits.slice(0, 6)} ${digits.slice(6, 9)}`;
  return stored === word ? [word] : [word, stored];
}
