import { IntlMessageFormat } from "intl-messageformat";
import { z } from "zod";
import type { LocalizedText } from "@/db/control/schema";
import { isLocale, LOCALES, type Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { localizedText } from "@/server/resources/fields";
import type { FieldDef } from "@/server/resources/define";

/**
 * The body of the mails "Create e-mail" writes from a note or a scanned document (domain-people §15:
 * "body from the type's template"), one text per language. A template names what it is about in
 * braces, as the app's own messages do (ICU MessageFormat): {recipient}, {client}, {subject},
 * {body} (the note's text, the document's description), {date}, {sender}, {centre}.
 */
export const TEMPLATE_VALUES = ["recipient", "client", "subject", "body", "date", "sender", "centre"] as const;
export type TemplateValues = Record<(typeof TEMPLATE_VALUES)[number], string>;

/** Beside the values above, "yes" or "no": whether the mail has a recipient to greet by name. */
type Filled = TemplateValues & { hasRecipient: "yes" | "no" };
const SAMPLE: Filled = {
  ...(Object.fromEntries(TEMPLATE_VALUES.map((name) => [name, name])) as TemplateValues),
  hasRecipient: "yes",
};

/** Whether a template reads: well-formed braces, only the names above. */
function readsWell(text: string, locale: Locale): boolean {
  try {
    new IntlMessageFormat(text, locale).format(SAMPLE);
    return true;
  } catch {
    return false;
  }
}

const oneLanguage = z.string().max(20_000).optional();

/** The type's "E-mail template" field: a text per language, each checked before it is saved. */
export const mailTemplateField = (col: Parameters<typeof localizedText>[1]): FieldDef => ({
  ...localizedText("outbox.fields.mailTemplate", col),
  help: "outbox.fields.mailTemplateHelp",
  sortable: false,
  input: z
    .strictObject({ fr: oneLanguage, nl: oneLanguage, de: oneLanguage, en: oneLanguage })
    .nullable()
    .superRefine((value, check) => {
      for (const locale of LOCALES) {
        const text = value?.[locale];
        if (text && !readsWell(text, locale)) check.addIssue({ code: "custom", path: [locale] });
      }
    }),
});

/**
 * The body in `locale`: the type's template in that language, else the app's own text for this kind
 * of mail (`fallbackKey`), so that a centre that has written no template still sends a proper mail.
 */
export function renderTemplate(
  template: LocalizedText | null | undefined,
  locale: Locale,
  fallbackKey: string,
  values: TemplateValues,
): string {
  const filled: Filled = { ...values, hasRecipient: values.recipient ? "yes" : "no" };
  const own = template?.[locale]?.trim();
  if (own) {
    try {
      return String(new IntlMessageFormat(own, locale).format(filled));
    } catch {
      // Saved before the check existed, or edited in the database: the app's text rather than nothing.
    }
  }
  return translatorFor(locale)(fallbackKey, filled);
}

/** The language a recipient reads (their partner's language), else the given one, else French. */
export const readerLocale = (...candidates: (string | null | undefined)[]): Locale =>
  candidates.find((c): c is Locale => isLocale(c)) ?? "fr";
