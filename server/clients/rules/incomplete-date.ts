/**
 * Lino's incomplete dates: `YYYY-MM-DD` where the month and/or the day may be `00` when unknown
 * (a NISS or an eID card can carry "born in 1995"). A day is known only within a known month, as in
 * the Belgian federal IncompleteDate (Belgif openapi-time): `1995-00-15` says nothing more than
 * `1995-00-00` and is refused (Lino would have read it as 15 June). All dates in these rules are
 * ISO strings, so that no time zone can move a day.
 */
export type IncompleteDate = { year: number; month: number; day: number };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parts of an incomplete date, or null when the text is not one (month 00–12, a day the month has or 00). */
export function parseIncompleteDate(value: string | null | undefined): IncompleteDate | null {
  const m = value ? PATTERN.exec(value) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month > 12) return null;
  if (month === 0 ? day !== 0 : day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const formatIncompleteDate = ({ year, month, day }: IncompleteDate): string =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

export const isCompleteDate = (d: IncompleteDate): boolean => d.year > 0 && d.month > 0 && d.day > 0;

/** Days of a month; years 0 (unknown) count as leap years, so that 29 February stays possible. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year === 0 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A complete ISO date (`2016-06-02`) that exists in the calendar. */
export const isIsoDate = (value: string): boolean => {
  const d = parseIncompleteDate(value);
  return d !== null && isCompleteDate(d);
};
