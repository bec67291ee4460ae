import { and, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { folded, foldedWord } from "@/db/text";
import type { TenantTables } from "@/db/tenant/tables";
import { isCalendarDate, isIncompleteDate } from "@/lib/format";
import { LOCALES } from "@/server/i18n/locale";
import type { ChoiceList } from "./choices";
import type { FieldDef, FilterDef } from "./define";
import { likePattern } from "./query";

/** Shorthands for the common field and filter declarations. */

type Col = (t: TenantTables) => AnyPgColumn;
type Opts = Partial<Omit<FieldDef, "type" | "label" | "expr" | "column">> & { editable?: boolean };

function column(
  type: FieldDef["type"],
  label: string,
  col: Col,
  input: z.ZodType,
  { editable = true, ...opts }: Opts = {},
): FieldDef {
  return { type, label, expr: col, ...(editable ? { column: col, input } : {}), ...opts };
}

export const text = (label: string, col: Col, opts: Opts & { max?: number } = {}) =>
  column(
    "text",
    label,
    col,
    opts.required
      ? z
          .string()
          .trim()
          .min(1)
          .max(opts.max ?? 200)
      : z
          .string()
          .trim()
          .max(opts.max ?? 200),
    opts,
  );
export const longText = (label: string, col: Col, opts: Opts = {}) =>
  column("longtext", label, col, z.string().max(20_000), opts);
export const integer = (label: string, col: Col, opts: Opts & { min?: number; max?: number } = {}) =>
  column(
    "integer",
    label,
    col,
    z
      .number()
      .int()
      .min(opts.min ?? -2_147_483_648)
      .max(opts.max ?? 2_147_483_647),
    opts,
  );
/**
 * A day of the calendar, `YYYY-MM-DD`: 30 February or year 0 is refused as invalid input (a 400),
 * never handed to the database. Every date a request carries goes through it (fields, filters).
 */
export const isoDate = z.string().refine(isCalendarDate, { message: "Invalid date" });
/** `YYYY-MM-DD` where an unknown month or day is 00 (domain-people §6: "born in 1995" is 1995-00-00). */
export const incompleteIsoDate = z.string().refine(isIncompleteDate, { message: "Invalid date" });

export const date = (label: string, col: Col, opts: Opts = {}) =>
  column("date", label, col, opts.required ? isoDate : isoDate.nullable(), opts);
/** A date kept as text whose day or month may be unknown (a birth date read from a NISS or a card). */
export const incompleteDate = (label: string, col: Col, opts: Opts = {}) =>
  column("date", label, col, opts.required ? incompleteIsoDate : incompleteIsoDate.nullable(), {
    ...opts,
    incomplete: true,
  });
export const datetime = (label: string, col: Col) => column("datetime", label, col, z.never(), { editable: false });
export const boolean = (label: string, col: Col, opts: Opts = {}) => column("boolean", label, col, z.boolean(), opts);
export const choice = (label: string, col: Col, list: ChoiceList, opts: Opts = {}) =>
  column("choice", label, col, opts.required ? z.string().min(1).max(40) : z.string().max(40).nullable(), {
    ...opts,
    choices: list,
  });
/** A row's integer key (a PostgreSQL `serial`): anything else names no row and is refused before SQL. */
export const rowKey = z.number().int().min(1).max(2_147_483_647);

/**
 * A field holding another resource's integer key, shown as `display` (text, or `{fr,nl,de,en}`
 * when `localized`) and linked to that row's detail.
 */
export const reference = (
  label: string,
  resource: string,
  col: Col,
  display: (t: TenantTables) => SQLWrapper,
  opts: {
    required?: boolean;
    localized?: boolean;
    createOnly?: boolean;
    width?: number;
    choices?: NonNullable<FieldDef["ref"]>["choices"];
  } = {},
): FieldDef => ({
  type: "ref",
  label,
  width: opts.width ?? 20,
  required: opts.required,
  createOnly: opts.createOnly,
  expr: col,
  column: col,
  input: opts.required ? rowKey : rowKey.nullable(),
  ref: { resource, display, localized: opts.localized, choices: opts.choices },
});

/**
 * A field kept as one key of a JSON object column (e.g. a centre-specific field in `extra`): read as
 * `column->>'key'` (empty text or false when absent), written by merging the key into the object.
 */
export function jsonField(
  type: "text" | "longtext" | "boolean",
  label: string,
  col: Col,
  key: string,
  opts: Opts & { max?: number } = {},
): FieldDef {
  const raw = (t: TenantTables) => sql`${col(t)}->>${key}`;
  // Only a JSON `true` is true: a stored value of another kind must not make every read fail on a cast.
  const expr =
    type === "boolean"
      ? (t: TenantTables) => sql<boolean>`coalesce(${col(t)}->${key} = 'true'::jsonb, false)`
      : (t: TenantTables) => sql<string>`coalesce(${raw(t)}, '')`;
  const input =
    type === "boolean"
      ? z.boolean()
      : z
          .string()
          .trim()
          .max(opts.max ?? (type === "longtext" ? 20_000 : 200));
  const { editable = true, ...rest } = opts;
  return { type, label, expr, ...(editable ? { column: col, input, jsonKey: key } : {}), ...rest };
}

export const localizedText = (label: string, col: Col, opts: Opts = {}) =>
  column(
    "localized",
    label,
    col,
    z.strictObject({
      fr: z.string().trim().min(1).max(200),
      nl: z.string().trim().max(200).optional(),
      de: z.string().trim().max(200).optional(),
      en: z.string().trim().max(200).optional(),
    }),
    opts,
  );

/**
 * A text matches a typed word whatever their accents and case ("gerard" finds "Gérard"): both are
 * folded (db/text.ts). `pattern` is a LIKE pattern of the typed text (see likePattern). Without a
 * letter or accent ("47%", a phone number) there is nothing to fold, and the plain comparison keeps
 * using an index on the column (a postal code's).
 */
export const matches = (text: SQLWrapper, pattern: string): SQL =>
  /[\p{L}\p{M}]/u.test(pattern) ? sql`${folded(text)} like ${foldedWord(pattern)}` : sql`${text} like ${pattern}`;

/** Matches a text in any language of a `{fr, nl, de, en}` column. */
export const localizedMatches = (json: SQLWrapper, pattern: string): SQL =>
  or(...LOCALES.map((l) => matches(sql`${json}->>${sql.raw(`'${l}'`)}`, pattern)))!;

/**
 * Lino's quick search: every word must match (AND); a word matches if a text field contains it
 * (accents and case aside); a number also matches integer fields equal to it, and `#123` matches
 * integer fields only. `text` gives the text columns, or `{ folded }`: one text already folded that
 * joins them with whitespace (which no word contains, so it matches the same rows), e.g. the one
 * a trigram index covers (`partners.search_text`).
 */
export function wordSearch(
  text: (t: TenantTables) => SQLWrapper[] | { folded: SQLWrapper },
  ints: (t: TenantTables) => SQLWrapper[] = () => [],
  /** Other spellings of a typed word that also count as a match (a national number without separators). */
  variants: (word: string) => string[] = (word) => [word],
) {
  return (q: string, t: TenantTables): SQL | undefined => {
    const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
    const texts = text(t);
    const contains = (pattern: string) =>
      Array.isArray(texts) ? texts.map((c) => matches(c, pattern)) : [sql`${texts.folded} like ${foldedWord(pattern)}`];
    return and(
      ...words.map((word) => {
        const number = /^#?\d{1,9}$/.test(word) ? Number(word.replace("#", "")) : null;
        const byNumber = number === null ? [] : ints(t).map((c) => sql`${c} = ${number}`);
        if (word.startsWith("#")) return byNumber.length ? or(...byNumber) : sql`false`;
        return or(...variants(word).flatMap((v) => contains(likePattern(v))), ...byNumber);
      }),
    );
  };
}

/** A period a filter takes; either end may be open. */
export const dateRangeSchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const filters = {
  choice: (label: string, list: ChoiceList, col: Col): FilterDef => ({
    label,
    widget: "choice",
    choices: list,
    schema: z.string().max(40),
    where: (v: string, t) => sql`${col(t)} = ${v}`,
  }),
  boolean: (label: string, col: Col): FilterDef => ({
    label,
    widget: "boolean",
    schema: z.boolean(),
    where: (v: boolean, t) => sql`${col(t)} = ${v}`,
  }),
  text: (
    label: string,
    expr: (t: TenantTables) => SQLWrapper,
    where: "prefix" | "contains" = "contains",
  ): FilterDef => ({
    label,
    widget: "text",
    schema: z.string().trim().min(1).max(100),
    where: (v: string, t) => matches(expr(t), likePattern(v, where)),
  }),
  localized: (label: string, col: Col): FilterDef => ({
    label,
    widget: "text",
    schema: z.string().trim().min(1).max(100),
    where: (v: string, t) => localizedMatches(col(t), likePattern(v)),
  }),
  dateRange: (label: string, col: Col): FilterDef => ({
    label,
    widget: "dateRange",
    schema: dateRangeSchema,
    where: (v: { from?: string; to?: string }, t) =>
      v.from && v.to
        ? sql`${col(t)} between ${v.from} and ${v.to}`
        : v.from
          ? sql`${col(t)} >= ${v.from}`
          : v.to
            ? sql`${col(t)} <= ${v.to}`
            : undefined,
  }),
};
