import { createTranslator } from "next-intl";
import type { Translate } from "@/lib/format";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Locale } from "./locale";

const MESSAGES = { fr, nl, de, en };
export type Translator = Translate & ((key: string, values?: Record<string, string | number | Date>) => string);

/** Translates full message keys ("errors.FORBIDDEN") outside React, as next-intl does in pages. */
export function translatorFor(locale: Locale): Translator {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as never });
  return (key: string, values?: Record<string, string | number | Date>) =>
    (t as unknown as (k: string, v?: object) => string)(key, values);
}
