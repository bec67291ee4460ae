import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** How texts compare where readers see it: the order of lists, and the quick search. */

/**
 * Text in the order its readers expect: ICU's root collation, where accents and case only break
 * ties ("Gérard" before "Goffin", "Östges" among the O's, "van Damme" beside "Vandamme"). CLDR
 * gives French, Dutch, German and English no rules of their own beyond it (German's phonebook
 * order is opt-in), so one collation is every reader's order, and one index serves them all.
 * PostgreSQL built with ICU (Debian's, the official images) and the embedded PGlite both have it
 * under this name, so a list sorts the same on both; the database's default collation ("C" on
 * PGlite) would put every accented or lower-case name after Z.
 */
export const inReadersOrder = (text: SQLWrapper): SQL => sql`${text} collate "und-x-icu"`;

/**
 * Text as the quick search compares it: without accents and case ("Gérard" → "gerard", "Dorothée"
 * → "dorothee", "Straße" → "strasse"). Built from PostgreSQL's own immutable functions (no
 * `unaccent` extension, whose function is not immutable), so an index can hold it and PGlite
 * computes it alike. Decomposing (NFD) splits "é" into "e" and its accent, which is then dropped.
 * Its literals are part of the SQL text, not bound values, so that a query's expression is the index's.
 */
export const folded = (text: SQLWrapper): SQL =>
  sql`replace(lower(regexp_replace(normalize(${text}, NFD), '[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss')`;

/** What the user typed, folded as `folded` folds the searched text. */
export const foldedWord = (word: string) =>
  word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll("ß", "ss");
