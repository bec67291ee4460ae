import { createTranslator } from "next-intl";
import type { FieldMeta, ListState, ResourceMeta, Row } from "@/lib/resources";
import { belgianToday, choiceLabel, formatDate, type Translate } from "@/lib/format";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { actorOf } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { Locale } from "@/server/i18n/locale";
import { assertCan } from "../access";
import type { ResourceCtx, ResourceDef } from "../define";
import { describeResource } from "../meta";
import { selectionOf, type ResolvedState } from "../query";
import { toRow } from "../rows";
import { assertMayListAll, listFields, listQuery } from "../service";

/**
 * What every export format shares: the checked request (resource, state, columns) turned into the
 * grid's own SQL, and the rows read back through a server-side cursor, a batch at a time, so that
 * memory stays constant whatever the number of rows.
 */

export const EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A PDF is laid out in memory as a whole; beyond this it is refused (CSV and XLSX stream). */
export const PDF_MAX_ROWS = 5000;
const BATCH_ROWS = 1000;
const MAX_COLUMNS = 60;

const MESSAGES = { fr, nl, de, en };
export type Translator = Translate & ((key: string, values?: Record<string, string | number | Date>) => string);

/** Translates full message keys ("errors.FORBIDDEN") outside React, as next-intl does in pages. */
export function translatorFor(locale: Locale): Translator {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as never });
  return (key: string, values?: Record<string, string | number | Date>) => (t as unknown as (k: string, v?: object) => string)(key, values);
}

export interface ExportColumn {
  name: string;
  /** The translated header. */
  label: string;
  field: FieldMeta;
}

export interface ExportPlan {
  ctx: ResourceCtx;
  def: ResourceDef;
  meta: ResourceMeta;
  t: Translator;
  columns: ExportColumn[];
  resolved: ResolvedState;
  /** The grid's SQL without paging; what the cursor runs. */
  query: { sql: string; params: unknown[] };
  /** The selected fields (columns plus key and version), in the order the SQL returns them. */
  fields: string[];
  keys: string[];
}

/** Checks an export request like the list procedure checks a grid request; INVALID_INPUT names what is wrong. */
export async function planExport(ctx: ResourceCtx, def: ResourceDef, state: ListState, columnNames: string[]): Promise<ExportPlan> {
  assertCan(def, "view", ctx.user);
  assertMayListAll(def, ctx, state);
  const meta = await describeResource(ctx.handle, def, ctx.user);
  const allowed = new Set(listFields(def));
  const names = columnNames.length ? columnNames : def.columns;
  if (names.length > MAX_COLUMNS) throw new AppError("INVALID_INPUT", { field: "columns" });
  for (const name of names) {
    if (!allowed.has(name) || !Object.hasOwn(meta.fields, name) || names.indexOf(name) !== names.lastIndexOf(name)) {
      throw new AppError("INVALID_INPUT", { field: "columns", column: name });
    }
  }
  const t = translatorFor(ctx.locale);
  const { resolved, rows } = listQuery(ctx, def, { ...state, page: 1 }, names);
  const query = rows.toSQL();
  return {
    ctx, def, meta, t, resolved, query, fields: names,
    keys: Object.keys(selectionOf(def, names, ctx.handle.t)),
    columns: names.map((name) => ({ name, label: t(meta.fields[name]!.label), field: meta.fields[name]! })),
  };
}

/** The part of `pg` used here; the pool is drizzle's own (`$client`), so no second pool is opened. */
interface CursorClient {
  query(q: { text: string; values?: unknown[]; rowMode?: "array" }): Promise<{ rows: unknown[][] }>;
  release(destroy?: boolean): void;
}
const poolOf = (db: ResourceCtx["handle"]["db"]) => (db as unknown as { $client: { connect(): Promise<CursorClient> } }).$client;

/**
 * The plan's rows in batches, read with `DECLARE … CURSOR` / `FETCH` in one read-only transaction
 * (one consistent snapshot, works on PostgreSQL and on the embedded PGlite). Stopping early (a
 * cancelled download) closes the cursor. With `max`, more rows than that is EXPORT_TOO_LARGE.
 * Unless `audit` is false, the export is audited once the connection is back in the pool (a
 * one-connection pool, as on the embedded database, could not audit while the cursor holds it).
 */
export async function* exportBatches(plan: ExportPlan, format: ExportFormat, opts: { max?: number; audit?: boolean } = {}): AsyncGenerator<Row[]> {
  const client = await poolOf(plan.ctx.handle.db).connect();
  let count = 0;
  let complete = false;
  let broken = false;
  try {
    await client.query({ text: "begin transaction isolation level repeatable read read only" });
    await client.query({ text: `declare export_rows no scroll cursor for ${plan.query.sql}`, values: plan.query.params });
    for (;;) {
      const { rows } = await client.query({ text: `fetch ${BATCH_ROWS} from export_rows`, rowMode: "array" });
      count += rows.length;
      if (opts.max !== undefined && count > opts.max) throw new AppError("EXPORT_TOO_LARGE", { max: opts.max });
      if (rows.length) yield rows.map((values) => toRow(plan.def, plan.fields, Object.fromEntries(plan.keys.map((k, i) => [k, values[i]])), plan.ctx));
      if (rows.length < BATCH_ROWS) break;
    }
    complete = true;
  } finally {
    await client.query({ text: "rollback" }).catch(() => (broken = true)); // read-only: nothing to keep
    client.release(broken);
    if (opts.audit !== false) await auditExport(plan, format, count, complete);
  }
}

/** Exports of personal data must be traceable: who exported which rows of what, in what format. */
export async function auditExport(plan: ExportPlan, format: ExportFormat, rows: number, complete = true) {
  const { ctx, def, resolved } = plan;
  const filters = { ...Object.fromEntries(resolved.filters.map((f) => [f.name, f.value])), ...(resolved.q ? { q: resolved.q } : {}), ...(resolved.master ? { master: resolved.master } : {}) };
  const changes: Record<string, { from: unknown; to: unknown }> = {
    format: { from: null, to: format },
    rows: { from: null, to: rows },
    filters: { from: null, to: filters },
    sort: { from: null, to: resolved.sort },
    columns: { from: null, to: plan.fields },
  };
  if (!complete) changes.complete = { from: null, to: false };
  // entityId "*": the export concerns the list, not one row.
  await ctx.handle.db.insert(ctx.handle.t.auditLog).values({ ...actorOf(ctx.user), action: `${def.id}.export`, entity: def.id, entityId: "*", changes });
}

/** The grid's filters, search and sort in words, for the header of a printed list. */
export function describeState(plan: ExportPlan): { filters: string[]; sort: string } {
  const { meta, resolved, t, ctx } = plan;
  const yesNo = (v: unknown) => t(v ? "format.yes" : "format.no");
  const filters = resolved.filters.map(({ name, value }) => {
    const filter = meta.filters.find((f) => f.name === name);
    let text: string;
    // A user filter carries the centre's staff as its choices: the export names the user, not the id.
    if ((filter?.widget === "choice" || filter?.widget === "user") && filter.choices) text = choiceLabel(filter.choices, String(value), ctx.locale, t);
    else if (filter?.widget === "boolean") text = yesNo(value);
    else if (filter?.widget === "date") text = formatDate(String(value), ctx.locale);
    else if (filter?.widget === "dateRange") {
      const range = value as { from?: string; to?: string };
      text = `${formatDate(range.from, ctx.locale)} – ${formatDate(range.to, ctx.locale)}`.trim();
    } else text = typeof value === "object" ? JSON.stringify(value) : String(value);
    return `${filter ? t(filter.label) : name}: ${text}`;
  });
  if (resolved.q) filters.push(`${t("export.search")}: ${resolved.q}`);
  const sort = resolved.sort
    .map((key) => `${t(meta.fields[key.field]!.label)} (${t(key.dir === "asc" ? "export.ascending" : "export.descending")})`)
    .join(", ");
  return { filters, sort };
}

/** `geo.places-2025-03-05.csv`: the resource and today's date in Belgium. */
export function exportFileName(def: ResourceDef, format: ExportFormat, now = new Date()) {
  return `${def.id}-${belgianToday(now)}.${format}`;
}
