import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { formatDate } from "@/lib/format";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { LOCALES, type Locale } from "@/server/i18n/locale";

/**
 * A problem's message as a `{fr, nl, de, en}` value computed in SQL, so that the generic grid shows
 * it in the reader's language, sorts and exports it like any localized field. Each language's
 * templates of the namespaces below are looked up by the stored key; `{name}` placeholders take the
 * stored parameters, and parameters named `date` are written as that language writes dates.
 * Only plain placeholders are possible (no plural or select), which `messageTemplates` enforces.
 */

const MESSAGES: Record<Locale, Record<string, unknown>> = { fr, nl, de, en };
/** Where problem messages live: the checkers' own, and the national number's validation messages. */
export const PROBLEM_NAMESPACES = ["checks", "niss"] as const;

function flatten(prefix: string, node: unknown, out: Record<string, string>) {
  if (typeof node === "string") out[prefix] = node;
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) flatten(`${prefix}.${k}`, v, out);
}

const PLACEHOLDER = /\{(\w+)\}/g;

let cache: Record<Locale, Record<string, string>> | undefined;
/** Every problem message template, per language, by full key. */
export function messageTemplates(): Record<Locale, Record<string, string>> {
  if (cache) return cache;
  const out = {} as Record<Locale, Record<string, string>>;
  for (const locale of LOCALES) {
    const templates: Record<string, string> = {};
    for (const ns of PROBLEM_NAMESPACES) flatten(ns, MESSAGES[locale][ns], templates);
    for (const [key, text] of Object.entries(templates)) {
      if (/[{}]/.test(text.replace(PLACEHOLDER, "")) || text.includes("'"))
        throw new Error(`${locale} ${key}: a problem message may only use plain {placeholders}`);
    }
    out[locale] = templates;
  }
  return (cache = out);
}

/** `DD/MM/YYYY` or `DD.MM.YYYY`: how `formatDate` writes a date in that language, as a pattern. */
export const datePattern = (locale: Locale) =>
  formatDate("2001-02-03", locale).replace("2001", "YYYY").replace("02", "MM").replace("03", "DD");

/**
 * The parameter `name` of `params` as the text the message shows in `locale`. A date is rewritten
 * as text, never parsed: a stored value that is no date is shown as it is instead of failing the list.
 */
function paramText(params: SQLWrapper, name: string, locale: Locale): SQL {
  const value = sql`(${params}->>${name}::text)`;
  if (name !== "date") return value;
  const replacement = datePattern(locale).replace("YYYY", "\\1").replace("MM", "\\2").replace("DD", "\\3");
  return sql`regexp_replace(${value}, '^([0-9]{4})-([0-9]{2})-([0-9]{2})$', ${replacement}::text)`;
}

/** `{fr, nl, de, en}`: the message of `key` in each language, with `params` put in (unknown keys show the key). */
export function problemMessageSql(key: SQLWrapper, params: SQLWrapper): SQL {
  const templates = messageTemplates();
  const names = [
    ...new Set(
      LOCALES.flatMap((l) =>
        Object.values(templates[l]).flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)),
      ),
    ),
  ].sort();
  return sql`jsonb_build_object(${sql.join(
    LOCALES.map((l) => {
      let text: SQL = sql`coalesce(${JSON.stringify(templates[l])}::jsonb->>${key}, ${key})`;
      for (const name of names)
        text = sql`replace(${text}, ${`{${name}}`}::text, coalesce(${paramText(params, name, l)}, ''))`;
      return sql`${l}::text, ${text}`;
    }),
    sql`, `,
  )})`;
}
