/**
 * Belgian public holidays (domain-people §10.4): days fixed in the year and days relative to
 * Easter, as rules the series engine will generate calendar entries of type "Holidays" from
 * (yearly, and "relative to Easter"); each centre chooses which of them apply (the legal days, its
 * community's day, Lino's demo extras such as Carnival Monday in Eupen). Pure: no database, no clock.
 */

/** A yearly day (month 1–12, day of month) or a day `offset` days from Easter Sunday. */
export type HolidayRule = { key: string } & ({ month: number; day: number } | { easterOffset: number });

/** The ten legal public holidays of Belgium (law of 4 January 1974). */
export const LEGAL_HOLIDAYS: readonly HolidayRule[] = [
  { key: "newYear", month: 1, day: 1 },
  { key: "easterMonday", easterOffset: 1 },
  { key: "labourDay", month: 5, day: 1 },
  { key: "ascension", easterOffset: 39 },
  { key: "whitMonday", easterOffset: 50 },
  { key: "nationalDay", month: 7, day: 21 },
  { key: "assumption", month: 8, day: 15 },
  { key: "allSaints", month: 11, day: 1 },
  { key: "armistice", month: 11, day: 11 },
  { key: "christmas", month: 12, day: 25 },
];

/** The communities' own days, which their centres add (issue 15 §3). */
export const COMMUNITY_HOLIDAYS: readonly HolidayRule[] = [
  { key: "flemishCommunity", month: 7, day: 11 },
  { key: "frenchCommunity", month: 9, day: 27 },
  { key: "germanCommunity", month: 11, day: 15 },
];

/** Further days of Lino's demo (§10.4) that a centre may close on. */
export const OTHER_HOLIDAYS: readonly HolidayRule[] = [
  { key: "carnivalMonday", easterOffset: -48 },
  { key: "ashWednesday", easterOffset: -46 },
  { key: "goodFriday", easterOffset: -2 },
  { key: "easterSunday", easterOffset: 0 },
  { key: "whitSunday", easterOffset: 49 },
  { key: "allSouls", month: 11, day: 2 },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`no Gregorian Easter for ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(new Date(Date.UTC(year, month - 1, day)));
}

/** The date a rule gives in `year`, YYYY-MM-DD. */
export function holidayDate(rule: HolidayRule, year: number): string {
  if ("easterOffset" in rule) {
    const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
    easter.setUTCDate(easter.getUTCDate() + rule.easterOffset);
    return iso(easter);
  }
  return iso(new Date(Date.UTC(year, rule.month - 1, rule.day)));
}

/** The holidays of `year` under `rules` (the legal ones unless told), in date order. */
export function holidaysOf(year: number, rules: readonly HolidayRule[] = LEGAL_HOLIDAYS) {
  return rules
    .map((rule) => ({ key: rule.key, date: holidayDate(rule, year) }))
    .sort((x, y) => x.date.localeCompare(y.date) || x.key.localeCompare(y.key));
}
