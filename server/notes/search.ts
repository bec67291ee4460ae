import { or, sql, type SQL } from "drizzle-orm";
import { NOTE_SEARCH_CONFIGS } from "@/db/tenant/notes";
import type { TenantTables } from "@/db/tenant/tables";

const LANGUAGES = Object.keys(NOTE_SEARCH_CONFIGS) as (keyof typeof NOTE_SEARCH_CONFIGS)[];

/**
 * Notes whose subject or body holds the searched words, stemmed in each note's language ("logements"
 * finds a French note about "logement", "Wohnungen" a German one about "Wohnung"). One branch per
 * language, each `search @@ query`, so that PostgreSQL answers every branch from the GIN index
 * (a bitmap OR) rather than reading every note; notes in other languages are matched unstemmed.
 * `websearch_to_tsquery` takes any text a user types ("quoted phrases", -excluded, or) without error.
 */
export function noteSearch(t: TenantTables, q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const n = t.notes;
  return or(
    ...LANGUAGES.map(
      (lang) =>
        sql`(${n.language} = ${lang} and ${n.search} @@ websearch_to_tsquery(${sql.raw(`'${NOTE_SEARCH_CONFIGS[lang]}'`)}, ${text}))`,
    ),
    sql`(${n.language} not in (${sql.raw(LANGUAGES.map((l) => `'${l}'`).join(", "))}) and ${n.search} @@ websearch_to_tsquery('simple', ${text}))`,
  );
}
