import { and, count, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DeletionPreview } from "@/lib/deletion";
import type { ListPage, ListState, Row } from "@/lib/resources";
import { created } from "@/server/audit";
import { appErrorOfDatabase } from "@/server/db/errors";
import { AppError, isAppError } from "@/server/errors";
import { onceForCentre } from "@/server/tenancy/tenant-db";
import { anyOf, assertCan, can, canListAll } from "./access";
import { recordChange } from "./changes";
import { fieldsOffInCentre, mayWriteField } from "./field-sets";
import { isAllowedChoice } from "./choices";
import type { ActionResult, FieldDef, ResourceCtx, ResourceDef } from "./define";
import { deleteRecord, planDeletion, protectedExpr, RESTORE_DAYS, tableNameOf } from "./deletion";
import { orderByOf, resolveState, selectionOf, whereOf } from "./query";
import { auditedSelection, editableNames, toRows } from "./rows";

/** Handlers of the generic resource procedures; plain functions that tests call directly. */

export const listFields = (def: ResourceDef) => [
  ...new Set([
    ...def.columns,
    ...(def.hiddenColumns ?? []),
    def.titleField,
    ...(def.rowTone ? [def.rowTone.field] : []),
  ]),
];
const detailFields = (def: ResourceDef) => [
  ...new Set([
    ...listFields(def),
    ...def.detail.flatMap((tab) => tab.groups.flatMap((g) => g.fields)),
    // The conditions of the workflow's buttons (TransitionDef.onlyWhen) come with the row.
    ...(def.workflow?.transitions.flatMap((tr) => (tr.onlyWhen ? [tr.onlyWhen] : [])) ?? []),
  ]),
];

/**
 * A list counts its matching rows up to this many and then stops: beyond it the total is a lower
 * bound ("10 000+"), since counting 100 000 rows costs far more than reading a page of them.
 */
export const COUNT_CAP = 10_000;

export interface ListOptions {
  /** Where the count stops (tests lower it); a deep page counts at least to its own last row. */
  countCap?: number;
  /**
   * The fields to read, when the caller shows fewer than the grid's columns (a dashboard widget
   * showing names): each column of a list can be a subquery, built and run for nothing otherwise.
   */
  fields?: readonly string[];
}

/** The select for a list, shared by the grid, the exports and the benchmark. */
export function listQuery(
  ctx: ResourceCtx,
  def: ResourceDef,
  state: ListState,
  fields = listFields(def),
  { countCap = COUNT_CAP }: ListOptions = {},
) {
  const resolved = resolveState(def, state, ctx);
  const t = ctx.handle.t;
  const where = whereOf(def, resolved, t, ctx);
  const order = orderByOf(def, resolved.sort, t, ctx.locale);
  const rows = ctx.handle.db
    .select(selectionOf(def, fields, t) as never)
    .from(def.table(t))
    .where(where)
    .orderBy(...order);
  const searchCapped = resolved.q !== "" && def.searchCountCap !== undefined;
  // Counting stops one row past the limit: that row says there are more.
  const countLimit = Math.max(
    searchCapped ? Math.min(countCap, def.searchCountCap!) : countCap,
    resolved.page * resolved.pageSize,
  );
  const counted = ctx.handle.db
    .select({ one: sql<number>`1`.as("one") })
    .from(def.table(t))
    .where(where)
    .$dynamic();
  // A searched list counts its first matches in the list's own order: PostgreSQL may then walk the
  // order's index and stop at the cap, rather than gather every match of a common word to count them.
  const matching = (searchCapped ? counted.orderBy(...order) : counted).limit(countLimit + 1).as("matching");
  const total = ctx.handle.db.select({ n: count() }).from(matching);
  return { resolved, rows, total, countLimit, fields };
}

export async function listRows(
  ctx: ResourceCtx,
  def: ResourceDef,
  state: ListState,
  opts: ListOptions = {},
): Promise<ListPage> {
  assertCan(def, "view", ctx.user);
  if (!state.master) {
    await assertMayList(ctx, def, state);
    return readPage(ctx, def, state, opts);
  }
  // A slave grid's page is read while its master row is looked up; it is answered only once the
  // master proved visible to the reader (otherwise its refusal), one round trip sooner.
  const page = readPage(ctx, def, state, opts);
  page.catch(() => undefined);
  await assertMayList(ctx, def, state);
  return page;
}

/**
 * One page of a list and the number of matching rows (capped), without the access check (callers
 * do it). The two queries run side by side on two pooled connections: tables are
 * schema-qualified, so neither depends on a connection's search_path, and both only read.
 */
export async function readPage(
  ctx: ResourceCtx,
  def: ResourceDef,
  state: ListState,
  opts: ListOptions = {},
): Promise<ListPage> {
  const only = opts.fields?.filter((name) => Object.hasOwn(def.fields, name));
  const { resolved, rows, total, countLimit, fields } = listQuery(ctx, def, state, only, opts);
  const pageQuery = rows.limit(resolved.pageSize).offset((resolved.page - 1) * resolved.pageSize);
  const counted = async () => Number((await total)[0]?.n ?? 0);
  let page: unknown[];
  let n: number;
  if (state.master && resolved.page === 1) {
    // A slave grid (one row's related records) seldom fills its first page: its rows are then its count.
    page = await pageQuery;
    n = page.length < resolved.pageSize ? page.length : await counted();
  } else {
    [page, n] = await Promise.all([pageQuery, counted()]);
  }
  return {
    rows: await toRows(def, fields, page as Record<string, unknown>[], ctx),
    total: Math.min(n, countLimit),
    totalIsCapped: n > countLimit,
  };
}

/** The first rows of a list, without counting them (what the quick search shows). */
async function firstRows(ctx: ResourceCtx, def: ResourceDef, state: ListState): Promise<Row[]> {
  assertCan(def, "view", ctx.user);
  await assertMayList(ctx, def, state);
  const { resolved, rows, fields } = listQuery(ctx, def, state);
  const page = await rows.limit(resolved.pageSize);
  return toRows(def, fields, page as Record<string, unknown>[], ctx);
}

/**
 * A list without a master row needs the right to list it all. A list on a master row (a slave grid)
 * needs a master the areas declare, of a resource the user may see, and that row must exist within
 * the user's scope: a made-up master opens nothing.
 */
export async function assertMayList(ctx: ResourceCtx, def: ResourceDef, state: Pick<ListState, "master">) {
  const master = state.master;
  if (!master) {
    if (!canListAll(def, ctx.user)) throw new AppError("FORBIDDEN");
    return;
  }
  const declaring = [...ctx.registry.resources.values()].filter((m) =>
    m.detail.some((tab) => (tab.slaves ?? []).some((s) => s.resource === def.id && s.masterField === master.field)),
  );
  if (declaring.length === 0) throw new AppError("INVALID_INPUT", { field: "master" });
  for (const m of declaring) if (can(m, "view", ctx.user) && (await inScope(ctx, m, master.value))) return;
  throw new AppError("NOT_FOUND");
}

/** A row id as its table holds it: a made-up id for an integer key ("1 OR 1=1") is refused before any SQL. */
function rowIdOf(def: ResourceDef, ctx: ResourceCtx, id: string | number): string | number {
  const pk = def.pk(ctx.handle.t);
  if (pk.dataType !== "number") return String(id);
  const n = typeof id === "number" ? id : /^-?\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 53) throw new AppError("INVALID_INPUT", { field: "id" });
  return n;
}

function byId(def: ResourceDef, ctx: ResourceCtx, id: string | number): SQL | undefined {
  const t = ctx.handle.t;
  return and(eq(def.pk(t), rowIdOf(def, ctx, id)), def.scope?.(t, ctx));
}

/** One row with every field its detail shows; NOT_FOUND when it is out of the user's scope. */
export async function getRow(ctx: ResourceCtx, def: ResourceDef, id: string | number): Promise<Row> {
  assertCan(def, "view", ctx.user);
  const off = await fieldsOffInCentre(ctx.handle, def);
  return readRow(ctx, def, id, (name) => !off.has(name));
}

/** The detail's fields of one row among `shown` (the fields the centre uses); NOT_FOUND out of scope. Callers check access. */
export async function readRow(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  shown: (name: string) => boolean,
): Promise<Row> {
  const fields = detailFields(def).filter(shown);
  const t = ctx.handle.t;
  const rowId = rowIdOf(def, ctx, id);
  // For who may delete such rows: whether a row pointing at this one refuses it (the detail then offers
  // no Delete), read in the same statement.
  const withDelete = can(def, "delete", ctx.user) && !!def.version;
  // A scope that does not depend on the reader lets the statement be built once per centre.
  const [raw] =
    def.scope && def.scope.length > 1
      ? await ctx.handle.db
          .select(rowSelection(ctx, def, fields, withDelete) as never)
          .from(def.table(t))
          .where(byId(def, ctx, rowId))
          .limit(1)
      : await rowQuery(ctx, def, fields, withDelete).execute({ id: rowId });
  if (!raw) throw new AppError("NOT_FOUND");
  const [row] = await toRows(def, fields, [raw as Record<string, unknown>], ctx);
  if (withDelete) row!.__deleteBlocked = (raw as Record<string, unknown>).__deleteBlocked === true;
  return row!;
}

/** The detail's selection, with `__deleteBlocked` for who may delete (see `protectedExpr`). */
function rowSelection(ctx: ResourceCtx, def: ResourceDef, fields: string[], withDelete: boolean) {
  const t = ctx.handle.t;
  const selection = selectionOf(def, fields, t);
  const blocked = withDelete ? protectedExpr(t, ctx.registry.relations, tableNameOf(def, t), def.pk(t)) : undefined;
  return blocked ? { ...selection, __deleteBlocked: blocked } : selection;
}

type RowQuery = { execute: (params: { id: string | number }) => Promise<unknown[]> };

/**
 * One row of a resource whose scope is the same for every reader, by id, as a statement built once
 * per centre and list of fields: building the client's detail statement (70 fields) cost more CPU
 * and memory on each opening than PostgreSQL took to run it.
 */
const rowQuery = (ctx: ResourceCtx, def: ResourceDef, fields: string[], withDelete: boolean): RowQuery =>
  onceForCentre(
    ctx.handle.t,
    `row\0${def.id}\0${fields.join(",")}\0${withDelete ? "d" : ""}`,
    () =>
      ctx.handle.db
        .select(rowSelection(ctx, def, fields, withDelete) as never)
        .from(def.table(ctx.handle.t))
        .where(and(eq(def.pk(ctx.handle.t), sql.placeholder("id")), def.scope?.(ctx.handle.t, ctx)))
        .limit(1)
        .prepare("") as unknown as RowQuery,
  );

/** Whether the row exists and is in the user's scope (one primary-key lookup, no fields read). */
export async function inScope(ctx: ResourceCtx, def: ResourceDef, id: string | number): Promise<boolean> {
  const t = ctx.handle.t;
  const [row] = await ctx.handle.db
    .select({ id: def.pk(t) })
    .from(def.table(t))
    .where(byId(def, ctx, id))
    .limit(1);
  return !!row;
}

/**
 * Records that a person opened a row of a resource holding personal data (once per page shown, not
 * per refetch), with the colleague they act for. Rows out of the user's scope are not recorded.
 */
export async function recordOpening(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  what: "detail" | "print",
): Promise<void> {
  if (!def.logsAccess || !can(def, "view", ctx.user) || !(await inScope(ctx, def, id))) return;
  await logOpening(ctx, id, what);
}

/** The access-log row of an opening, for a row the caller has just read in the user's scope. */
export async function logOpening(
  ctx: ResourceCtx,
  id: string | number,
  what: "detail" | "print" | "download",
): Promise<void> {
  await ctx.handle.db.insert(ctx.handle.t.accessLog).values({
    userId: ctx.user.realUser?.id ?? ctx.user.id,
    actingForId: ctx.user.realUser ? ctx.user.id : null,
    partnerId: Number(id),
    what,
  });
}

/** Whether a value holds a NUL byte anywhere (in a text, a language of a name, a list). */
const holdsNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\0")
    : value !== null && typeof value === "object" && Object.values(value).some(holdsNul);

/**
 * Refuses NUL bytes, which PostgreSQL cannot store in a text, before any SQL and naming the field,
 * so that the form shows which one is wrong.
 */
const withoutNul = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((values, ctx) => {
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      if (holdsNul(value)) ctx.addIssue({ code: "custom", path: [name], message: "NUL byte" });
    }
  });

const formSchemas = new WeakMap<ResourceDef, Map<"insert" | "update", z.ZodType>>();
/**
 * What a user may send to the insert or the edit form of a resource, built once: zod compiles a
 * schema when it first parses, which costs milliseconds for the 70 fields of a client.
 */
function formSchemaOf(def: ResourceDef, form: "insert" | "update"): z.ZodType {
  const schemas = formSchemas.get(def) ?? new Map<"insert" | "update", z.ZodType>();
  formSchemas.set(def, schemas);
  let schema = schemas.get(form);
  if (!schema) {
    schema = withoutNul(
      form === "insert"
        ? inputSchemaOf(def, def.insert?.fields ?? [])
        : inputSchemaOf(def, editableNames(def)).partial(),
    );
    schemas.set(form, schema);
  }
  return schema;
}

/** The zod shape of what a user may write: editable fields only, unknown keys refused. */
export function inputSchemaOf(def: ResourceDef, names: string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const name of names) {
    const field = def.fields[name];
    if (field?.input) shape[name] = field.required ? field.input : field.input.optional();
  }
  return z.object(shape).strict();
}

async function checkChoices(ctx: ResourceCtx, def: ResourceDef, values: Record<string, unknown>) {
  for (const [name, value] of Object.entries(values)) {
    const list = def.fields[name]?.choices;
    if (
      list &&
      value !== null &&
      value !== undefined &&
      !(await isAllowedChoice(ctx.handle, list, String(value), ctx.registry))
    ) {
      throw new AppError("INVALID_INPUT", { field: name });
    }
  }
}

/** Refuses values for fields this user may not write or that the centre does not use. */
async function assertWritable(ctx: ResourceCtx, def: ResourceDef, values: Record<string, unknown>) {
  const off = await fieldsOffInCentre(ctx.handle, def);
  for (const name of Object.keys(values)) {
    if (off.has(name)) throw new AppError("INVALID_INPUT", { field: name });
    if (!mayWriteField(def.fields[name]!, ctx.user)) throw new AppError("FORBIDDEN");
  }
}

/**
 * Columns to write, keyed by the table's property names. Fields kept as keys of a JSON column are
 * merged into it: on an edit the other keys stay as they are.
 */
function columnValues(
  def: ResourceDef,
  ctx: ResourceCtx,
  values: Record<string, unknown>,
  { workflow = false, insert = false } = {},
) {
  const t = ctx.handle.t;
  const out: Record<string, unknown> = {};
  const merged = new Map<string, { column: unknown; keys: Record<string, unknown> }>();
  for (const [name, value] of Object.entries(values)) {
    const field = def.fields[name];
    // A workflow field is read-only in forms; only its transitions write it.
    const column = field?.column?.(t) ?? (workflow ? field?.expr(t) : undefined);
    if (!column) throw new AppError("INVALID_INPUT", { field: name });
    const key = tableKeyOf(def, ctx, column, name);
    if (!field!.jsonKey) {
      out[key] = value;
      continue;
    }
    const entry = merged.get(key) ?? { column, keys: {} };
    entry.keys[field!.jsonKey] = value ?? null;
    merged.set(key, entry);
  }
  for (const [key, { column, keys }] of merged) {
    out[key] = insert ? keys : sql`coalesce(${column}, '{}'::jsonb) || ${JSON.stringify(keys)}::jsonb`;
  }
  return out;
}

/**
 * Creates a row from what a user sent. `attached` are columns the caller wrote itself beside the
 * form's values (a stored file's name, type and size: see `insert.upload`), keyed by the table's
 * property names; a resource whose rows come with a file is created only with them.
 */
export async function createRow(
  ctx: ResourceCtx,
  def: ResourceDef,
  raw: Record<string, unknown>,
  confirmed = false,
  attached?: Record<string, unknown>,
): Promise<{ id: string | number }> {
  assertCan(def, "create", ctx.user);
  if (!def.insert) throw new AppError("FORBIDDEN");
  const parsed = formSchemaOf(def, "insert").parse({ ...def.insert.defaults?.(ctx), ...raw }) as Record<
    string,
    unknown
  >;
  const values = def.normalize ? def.normalize(parsed) : parsed;
  await assertWritable(ctx, def, parsed);
  await checkChoices(ctx, def, values);
  def.insert.validate?.(ctx, values);
  // Checked after the values, so that a wrong value is named before the missing file.
  if (def.insert.upload && !attached) throw new AppError("INVALID_INPUT", { field: "file" });
  const question = confirmed ? null : await def.insert.confirm?.(ctx, values);
  if (question) throw new AppError("CONFIRMATION_REQUIRED", { ...question.params, messageKey: question.messageKey });
  if (def.hooks?.create) return namingFields(ctx, def, def.hooks.create(ctx, values));
  const { db, t } = ctx.handle;
  return namingFields(
    ctx,
    def,
    db.transaction(async (tx) => {
      await def.beforeSave?.(tx as never, ctx, undefined, values);
      const row = {
        ...def.insert!.columns,
        ...columnValues(def, ctx, values, { insert: true }),
        ...def.derive?.(values),
        ...attached,
      };
      const [inserted] = await tx
        .insert(def.table(t))
        .values(row as never)
        .returning({ id: def.pk(t) });
      const id = inserted!.id as string | number;
      await def.afterSave?.(tx as never, ctx, id);
      await recordChange(tx as never, ctx, def, "create", id, created(values));
      return { id };
    }),
  );
}

/**
 * A database refusal of one column (a reference to a row that does not exist) names the form's
 * field writing that column, not the column, so that the form marks it.
 */
async function namingFields<T>(ctx: ResourceCtx, def: ResourceDef, saving: Promise<T>): Promise<T> {
  try {
    return await saving;
  } catch (e) {
    const refusal = isAppError(e) ? null : appErrorOfDatabase(e);
    const column = refusal?.code === "INVALID_INPUT" ? refusal.params.field : undefined;
    const field = column
      ? Object.keys(def.fields).find((name) => def.fields[name]!.column?.(ctx.handle.t).name === column)
      : undefined;
    throw field ? new AppError("INVALID_INPUT", { field }) : e;
  }
}

/** Saves an edit made on `version`; refuses it with STALE_EDIT if someone saved in between. */
export async function updateRow(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  version: number,
  raw: Record<string, unknown>,
): Promise<{ version: number }> {
  assertCan(def, "edit", ctx.user);
  if (!def.version) throw new AppError("FORBIDDEN");
  const parsed = formSchemaOf(def, "update").parse(raw) as Record<string, unknown>;
  const patch = def.normalize ? def.normalize(parsed) : parsed;
  await assertWritable(ctx, def, parsed);
  await checkChoices(ctx, def, patch);
  const { db, t } = ctx.handle;
  if (def.hooks?.update) {
    await namingFields(ctx, def, def.hooks.update(ctx, id, version, patch));
  } else {
    await namingFields(
      ctx,
      def,
      db.transaction(async (tx) => {
        const before = await lockedRow(tx as never, ctx, def, id, version);
        const changes = Object.fromEntries(
          Object.entries(patch)
            .filter(([k, v]) => JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null))
            .map(([k, v]) => [k, { from: before[k] ?? null, to: v }]),
        );
        await refuseCertifiedChange(tx as never, ctx, def, id, Object.keys(changes));
        await def.beforeSave?.(tx as never, ctx, id, patch);
        const derived = def.derive?.({ ...before, ...patch });
        await tx
          .update(def.table(t))
          .set({ ...columnValues(def, ctx, patch), ...derived, ...versionBump(def, ctx) } as never)
          .where(eq(def.pk(t), id));
        await def.afterSave?.(tx as never, ctx, id);
        await recordChange(tx as never, ctx, def, "update", id, changes);
      }),
    );
  }
  return { version: Number((await getRow(ctx, def, id)).__version) };
}

function versionBump(def: ResourceDef, ctx: ResourceCtx) {
  const t = ctx.handle.t;
  return { [tableKeyOf(def, ctx, def.version!(t), "version")]: sql`${def.version!(t)} + 1` };
}

/** The property name under which the resource's table holds `column` (what drizzle's insert/set take). */
function tableKeyOf(def: ResourceDef, ctx: ResourceCtx, column: unknown, name: string): string {
  const table = def.table(ctx.handle.t) as unknown as Record<string, unknown>;
  const key = Object.keys(table).find((k) => table[k] === column);
  if (!key) throw new Error(`${def.id}.${name}: column is not on the resource's table`);
  return key;
}

type Tx = ResourceCtx["handle"]["db"];

/** Refuses an edit of a field that a printed certificate of the row vouches for (`def.certified`). */
async function refuseCertifiedChange(
  tx: Tx,
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  changed: string[],
) {
  const certified = def.certified;
  const field = certified && changed.find((name) => certified.fields.includes(name));
  if (!field) return;
  const t = ctx.handle.t;
  const [row] = await tx
    .select({ on: certified.when(t) })
    .from(def.table(t))
    .where(byId(def, ctx, id));
  if (row?.on === true) throw new AppError("INVALID_INPUT", { field, messageKey: certified.messageKey });
}

/**
 * The row as it is now, locked for this transaction; NOT_FOUND or STALE_EDIT otherwise, and refused
 * when it has become a record (`def.locked`) unless a workflow transition (declared per state) moves it.
 */
async function lockedRow(
  tx: Tx,
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  version: number,
  use: "write" | "transition" = "write",
) {
  const t = ctx.handle.t;
  // A field inside a JSON column is read as its own value, so that the audit shows what changed.
  const [row] = await tx
    .select({
      ...auditedSelection(def, t),
      __version: def.version!(t),
      ...(def.locked ? { __locked: def.locked.when(t) } : {}),
    } as never)
    .from(def.table(t))
    .where(byId(def, ctx, id))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND");
  const { __locked: locked, ...before } = row as Record<string, unknown>;
  if (Number(before.__version) !== version) throw new AppError("STALE_EDIT");
  if (locked === true && use === "write") throw new AppError("INVALID_INPUT", { messageKey: def.locked!.messageKey });
  return before;
}

/** The title of a row the user sees (what the detail's heading shows); NOT_FOUND out of their scope. */
async function titleOf(
  db: Tx,
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
): Promise<DeletionPreview["title"]> {
  const t = ctx.handle.t;
  const [raw] = await db
    .select(selectionOf(def, [def.titleField], t) as never)
    .from(def.table(t))
    .where(byId(def, ctx, id))
    .limit(1);
  if (!raw) throw new AppError("NOT_FOUND");
  const [row] = await toRows(def, [def.titleField], [raw as Record<string, unknown>], ctx);
  const title = row![def.titleField];
  const text = title && typeof title === "object" && "label" in title ? title.label : title;
  return typeof text === "object" && text ? text : String(text ?? "");
}

const mayDelete = (ctx: ResourceCtx, def: ResourceDef) => {
  assertCan(def, "delete", ctx.user);
  if (!def.version) throw new AppError("FORBIDDEN");
};

/** What deleting a row would take with it and what forbids it, for users who may delete it (the confirmation dialog). */
export async function deletionPreview(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
): Promise<DeletionPreview> {
  mayDelete(ctx, def);
  const rowId = rowIdOf(def, ctx, id);
  const { db, t } = ctx.handle;
  const title = await titleOf(db, ctx, def, rowId);
  const plan = await planDeletion(db, t, ctx.registry.relations, tableNameOf(def, t), rowId);
  return { title, kind: def.countLabel ?? null, goes: plan.goes, blockers: plan.blockers, restoreDays: RESTORE_DAYS };
}

/**
 * Deletes a row the user sees, seen at `version`, with what belongs to it (server/resources/deletion.ts);
 * a row other records still need is kept and they are named in the error.
 */
export async function deleteRow(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  version: number,
): Promise<void> {
  mayDelete(ctx, def);
  const rowId = rowIdOf(def, ctx, id);
  const afterCommit = await ctx.handle.db.transaction(async (tx) => {
    const before = await lockedRow(tx as never, ctx, def, rowId, version);
    const then = await def.beforeDelete?.(tx as never, ctx, rowId);
    const title = await titleOf(tx as never, ctx, def, rowId);
    const fields = Object.fromEntries(
      Object.entries(before)
        .filter(([k]) => k !== "__version")
        .map(([k, v]) => [k, { from: v, to: null }]),
    );
    await deleteRecord(tx as never, ctx, def, rowId, title, fields);
    return then;
  });
  await afterCommit?.();
}

/** Runs a declared workflow transition if the row is in one of its source states and the user may. */
export async function runTransition(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  version: number,
  name: string,
  raw: Record<string, unknown> = {},
): Promise<{ version: number }> {
  assertCan(def, "view", ctx.user);
  const transition = def.workflow?.transitions.find((tr) => tr.name === name);
  if (!transition) throw new AppError("INVALID_INPUT", { field: "transition" });
  if (!anyOf(ctx.user, transition.roles)) throw new AppError("FORBIDDEN");
  const field = def.workflow!.field;
  const current = await getRow(ctx, def, id);
  if (current.__version !== version) throw new AppError("STALE_EDIT");
  if (!transition.from.includes(String(current[field])))
    throw new AppError("TRANSITION_NOT_ALLOWED", { from: String(current[field]) });
  if (transition.onlyWhen && current[transition.onlyWhen] !== true)
    throw new AppError("TRANSITION_NOT_ALLOWED", { from: String(current[field]) });
  const value = def.fields[field]!.type === "boolean" ? transition.to === "true" : transition.to;
  const params = paramsSchema(transition.params).parse(raw);
  if (def.hooks?.update) {
    await def.hooks.update(ctx, id, version, { [field]: value });
    return { version: Number((await getRow(ctx, def, id)).__version) };
  }
  const { db, t } = ctx.handle;
  await db.transaction(async (tx) => {
    await lockedRow(tx as never, ctx, def, id, version, "transition");
    await tx
      .update(def.table(t))
      .set({ ...columnValues(def, ctx, { [field]: value }, { workflow: true }), ...versionBump(def, ctx) } as never)
      .where(eq(def.pk(t), id));
    const effects = (await transition.effect?.(tx as never, ctx, id, params)) ?? {};
    const asked = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { from: null, to: v }]));
    await recordChange(tx as never, ctx, def, `transition.${name}`, id, {
      [field]: { from: current[field], to: value },
      ...asked,
      ...effects,
    });
  });
  return { version: version + 1 };
}

/** The zod shape of an action's or transition's parameters; required unless declared optional. */
function paramsSchema(params: Record<string, FieldDef> | undefined) {
  const shape = Object.fromEntries(
    Object.entries(params ?? {}).map(([n, f]) => [n, f.required ? f.input! : f.input!.optional()]),
  );
  return withoutNul(z.object(shape).strict());
}

/** Runs a declared row action with its parameters, for users whose type allows it. */
export async function runAction(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  name: string,
  raw: Record<string, unknown>,
  version?: number,
): Promise<ActionResult | null> {
  assertCan(def, "view", ctx.user);
  const action = def.actions?.find((a) => a.name === name);
  if (!action) throw new AppError("INVALID_INPUT", { field: "action" });
  if (!anyOf(ctx.user, action.roles)) throw new AppError("FORBIDDEN");
  const params = paramsSchema(action.params).parse(raw);
  await getRow(ctx, def, id); // in scope, or NOT_FOUND
  return (await action.run(ctx, id, params, version)) ?? null;
}

const DEFAULT_SEARCH_RANK = 100;

export interface SearchHit {
  resource: string;
  id: string | number;
  title: string | Record<string, string | undefined>;
}

/**
 * Quick search across every resource that declares it and that the user may see, a few hits each,
 * in the order of their `searchRank` (clients before places); variants list their rows under their base.
 */
export async function quickSearch(
  ctx: ResourceCtx,
  q: string,
  perResource = 5,
): Promise<{ resource: string; hits: SearchHit[] }[]> {
  const searchable = [...ctx.registry.resources.values()]
    .filter((def) => def.search && !def.variantOf && can(def, "view", ctx.user) && canListAll(def, ctx.user))
    .sort((a, b) => (a.searchRank ?? DEFAULT_SEARCH_RANK) - (b.searchRank ?? DEFAULT_SEARCH_RANK));
  const groups = await Promise.all(
    searchable.map(async (def) => {
      const rows = await firstRows(ctx, def, { page: 1, pageSize: perResource, sort: [], filters: {}, q });
      return {
        resource: def.id,
        hits: rows.map((r) => ({
          resource: def.id,
          id: r.__id as string | number,
          title: r[def.titleField] as SearchHit["title"],
        })),
      };
    }),
  );
  return groups.filter((g) => g.hits.length > 0);
}
