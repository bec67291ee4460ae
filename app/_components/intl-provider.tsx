"use client";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/server/i18n/locale";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

const MESSAGES: Record<Locale, typeof de> = { de, en, fr, nl };

/**
 * The UI texts of client components, from a script the browser caches, not from the page: next-intl
 * would otherwise write the whole catalogue (about 50 KB, more with every area) into every page,
 * which made up 40 % of a page and a third of the time the server spent on it.
 */
export function IntlProvider({
  locale,
  timeZone,
  children,
}: {
  locale: Locale;
  timeZone: string;
  children: React.ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={MESSAGES[locale]}>
      {children}
    </NextIntlClientProvider>
  );
}
