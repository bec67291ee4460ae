import { daysInMonth, parseIncompleteDate } from "./incomplete-date";

/**
 * Periods and ages of the client lists (domain-people §3.5, §3.6). Dates are ISO strings and
 * `today` is always a parameter, so that the demo's "today" (2014-05-22) and tests work alike.
 */

export type Period = { start: string; end: string };
export type Dated = { startDate: string | null; endDate: string | null };

/**
 * The period of the client filters: an empty start takes the end, or today; an empty end takes
 * the start. So without dates the period is today, and one date gives that single day.
 */
export function filterPeriod(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
  today: string,
): Period {
  const start = startDate || endDate || today;
  return { start, end: endDate || start };
}

/**
 * Active in the period: started by its end, and not ended before its start (an open end never
 * ends). A coaching without start date is never active, as in Lino's SQL.
 */
export const isActiveIn = (row: Dated, period: Period): boolean =>
  row.startDate !== null && row.startDate <= period.end && (row.endDate === null || row.endDate >= period.start);

export const isActiveOn = (row: Dated, date: string): boolean => isActiveIn(row, { start: date, end: date });

export type CoachingLike = Dated & { userId: number; primary: boolean };

/** The "coached by" filter: a coaching by the user active in the period (primary if asked). */
export const isCoachedBy = (
  coachings: readonly CoachingLike[],
  userId: number,
  period: Period,
  onlyPrimary = false,
): boolean => coachings.some((c) => c.userId === userId && (!onlyPrimary || c.primary) && isActiveIn(c, period));

/**
 * Age in whole years on `today`, from a possibly incomplete birth date; null without a year.
 * An unknown month or day counts as the earliest one, as in Lino (and the database column).
 */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  const b = parseIncompleteDate(birthDate);
  const t = parseIncompleteDate(today);
  if (!b || !t || b.year === 0) return null;
  const notYet = b.month > t.month || (b.month === t.month && b.day > t.day);
  return t.year - b.year - (notYet ? 1 : 0);
}

export type AgeDisplay = { years: number; months: number | null; approximate: boolean };

/**
 * The age as Lino shows it: years, plus months up to 4 years, "±" when the birth date is
 * incomplete (an unknown month counts as June, an unknown day as the 15th); null when unknown.
 */
export function ageDisplay(birthDate: string | null | undefined, today: string): AgeDisplay | null {
  const b = parseIncompleteDate(birthDate);
  const t = parseIncompleteDate(today);
  if (!b || !t || b.year === 0) return null;
  const month = b.month || 6;
  const day = b.day || 15;
  let totalMonths = (t.year - b.year) * 12 + (t.month - month);
  if (t.day < Math.min(day, daysInMonth(t.year, t.month))) totalMonths -= 1;
  if (totalMonths < 0) return null;
  const years = Math.floor(totalMonths / 12);
  return { years, months: years <= 4 ? totalMonths % 12 : null, approximate: b.month === 0 || b.day === 0 };
}

/**
 * Birth-date bounds for "aged from … to …" (both inclusive, whole years): born on or before
 * `bornOnOrBefore` and after `bornAfter`. Strings compare like the stored incomplete dates.
 * (Lino approximates with 365-day years; whole years match the age shown.)
 */
export function ageRangeBounds(
  agedFrom: number | null,
  agedTo: number | null,
  today: string,
): { bornOnOrBefore: string | null; bornAfter: string | null } {
  const yearsBefore = (n: number) => {
    const [y, m, d] = today.split("-").map(Number) as [number, number, number];
    return `${String(y - n).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, daysInMonth(y - n, m))).padStart(2, "0")}`;
  };
  return {
    bornOnOrBefore: agedFrom === null ? null : yearsBefore(agedFrom),
    bornAfter: agedTo === null ? null : yearsBefore(agedTo + 1),
  };
}
