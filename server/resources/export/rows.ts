import { drizzle } from "drizzle-orm/node-postgres";
import type { FieldMeta, ListState, ResourceMeta, Row } from "@/lib/resources";
import { filterSummary, titleWithFilters } from "@/lib/filter-summary";
import { choiceLabel, formatDate } from "@/lib/format";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { AppError } from "@/server/errors";
import { translatorFor, type Translator } from "@/server/i18n/translator";
import { assertCan } from "../access";
import type { ResourceCtx, ResourceDef } from "../define";
import { describeResource } from "../meta";
import { selectionOf, type ResolvedState } from "../query";
import { refOptions } from "../ref-options";
import { toRows } from "../rows";
import { assertMayList, listFields, listQuery } from "../service";

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
export async function planExport(
  ctx: ResourceCtx,
  def: ResourceDef,
  state: ListState,
  columnNames: string[],
): Promise<ExportPlan> {
  assertCan(def, "view", ctx.user);
  await assertMayList(ctx, def, state);
  const meta = await describeResource(ctx.handle, def, ctx.user, ctx);
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
    ctx,
    def,
    meta,
    t,
    resolved,
    query,
    fields: names,
    keys: Object.keys(selectionOf(def, names, ctx.handle.t)),
    columns: names.map((name) => ({
      name,
      label: t(meta.fields[name]!.columnLabel ?? meta.fields[name]!.label),
      field: meta.fields[name]!,
    })),
  };
}

/** The part of `pg` used here; the pool is drizzle's own (`$client`), so no second pool is opened. */
interface CursorClient {
  query(q: { text: string; values?: unknown[]; rowMode?: "array" }): Promise<{ rows: unknown[][] }>;
  release(destroy?: boolean): void;
}
const poolOf = (db: ResourceCtx["handle"]["db"]) =>
  (db as unknown as { $client: { connect(): Promise<CursorClient> } }).$client;

/**
 * The plan's rows in batches, read with `DECLARE … CURSOR` / `FETCH` in one read-only transaction
 * (one consistent snapshot, works on PostgreSQL and on the embedded PGlite). Stopping early (a
 * cancelled download) closes the cursor. With `max`, more rows than that is EXPORT_TOO_LARGE.
 * Unless `audit` is false, the export is audited once the connection is back in the pool (a
 * one-connection pool, as on the embedded database, could not audit while the cursor holds it).
 */
export async function* exportBatches(
  plan: ExportPlan,
  format: ExportFormat,
  opts: { max?: number; audit?: boolean } = {},
): AsyncGenerator<Row[]> {
  const client = await poolOf(plan.ctx.handle.db).connect();
  let count = 0;
  let complete = false;
  let broken = false;
  try {
    const batchCtx = { ...plan.ctx, handle: { ...plan.ctx.handle, db: drizzle(client as never) } };
    await client.query({ text: "begin transaction isolation level repeatable read read only" });
    await client.query({
      text: `declare export_rows no scroll cursor for ${plan.query.sql}`,
      values: plan.query.params,
    });
    for (;;) {
      const { rows } = await client.query({ text: `fetch ${BATCH_ROWS} from export_rows`, rowMode: "array" });
      count += rows.length;
      if (opts.max !== undefined && count > opts.max) throw new AppError("EXPORT_TOO_LARGE", { max: opts.max });
      if (rows.length)
        yield await toRows(
          plan.def,
          plan.fields,
          rows.map((values) => Object.fromEntries(plan.keys.map((k, i) => [k, values[i]]))),
          // A one-connection pool (the embedded database) is held by the cursor: what a batch reads to
          // present its rows (presentPage) is read on the cursor's connection, in its snapshot.
          batchCtx,
        );
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
  const filters = {
    ...Object.fromEntries(resolved.filters.map((f) => [f.name, f.value])),
    ...(resolved.q ? { q: resolved.q } : {}),
    ...(resolved.master ? { master: resolved.master } : {}),
  };
  const changes: Changes = {
    format: { from: null, to: format },
    rows: { from: null, to: rows },
    filters: { from: null, to: filters },
    sort: { from: null, to: resolved.sort },
    columns: { from: null, to: plan.fields },
  };
  if (!complete) changes.complete = { from: null, to: false };
  // Id "*": the export concerns the list, not one row.
  await writeAudit(ctx.handle.db, ctx.handle.t, actorOf(ctx.user), rowChange(def.id, "export", "*", changes));
}

/** The grid's filters, search and sort in words, for the header of a printed list. */
export function describeState(plan: ExportPlan): { filters: string[]; sort: string } {
  const { meta, resolved, t, ctx } = plan;
  const yesNo = (v: unknown) => t(v ? "format.yes" : "format.no");
  const filters = resolved.filters.map(({ name, value }) => {
    const filter = meta.filters.find((f) => f.name === name);
    let text: string;
    // A user filter carries the centre's staff as its choices: the export names the user, not the id.
    if ((filter?.widget === "choice" || filter?.widget === "user") && filter.choices)
      text = choiceLabel(filter.choices, String(value), ctx.locale, t);
    else if (filter?.widget === "boolean") text = yesNo(value);
    else if (filter?.widget === "date") text = formatDate(String(value), ctx.locale);
    else if (filter?.widget === "dateRange") {
      const range = value as { from?: string; to?: string };
      text = `${formatDate(range.from, ctx.locale)} – ${formatDate(range.to, ctx.locale)}`.trim();
    } else text = typeof value === "object" ? JSON.stringify(value) : String(value);
    return t("export.labelled", { label: filter ? t(filter.label) : name, value: text });
  });
  if (resolved.q) filters.push(t("export.labelled", { label: t("export.search"), value: resolved.q }));
  const sort = resolved.sort
    .map(
      (key) =>
        `${t(meta.fields[key.field]!.label)} (${t(key.dir === "asc" ? "export.ascending" : "export.descending")})`,
    )
    .join(", ");
  return { filters, sort };
}

/**
 * "Clients (Accompagnés)": the list's title in the reader's language with the filters in force,
 * as the grid's heading reads it (lib/filter-summary.ts); a ref filter is named by its row's title.
 */
export async function listTitle(plan: ExportPlan): Promise<string> {
  const { ctx, def, meta, resolved, t } = plan;
  const values = Object.fromEntries(resolved.filters.map((f) => [f.name, f.value]));
  const refTitles = new Map<string, string>();
  for (const f of meta.filters) {
    const value = values[f.name];
    if (f.widget !== "ref" || (typeof value !== "number" && typeof value !== "string")) continue;
    // Named only where the user could pick it (not from a master row's list): a title never refuses an export.
    const { options } = await refOptions(ctx, def, { filter: f.name }, { ids: [value] }).catch(() => ({ options: [] }));
    if (options[0]) refTitles.set(f.name, options[0].label);
  }
  return titleWithFilters(
    t(meta.title),
    filterSummary(meta.filters, values, {}, { locale: ctx.locale, t, refTitle: (f) => refTitles.get(f.name) }),
  );
}

/**
 * "Clients (Accompagnés) 2026-12-06.pdf": the list's title and today's date in Belgium, without
 * the characters some file system refuses (\ / : * ? " < > |, controls, a trailing dot or space).
 */
export function exportFileName(title: string, format: ExportFormat, now = new Date()) {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Brussels",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  const safe = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, "");
  return `${safe || "export"} ${day}.${format}`;
}

/**
 * The Content-Disposition of a download named `name` (RFC 6266): the UTF-8 name in `filename*`
 * (RFC 8187), which every current browser reads, and an ASCII look-alike in `filename` for others.
 */
export function attachmentHeader(name: string, disposition: "attachment" | "inline" = "attachment") {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
