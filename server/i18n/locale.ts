import type { LocalizedText } from "@/db/control/schema";

export const LOCALES = ["fr", "nl", "de", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "entraide_locale";

export const isLocale = (v: unknown): v is Locale =>
  typeof v === "string" && (LOCALES as readonly string[]).includes(v);

/** Picks the best designation: the wanted language, then French, Dutch, German, English. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.fr || text.nl || text.de || text.en || "";
}

/** First supported language of an Accept-Language header, if any. */
export function fromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  return header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q)
    .map((x) => x.lang)
    .find(isLocale);
}
