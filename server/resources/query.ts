import { and, asc, Column, desc, eq, is, SQL, sql, type DriverValueDecoder, type SQLWrapper } from "drizzle-orm";
import { getTableConfig, PgDialect, type AnyPgColumn } from "drizzle-orm/pg-core";
import { inReadersOrder } from "@/db/text";
import type { TenantTables } from "@/db/tenant/tables";
import type { ListState, SortKey } from "@/lib/resources";
import { AppError } from "@/server/errors";
import { LOCALES, type Locale } from "@/server/i18n/locale";
import { onceForCentre } from "@/server/tenancy/tenant-db";
import { defaultFiltersOf, type FieldDef, type ResourceCtx, type ResourceDef } from "./define";

/**
 * Declaration → SQL. Only declared fields and filters can be named by a request; their values
 * travel as bound parameters. Anything else is refused with INVALID_INPUT before any SQL is built.
 */

/** A declared entry, never an inherited property such as `constructor`. */
const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

export interface ResolvedState {
  page: number;
  pageSize: number;
  sort: SortKey[];
  filters: { name: string; value: unknown }[];
  q: string;
  master?: { field: string; value: string | number };
}

/** `ctx` is the reader, for default filters that depend on them (e.g. "coached by me"). */
export function resolveState(def: ResourceDef, state: ListState, ctx?: Pick<ResourceCtx, "user">): ResolvedState {
  for (const key of state.sort) {
    const field = own(def.fields, key.field);
    if (!field || field.sortable === false) throw new AppError("INVALID_INPUT", { field: key.field });
  }
  const filters: ResolvedState["filters"] = [];
  for (const [name, raw] of Object.entries({ ...defaultFiltersOf(def, ctx), ...state.filters })) {
    const filter = own(def.filters, name);
    if (!filter) throw new AppError("INVALID_INPUT", { field: name });
    if (raw === undefined || raw === null || raw === "") continue;
    const parsed = filter.schema.safeParse(raw);
    if (!parsed.success) throw new AppError("INVALID_INPUT", { field: name });
    filters.push({ name, value: parsed.data });
  }
  if (state.master && !own(def.fields, state.master.field))
    throw new AppError("INVALID_INPUT", { field: state.master.field });
  if (state.q && !def.search) throw new AppError("INVALID_INPUT", { field: "q" });
  const sort = state.sort.length ? state.sort : def.defaultSort;
  return { page: state.page, pageSize: state.pageSize, sort, filters, q: state.q, master: state.master };
}

/** A `{fr, nl, de, en}` value in the reader's language, falling back like `localized()`. */
export function localizedText(json: SQLWrapper, locale: Locale): SQL<string> {
  const order = [locale, ...LOCALES.filter((l) => l !== locale)];
  return sql<string>`coalesce(${sql.join(
    order.map((l) => sql`nullif(${json}->>${sql.raw(`'${l}'`)}, '')`),
    sql`, `,
  )}, '')`;
}

/**
 * What sorting on a field orders by: the text the user sees, not an id or a JSON object, in the
 * order readers expect (accents and case break ties only, see db/text.ts).
 */
export function sortExpression(field: FieldDef, t: TenantTables, locale: Locale): SQLWrapper {
  if (field.orderBy) return field.orderBy(t);
  if (field.type === "localized") return inReadersOrder(localizedText(field.expr(t), locale));
  if (field.ref)
    return inReadersOrder(
      field.ref.localized ? localizedText(field.ref.display(t), locale) : sql`(${field.ref.display(t)})::text`,
    );
  if (field.type === "text" || field.type === "longtext") return inReadersOrder(sql`(${field.expr(t)})`);
  return field.expr(t);
}

export function orderByOf(def: ResourceDef, sort: SortKey[], t: TenantTables, locale: Locale): SQL[] {
  const keys = sort.map((key) => {
    const expr = sortExpression(def.fields[key.field]!, t, locale);
    return key.dir === "desc" ? sql`${desc(expr as never)} nulls last` : sql`${asc(expr as never)} nulls first`;
  });
  // A stable tie-breaker, so that paging never shows a row twice or skips one.
  return [...keys, asc(def.pk(t))];
}

export function whereOf(def: ResourceDef, state: ResolvedState, t: TenantTables, ctx: ResourceCtx): SQL | undefined {
  const parts: (SQL | undefined)[] = [def.scope?.(t, ctx)];
  const all = Object.fromEntries(state.filters.map((f) => [f.name, f.value]));
  for (const { name, value } of state.filters) parts.push(def.filters![name]!.where(value as never, t, ctx, all));
  if (state.q) parts.push(def.search!(state.q, t, ctx));
  if (state.master) {
    const field = def.fields[state.master.field]!;
    parts.push(field.masterWhere?.(t, state.master.value) ?? eq(field.expr(t) as never, state.master.value));
  }
  return and(...parts);
}

/** The columns a list or a detail selects: the key, the version and the named fields. */
export function selectionOf(def: ResourceDef, fieldNames: string[], t: TenantTables): Record<string, SQLWrapper> {
  const selection: Record<string, SQLWrapper> = { __id: rendered(t, def, "__id", () => def.pk(t)) };
  if (def.version) selection.__version = rendered(t, def, "__version", () => def.version!(t));
  if (def.locked) selection.__locked = rendered(t, def, "__locked", () => def.locked!.when(t));
  if (def.certified) selection.__certified = rendered(t, def, "__certified", () => def.certified!.when(t));
  for (const name of fieldNames) {
    const field = def.fields[name]!;
    selection[name] = rendered(t, def, name, () => field.expr(t));
    if (field.ref) selection[`${name}__label`] = rendered(t, def, `${name}__label`, () => field.ref!.display(t));
  }
  return selection;
}

const dialect = new PgDialect();
/** How drizzle maps a fragment's value (`mapWith`); drizzle keeps it internal. */
const decoderOf = (fragment: SQL) => (fragment as unknown as { decoder: DriverValueDecoder<unknown, unknown> }).decoder;
/**
 * A selected expression as one piece of SQL text, rendered once per centre's tables. Drizzle walks
 * every fragment of a query each time it is built, which made a client's detail (70 fields, many
 * of them subqueries) cost about 1.6 ms of CPU before any SQL ran. An expression holding a bound
 * parameter is kept as it is; the text keeps the original's decoder, so rows map the same.
 */
function rendered(t: TenantTables, def: ResourceDef, name: string, expr: () => SQLWrapper): SQLWrapper {
  return onceForCentre(t, `selected\0${def.id}\0${name}`, () => {
    const original = expr();
    // As drizzle writes a single-table select: the table's own columns at the top level unqualified
    // (shorter text for PostgreSQL to parse), columns nested deeper (subqueries) as written.
    const bare = (chunk: unknown) => (is(chunk, Column) ? sql.identifier(chunk.name) : chunk);
    const top = is(original, SQL) ? new SQL(original.queryChunks.map(bare) as SQL["queryChunks"]) : bare(original);
    const { sql: text, params } = dialect.sqlToQuery(sql`${top}`.getSQL());
    const decoder = is(original, Column) ? original : is(original, SQL) ? decoderOf(original) : undefined;
    return params.length > 0 || !decoder ? original : sql.raw(text).mapWith(decoder);
  });
}

/**
 * A column written with its schema and table. Drizzle leaves columns unqualified in single-table
 * queries, so a correlated subquery must name the outer row's columns this way, or a same-named
 * column of the subquery's table would silently be used instead.
 */
export function qualified(column: AnyPgColumn): SQL {
  let text = qualifiedText.get(column);
  if (text === undefined) {
    // getTableConfig rebuilds the table's indexes and constraints on every call: written once per column.
    const { schema, name } = getTableConfig(column.table);
    text = [schema ?? "public", name, column.name].map((part) => `"${part.replace(/"/g, '""')}"`).join(".");
    qualifiedText.set(column, text);
  }
  // A new fragment each time: callers may give it a decoder (mapWith changes the fragment itself).
  return sql.raw(text);
}
const qualifiedText = new WeakMap<AnyPgColumn, string>();

/** Escapes a user's text for LIKE, so `%` and `_` match themselves. */
export const likePattern = (q: string, where: "prefix" | "contains" = "contains") => {
  const escaped = q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return where === "prefix" ? `${escaped}%` : `%${escaped}%`;
};
