import type { ChoiceMeta, FieldMeta, Row } from "./resources";

/**
 * How values look to a user, per UI language, with Belgian conventions (fr-BE, nl-BE, de-BE,
 * en-BE through Intl): dates dd/mm/yyyy (dd.mm.yyyy in German), Belgian number grouping, money in
 * euros from integer cents. Shared by the grid, the detail view and the exports; client-safe.
 */
export type UiLocale = "fr" | "nl" | "de" | "en";
type Cell = Row[string];
type Localized = Record<string, string | undefined>;
/** Translates a full message key ("format.yes"); next-intl's root `t` fits. */
export type Translate = (key: string) => string;

const FALLBACK: UiLocale[] = ["fr", "nl", "de", "en"];
export const intlLocale = (locale: UiLocale) => `${locale}-BE`;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
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
  const f = cached(`d:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }));
  if (month !== "00" && day !== "00") return f.format(date);
  return f.formatToParts(date).map((p) => (p.type === "day" ? day : p.type === "month" ? month : p.value)).join("");
}

/** A moment, shown in Belgian time with the date as above and hours:minutes. */
export function formatDateTime(iso: string | null | undefined, locale: UiLocale): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const f = cached(`dt:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), {
    day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Brussels",
  }));
  return f.format(date);
}

/** Numbers group thousands from five digits on ("12 345"), so ids and years stay "1234". */
export function formatNumber(value: number | null | undefined, locale: UiLocale): string {
  if (value === null || value === undefined) return "";
  return cached(`n:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { useGrouping: "min2" })).format(value);
}

/** Money is stored as integer cents: 123456 → "1 234,56 €" (fr), "€ 1.234,56" (nl). */
export function formatMoney(cents: number | null | undefined, locale: UiLocale): string {
  if (cents === null || cents === undefined) return "";
  return cached(`m:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" })).format(cents / 100);
}

/** The label of a choice value: a message key for declared values, the centre's own name for extras. */
export function choiceLabel(choices: ChoiceMeta[] | undefined, value: string, locale: UiLocale, t: Translate): string {
  const choice = choices?.find((c) => c.value === value);
  if (!choice) return value;
  return "key" in choice.label ? t(choice.label.key) : pickLocalized(choice.label.names, locale) || value;
}

const isLocalized = (v: Cell): v is Localized => typeof v === "object" && v !== null && !("label" in v);

/** The text of any cell as a user reads it (ref cells give their label; the grid links them). */
export function formatCell(field: Pick<FieldMeta, "type" | "choices">, value: Cell | undefined, locale: UiLocale, t: Translate): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "object") {
    if ("label" in value && "id" in value) return typeof value.label === "string" ? value.label : pickLocalized(value.label, locale);
    return isLocalized(value) ? pickLocalized(value, locale) : "";
  }
  switch (field.type) {
    case "date": return formatDate(String(value), locale);
    case "datetime": return formatDateTime(String(value), locale);
    case "integer": return typeof value === "number" ? formatNumber(value, locale) : String(value);
    case "money": return typeof value === "number" ? formatMoney(value, locale) : String(value);
    case "boolean": return t(value === true || value === "true" ? "format.yes" : "format.no");
    case "choice": return choiceLabel(field.choices, String(value), locale, t);
    case "password": return "••••••";
    default: return String(value);
  }
}

/** Numbers and money align right in tables, so that digits line up. */
export const alignsRight = (type: FieldMeta["type"]) => type === "integer" || type === "money";
