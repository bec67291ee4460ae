import type { ChoiceMeta, FieldMeta, Row } from "./resources";

/**
 * How values look to a user, and how a typed date is read back: the one place where dates, times
 * and numbers are formatted, per UI language, with Belgian conventions (fr-BE, nl-BE, de-BE, en-BE
 * through Intl) and Belgian time. Dates dd/mm/yyyy (dd.mm.yyyy in German), times 24-hour in
 * Europe/Brussels whatever the server's or the browser's zone, Belgian number grouping, money in
 * euros from integer cents. Shared by the grid, the detail view, the server's texts and the
 * exports; client-safe.
 */
export type UiLocale = "fr" | "nl" | "de" | "en";
type Cell = Row[string];
type Localized = Record<string, string | undefined>;
/** Translates a full message key ("format.yes"); next-intl's root `t` fits. */
export type Translate = (key: string) => string;

const FALLBACK: UiLocale[] = ["fr", "nl", "de", "en"];
/** The centres' time zone: every moment is shown as the clock on a Belgian wall reads it. */
export const TIME_ZONE = "Europe/Brussels";
export const intlLocale = (locale: UiLocale) => `${locale}-BE`;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** A `{fr, nl, de, en}` value in the reader's language, else French, Dutch, German, English. */
export function pickLocalized(value: Localized | null | undefined, locale: UiLocale): string {
  if (!value) return "";
  for (const l of [locale, ...FALLBACK]) if (value[l]) return value[l];
  return "";
}

/**
 * A calendar date ("2024-03-05") as 05/03/2024 or 05.03.2024; no time zone can shift the day.
 * Incomplete dates (Lino's "1970-00-00": day or month unknown) keep their zeros: 00/00/1970.
 */
export function formatDate(iso: string | null | undefined, locale: UiLocale): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  const date = new Date(`${year}-${month === "00" ? "01" : month}-${day === "00" ? "01" : day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const f = cached(
    `d:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        timeZone: "UTC",
      }),
  );
  if (month !== "00" && day !== "00") return f.format(date);
  return f
    .formatToParts(date)
    .map((p) => (p.type === "day" ? day : p.type === "month" ? month : p.value))
    .join("");
}

type Moment = string | Date;
const momentOf = (value: Moment) => (value instanceof Date ? value : new Date(value));

/** A moment, shown in Belgian time with the date as above and hours:minutes (and seconds if asked). */
export function formatDateTime(value: Moment | null | undefined, locale: UiLocale, { seconds = false } = {}): string {
  if (!value) return "";
  const date = momentOf(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const f = cached(
    `dt:${locale}:${seconds}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        ...(seconds ? { second: "2-digit" } : {}),
        hourCycle: "h23",
        timeZone: TIME_ZONE,
      }),
  );
  return f.format(date);
}

/** The time of a moment in Belgium, hours:minutes: "14:05". */
export function formatTime(value: Moment | null | undefined, locale: UiLocale): string {
  if (!value) return "";
  const date = momentOf(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return cached(
    `t:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: TIME_ZONE,
      }),
  ).format(date);
}

/** Today's date in Belgium (`YYYY-MM-DD`): the centres' day, whatever the server's time zone. */
export const belgianToday = (now = new Date()) =>
  cached("today", () => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE })).format(now);

/**
 * The wall clock in Belgium at a moment, as a zone-less date whose UTC fields read that clock
 * (spreadsheets store times without a zone).
 */
export function brusselsWallClock(value: Moment): Date {
  const f = cached(
    "wall",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: TIME_ZONE,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      }),
  );
  const p = Object.fromEntries(f.formatToParts(momentOf(value)).map((part) => [part.type, Number(part.value)]));
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a day of the calendar (no 30 February, no year 0). */
export function isCalendarDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date, or one of Lino's incomplete dates whose unknown day and/or month is 00
 * ("1995-07-00", "1995-00-00"; domain-people §6): what is known must be possible, the year is
 * known, and a day only within a known month (the Belgian federal IncompleteDate: "1995-00-15" says
 * no more than "1995-00-00").
 */
export function isIncompleteDate(iso: string): boolean {
  if (isCalendarDate(iso)) return true;
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year > 0 && month <= 12 && day === 0;
}

/**
 * A date as a user types it, read back as `YYYY-MM-DD`, or null: day, month, year in the order
 * Belgians write them, with any of `/ . - space` between ("31/07/2021", "31.7.2021", "1-7-2021"),
 * or ISO ("2021-07-31"). With `incomplete`, an unknown day or month may be 00 or left out
 * ("00/00/1995", "07/1995", "1995").
 */
export function parseTypedDate(text: string, { incomplete = false } = {}): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(value);
  const my = incomplete ? /^(\d{1,2})[/.\-\s]+(\d{4})$/.exec(value) : null;
  const y = incomplete ? /^(\d{4})$/.exec(value) : null;
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dmy
      ? [dmy[3], dmy[2], dmy[1]]
      : my
        ? [my[2], my[1], "0"]
        : y
          ? [y[1], "0", "0"]
          : [];
  if (!year) return null;
  const result = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  return (incomplete ? isIncompleteDate : isCalendarDate)(result) ? result : null;
}

/** Compares two texts as the reader's language sorts them ("Gérard" before "Goffin", "Östges" with the O's). */
export const compareText = (locale: UiLocale) =>
  cached(`c:${locale}`, () => new Intl.Collator(intlLocale(locale))).compare;

/**
 * A text with its first letter in capitals ("contrat art. 60§7" → "Contrat art. 60§7"): a name the
 * messages write for the middle of a sentence, opening a title or a line. The rest is left as it is.
 */
export const upperFirst = (text: string, locale?: UiLocale) =>
  text.charAt(0).toLocaleUpperCase(locale && intlLocale(locale)) + text.slice(1);

/** Numbers group thousands from five digits on ("12 345"), so ids and years stay "1234". */
export function formatNumber(value: number | null | undefined, locale: UiLocale): string {
  if (value === null || value === undefined) return "";
  return cached(`n:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { useGrouping: "min2" })).format(value);
}

/** Money is stored as integer cents: 123456 → "1 234,56 €" (fr), "€ 1.234,56" (nl). */
/** A file's size as its reader writes it: "830 B", "12.5 kB", "3.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number | null | undefined, locale: UiLocale): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "";
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let i = 0;
  let value = bytes;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "unit",
    unit: units[i],
    unitDisplay: "short",
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

export function formatMoney(cents: number | null | undefined, locale: UiLocale): string {
  if (cents === null || cents === undefined) return "";
  return cached(
    `m:${locale}`,
    () => new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" }),
  ).format(cents / 100);
}

/** The label of a choice value: a message key for declared values, the centre's own name for extras. */
export function choiceLabel(choices: ChoiceMeta[] | undefined, value: string, locale: UiLocale, t: Translate): string {
  const choice = choices?.find((c) => c.value === value);
  if (!choice) return value;
  return "key" in choice.label ? t(choice.label.key) : pickLocalized(choice.label.names, locale) || value;
}

const isLocalized = (v: Cell): v is Localized => typeof v === "object" && v !== null && !("label" in v);

/** A value that shows as nothing: absent, null or empty text. */
export const isEmptyValue = (value: unknown): value is null | undefined | "" =>
  value === null || value === undefined || value === "";

/** The text of any cell as a user reads it (ref cells give their label; the grid links them). */
export function formatCell(
  field: Pick<FieldMeta, "type" | "choices" | "plain">,
  value: Cell | undefined,
  locale: UiLocale,
  t: Translate,
): string {
  if (isEmptyValue(value)) return "";
  if (typeof value === "object") {
    if ("label" in value && "id" in value)
      return typeof value.label === "string" ? value.label : pickLocalized(value.label, locale);
    return isLocalized(value) ? pickLocalized(value, locale) : "";
  }
  switch (field.type) {
    case "date":
      return formatDate(String(value), locale);
    case "datetime":
      return formatDateTime(String(value), locale);
    case "integer":
      return typeof value === "number" && !field.plain ? formatNumber(value, locale) : String(value);
    case "money":
      return typeof value === "number" ? formatMoney(value, locale) : String(value);
    case "boolean":
      return t(value === true || value === "true" ? "format.yes" : "format.no");
    case "choice":
      return choiceLabel(field.choices, String(value), locale, t);
    case "password":
      return "••••••";
    case "html":
      return htmlText(String(value));
    default:
      return String(value);
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
/** Sanitised rich text as plain text (an export's cell, a title): blocks and line breaks become spaces. */
export const htmlText = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, " ")
    .trim();

/** Numbers and money align right in tables, so that digits line up. */
export const alignsRight = (type: FieldMeta["type"]) => type === "integer" || type === "money";
