/**
 * Recurrence sets (domain-people §10.4, Lino's RecurrenceSet and Recurrencies) as pure date rules.
 * Dates are ISO `YYYY-MM-DD` strings (Brussels calendar days); nothing here reads a clock or a database.
 */
import { easterSunday } from "@/server/calendar/holidays";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";

/** Lino's Recurrencies without the deprecated "per weekday": how far apart two dates of a series are. */
export const RECURRENCE_UNITS = ["once", "daily", "weekly", "monthly", "yearly", "easter"] as const;
export type RecurrenceUnit = (typeof RECURRENCE_UNITS)[number];

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * `date` plus `n` units; null for "once" (a series of one has no next date). Months and years keep the
 * day of month, clamped to the month's end (31 January + 1 month = 28 February). "Easter" keeps the
 * distance to Easter Sunday of the date's year: Ascension stays Easter + 39 days, `n` years later.
 */
export function addUnits(date: string, unit: RecurrenceUnit, n: number): string | null {
  switch (unit) {
    case "once":
      return null;
    case "daily":
      return addDays(date, n);
    case "weekly":
      return addDays(date, 7 * n);
    case "monthly":
      return addMonths(date, n);
    case "yearly":
      return addMonths(date, 12 * n);
    case "easter": {
      const year = Number(date.slice(0, 4));
      return addDays(easterSunday(year + n), daysBetween(easterSunday(year), date));
    }
  }
}

/** Which weekdays a series may fall on (ISO numbers); null allows every day. */
export type Weekdays = readonly number[] | null;

export const isAllowed = (date: string, weekdays: Weekdays) => !weekdays || weekdays.includes(isoWeekday(date));

/** `date`, or the first following day whose weekday is allowed (at most a week on); null if no weekday is. */
export function toAllowedWeekday(date: string, weekdays: Weekdays): string | null {
  for (let i = 0, d = date; i < 7; i++, d = addDays(d, 1)) if (isAllowed(d, weekdays)) return d;
  return null;
}

/** The date after `date` in a series: one step of `every` units on, then to an allowed weekday. */
export function nextDate(date: string, rule: { unit: RecurrenceUnit; every: number; weekdays: Weekdays }) {
  const next = addUnits(date, rule.unit, rule.every);
  return next === null ? null : toAllowedWeekday(next, rule.weekdays);
}
