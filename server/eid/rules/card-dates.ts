import { isIncompleteDate } from "@/lib/format";
import { formatIncompleteDate, isIsoDate } from "@/server/clients/rules/incomplete-date";

/**
 * Dates as Belgian eID cards give them (integrations §2.1). The validity dates are `dd.mm.yyyy`;
 * the birth date is text in the card's language: "04 JUIN 1998", "01.JUN. 1968", "15 MÄR 1968",
 * "JUN. 1968" when the day is unknown, "1968" when only the year is. Parsed explicitly: a
 * guessing parser read `02.06.2016` as 6 February in Lino.
 */

// The abbreviations the middleware writes (fr, nl, de) and the full names in fr, nl, de, en,
// without accents. A token names a month if it is one of these or the start (3+ letters) of names
// of one month only: "MAA" is March (maart), "JUI" is refused (juin or juillet).
const MONTH_NAMES: string[][] = [
  ["JAN", "JANV", "JANVIER", "JANUARI", "JANUAR", "JANUARY"],
  ["FEV", "FEB", "FEVR", "FEVRIER", "FEBRUARI", "FEBRUAR", "FEBRUARY"],
  ["MARS", "MAAR", "MAR", "MRT", "MAART", "MARZ", "MARCH"],
  ["AVR", "APR", "AVRIL", "APRIL"],
  ["MAI", "MEI", "MAY"],
  ["JUIN", "JUN", "JUNI", "JUNE"],
  ["JUIL", "JUL", "JUILLET", "JULI", "JULY"],
  ["AOUT", "AUG", "AUGUSTUS", "AUGUST"],
  ["SEPT", "SEP", "SEPTEMBRE", "SEPTEMBER"],
  ["OCT", "OKT", "OCTOBRE", "OKTOBER", "OCTOBER"],
  ["NOV", "NOVEMBRE", "NOVEMBER"],
  ["DEC", "DEZ", "DECEMBRE", "DECEMBER", "DEZEMBER"],
];

const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();

/** The month (1–12) a card's month word names, or null when it names none or several. */
export function monthFromName(word: string): number | null {
  const token = plain(word).replace(/\.$/, "");
  if (token.length < 3) return null;
  const exact = MONTH_NAMES.findIndex((names) => names.includes(token));
  if (exact >= 0) return exact + 1;
  const months = MONTH_NAMES.flatMap((names, i) => (names.some((n) => n.startsWith(token)) ? [i + 1] : []));
  return months.length === 1 ? months[0]! : null;
}

/** `dd.mm.yyyy` → `yyyy-mm-dd`, or null unless it is exactly that and a real date. */
export function parseCardDate(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A card's birth date as an incomplete date (`1968-06-00` when the day is unknown), or null when
 * the text is not understood. Accepts `dd.mm.yyyy` too.
 */
export function parseCardBirthDate(text: string): string | null {
  const value = plain(text.trim());
  const numeric = /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(value);
  if (numeric) return checked(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  // [day] [month word] year, separated by spaces and/or dots: "01.JUN. 1968", "15.MAA.1968".
  const m = /^(?:(\d{1,2})[\s.]+)?(?:([A-Z]+)\.?[\s.]*)?(\d{4})$/.exec(value);
  if (!m) return null;
  const month = m[2] ? monthFromName(m[2]) : 0;
  if (month === null || (m[1] && !m[2])) return null;
  return checked(Number(m[3]), month, m[1] ? Number(m[1]) : 0);
}

/** The incomplete date, if it is one a client's file keeps (server/clients/rules/incomplete-date.ts). */
function checked(year: number, month: number, day: number): string | null {
  const date = formatIncompleteDate({ year, month, day });
  return isIncompleteDate(date) ? date : null;
}
