import { and, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { resourceHref } from "@/lib/resources";
import { can } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { dateRangeSchema } from "@/server/resources/fields";

/**
 * One client timeline (beyond Lino): everything that happened in a client's file — notes, scanned
 * documents, mails, changes, merges, coachings… — in one list, newest first, so that a worker
 * covering for a colleague reads the file in one place. Each area declares the kinds of rows it
 * contributes (`Area.timeline`); this module never names an area: it builds the UNION ALL of the
 * sources the reader may read, ordered and paged in SQL.
 */

/** The colour of a kind's badge (the browser maps it to its classes). */
export type TimelineTone = "slate" | "sky" | "amber" | "emerald" | "violet" | "rose" | "teal" | "orange" | "indigo";

/** What a source shows of one of its rows, read only for the rows of the page shown. */
export interface TimelineShow {
  /** One line: a note's subject, a document's type and file name. */
  title: SQLWrapper;
  /** A short text under it (cut to SUMMARY_LENGTH characters). */
  summary: SQLWrapper;
  /** Who wrote or did it, as a name; null when nobody did (the system). */
  author: SQLWrapper;
  /** The row has only a day, no time of day (a coaching's start, a note without a time). */
  dateOnly?: SQLWrapper;
  /** Whatever `present` needs to finish title and summary in the reader's words (e.g. an audit row's changes). */
  raw?: SQLWrapper;
}

/** A row of a source as `present` receives it; what it changes in place is what the reader gets. */
export interface TimelineDraft {
  id: string;
  title: string;
  summary: string;
  raw: unknown;
}

/**
 * One kind of event a client's file holds, declared by the area that owns its table. Who may read
 * it is decided by `resource`, the by-client list it repeats: a reader who may not see that list
 * sees none of these rows, and the list's row scope applies; a row links to that resource's detail.
 */
export interface TimelineSource {
  /** Unique over the areas, starting with the area's id: `notes.notes`, `coachings.started`. */
  kind: string;
  /** The kind's name (a message key), shown on each row and in the kind filter. */
  label: string;
  tone: TimelineTone;
  /** The resource of the by-client list these rows come from (its access, its scope, its detail). */
  resource: string;
  table: (t: TenantTables) => PgTable;
  /** The row's key, also the id of the detail a row links to. */
  id: (t: TenantTables) => AnyPgColumn;
  /** The rows of one client; it should use the table's by-client index. */
  client: (t: TenantTables, clientId: number) => SQL;
  /** When it happened (a timestamptz): the order of the timeline. */
  at: (t: TenantTables) => SQLWrapper;
  /** Only these rows of the client (e.g. coachings that ended, for "coaching ended"). */
  where?: (t: TenantTables) => SQL;
  show: (t: TenantTables, ctx: ResourceCtx) => TimelineShow;
  /** Finishes the page's rows of this kind in the reader's words (one call per page, not per row). */
  present?: (rows: TimelineDraft[], ctx: ResourceCtx) => Promise<void> | void;
}

export const defineTimelineSource = (source: TimelineSource): TimelineSource => source;

const BRUSSELS = sql.raw(`'Europe/Brussels'`);

/** A day (and its time of day, when there is one) as a moment in Belgium: what a date-only row sorts by. */
export const brusselsMoment = (day: SQLWrapper, time?: SQLWrapper): SQL =>
  time
    ? sql`(${day} + coalesce(${time}, time '00:00'))::timestamp at time zone ${BRUSSELS}`
    : sql`(${day})::timestamp at time zone ${BRUSSELS}`;

/** Text of sanitised HTML on one line (a note's body), for a summary: tags out, the sanitiser's entities back to characters. */
export const htmlSummary = (html: SQLWrapper): SQL => {
  const words = sql`regexp_replace(regexp_replace(left(${html}, 4000), '<[^>]*>|&nbsp;', ' ', 'g'), '\\s+', ' ', 'g')`;
  const decoded = [
    ["&lt;", "<"],
    ["&gt;", ">"],
    ["&quot;", '"'],
    ["&#39;", "'"],
    ["&amp;", "&"],
  ].reduce<SQL>((text, [entity, char]) => sql`replace(${text}, ${entity}, ${char})`, words);
  return sql`btrim(${decoded})`;
};

/** Where the timeline stopped: the last row shown, in the timeline's order (at, kind, id descending). */
const cursorSchema = z.object({
  /** PostgreSQL's text of the moment, to the microsecond (a JavaScript date would lose them and skip rows). */
  at: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/),
  kind: z.string().max(64),
  id: z.string().regex(/^\d{1,18}$/),
});
export type TimelineCursor = z.infer<typeof cursorSchema>;

export const TIMELINE_PAGE = 50;
const SUMMARY_LENGTH = 240;

/** What the browser may ask of a client's timeline: kinds (none: all the reader may read), a period, the next page. */
export const timelineParams = z
  .object({
    kinds: z.array(z.string().max(64)).max(50).optional(),
    period: dateRangeSchema.optional(),
    after: cursorSchema.optional(),
    limit: z.number().int().min(1).max(200).default(TIMELINE_PAGE),
  })
  .strict()
  .default({ limit: TIMELINE_PAGE });
export type TimelineParams = z.input<typeof timelineParams>;

export interface TimelineEntry {
  kind: string;
  id: string;
  /** ISO moment; for a `dateOnly` row, midnight in Brussels of its day. */
  at: string;
  dateOnly: boolean;
  title: string;
  summary: string;
  author: string | null;
  /** The row's detail. */
  href: string;
}

export interface TimelineKind {
  kind: string;
  label: string;
  tone: TimelineTone;
}

export interface TimelinePanel {
  client: number;
  /** The kinds this reader may read, in the order the areas declare them (the filter's choices). */
  kinds: TimelineKind[];
  entries: TimelineEntry[];
  /** Where the next page starts; null at the end of the file. */
  next: TimelineCursor | null;
}

/** The sources this reader may read: those whose by-client list they may see. */
export function readableSources(ctx: ResourceCtx): TimelineSource[] {
  return ctx.registry.timeline.filter((s) => {
    const def = ctx.registry.resources.get(s.resource);
    return !!def && can(def, "view", ctx.user);
  });
}

/** The keys of one source's rows of the client that match the period and come after the cursor. */
function keysOf(ctx: ResourceCtx, source: TimelineSource, clientId: number, params: z.output<typeof timelineParams>) {
  const t = ctx.handle.t;
  const at = source.at(t);
  const scope = ctx.registry.resources.get(source.resource)!.scope?.(t, ctx);
  const { period, after } = params;
  const conditions = [
    source.client(t, clientId),
    source.where?.(t),
    scope,
    period?.from ? sql`${at} >= (${period.from}::date)::timestamp at time zone ${BRUSSELS}` : undefined,
    period?.to ? sql`${at} < (${period.to}::date + 1)::timestamp at time zone ${BRUSSELS}` : undefined,
    after
      ? sql`(${at}, ${source.kind}::text, ${source.id(t)}::bigint) < (${after.at}::timestamptz, ${after.kind}::text, ${after.id}::bigint)`
      : undefined,
  ];
  return ctx.handle.db
    .select({
      at: sql`${at}`.as("at"),
      kind: sql`${source.kind}::text`.as("kind"),
      id: sql`${source.id(t)}::bigint`.as("id"),
    })
    .from(source.table(t))
    .where(and(...conditions));
}

/** What one source shows of the given rows of the client. */
function showOf(ctx: ResourceCtx, source: TimelineSource, clientId: number, ids: string[]) {
  const t = ctx.handle.t;
  const show = source.show(t, ctx);
  return ctx.handle.db
    .select({
      kind: sql`${source.kind}::text`.as("kind"),
      id: sql`${source.id(t)}::bigint`.as("id"),
      title: sql`coalesce((${show.title})::text, '')`.as("title"),
      summary: sql`left(coalesce((${show.summary})::text, ''), ${SUMMARY_LENGTH})`.as("summary"),
      author: sql`(${show.author})::text`.as("author"),
      date_only: sql`coalesce((${show.dateOnly ?? sql`false`})::boolean, false)`.as("date_only"),
      raw: sql`(${show.raw ?? sql`null`})::jsonb`.as("raw"),
    })
    .from(source.table(t))
    .where(and(source.client(t, clientId), sql`${source.id(t)}::bigint = any(${`{${ids.join(",")}}`}::bigint[])`));
}

const unionAll = (parts: SQLWrapper[]) =>
  sql.join(
    parts.map((p) => sql`(${p})`),
    sql` union all `,
  );

const isoOf = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();

/**
 * One page of a client's timeline, newest first, for a reader, of the kinds asked (and readable).
 * Two statements: the keys of the page (each branch reads its table's by-client index, nothing
 * else), then what the page's rows show (titles, summaries, authors), read for those rows only.
 * The caller has checked that the client is in the reader's scope.
 */
export async function clientTimeline(ctx: ResourceCtx, clientId: number, raw: unknown): Promise<TimelinePanel> {
  const params = timelineParams.parse(raw);
  const readable = readableSources(ctx);
  const kinds = readable.map(({ kind, label, tone }) => ({ kind, label, tone }));
  const asked = params.kinds ? new Set(params.kinds) : null;
  const sources = asked ? readable.filter((s) => asked.has(s.kind)) : readable;
  if (sources.length === 0) return { client: clientId, kinds, entries: [], next: null };

  const { db } = ctx.handle;
  const { rows: keys } = await db.execute<{ at: unknown; key: string; kind: string; id: string }>(
    sql`select at, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as key, kind, id from (${unionAll(sources.map((s) => keysOf(ctx, s, clientId, params)))}) timeline
        order by at desc, kind desc, id desc limit ${params.limit + 1}`,
  );
  const page = keys.slice(0, params.limit);
  const byKind = new Map<TimelineSource, string[]>();
  for (const key of page) {
    const source = sources.find((s) => s.kind === key.kind)!;
    byKind.set(source, [...(byKind.get(source) ?? []), String(key.id)]);
  }
  const shown = new Map<string, Record<string, unknown>>();
  if (byKind.size) {
    const { rows } = await db.execute<Record<string, unknown>>(
      unionAll([...byKind].map(([source, ids]) => showOf(ctx, source, clientId, ids))),
    );
    for (const row of rows) shown.set(`${row.kind}\0${row.id}`, row);
  }
  const entries = page.map((key): TimelineEntry & { raw: unknown } => {
    const row = shown.get(`${key.kind}\0${key.id}`) ?? {};
    const source = sources.find((s) => s.kind === key.kind)!;
    return {
      kind: key.kind,
      id: String(key.id),
      at: isoOf(key.at),
      dateOnly: row.date_only === true,
      title: String(row.title ?? ""),
      summary: String(row.summary ?? ""),
      author: row.author === null || row.author === undefined ? null : String(row.author),
      href: resourceHref(source.resource, String(key.id)),
      raw: row.raw ?? null,
    };
  });
  for (const source of byKind.keys()) {
    if (!source.present) continue;
    await source.present(
      entries.filter((e) => e.kind === source.kind),
      ctx,
    );
  }
  const last = page.at(-1);
  return {
    client: clientId,
    kinds,
    entries: entries.map(({ raw: _raw, ...entry }) => entry),
    next: keys.length > params.limit && last ? { at: last.key, kind: last.kind, id: String(last.id) } : null,
  };
}
