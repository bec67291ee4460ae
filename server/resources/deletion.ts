import { and, count, eq, getTableName, inArray, is, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { getTableConfig, PgTable, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import type { ClearedColumn, SnapshotRow } from "@/db/tenant/audit";
import type { TenantTables } from "@/db/tenant/tables";
import { kindsText, type Kind } from "@/lib/deletion";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { pgErrorIn } from "@/server/db/errors";
import { AppError } from "@/server/errors";
import { LOCALES, localized, type Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { ResourceCtx, ResourceDef } from "./define";
import type { Relation } from "./relations";
import { auditedSelection } from "./rows";

/**
 * Deleting a row the way its areas declared (server/resources/relations.ts, domain-people §0): the
 * rows that refer to it are found per declared relation; `volatile` ones go with it (and their own
 * dependants are followed in turn), `protect` ones refuse the deletion, naming how many of which
 * kind, `clear` ones lose the reference. The same plan serves the dialog's preview, the deletion
 * and the tests. What goes is kept (every column) in `deleted_rows` for RESTORE_DAYS, so that an
 * administrator can bring it back with the same ids. The database's foreign keys never cascade
 * (tests/integration/relations.test.ts): a row the plan missed makes the deletion fail, never vanish.
 *
 * Table and column names come from the declarations and from snapshots this module wrote, and are
 * resolved to the centre's drizzle tables before any SQL is built; values are bound parameters.
 */

export const RESTORE_DAYS = 30;

type Db = TenantHandle["db"];
type Id = string | number;

/** A centre table, found by its SQL name. */
export interface TableInfo {
  name: string;
  table: PgTable;
  /** Its primary key when that is one column (every table a deletion takes rows from has one). */
  pk: AnyPgColumn | undefined;
  columns: ReadonlyMap<string, AnyPgColumn>;
}

const tablesOf = new WeakMap<TenantTables, ReadonlyMap<string, TableInfo>>();

/** The table of this centre called `name` in SQL; a name no table has is a programming error. */
export function tableNamed(t: TenantTables, name: string): TableInfo {
  let tables = tablesOf.get(t);
  if (!tables) {
    const found = new Map<string, TableInfo>();
    for (const table of Object.values(t)) {
      if (!is(table, PgTable)) continue; // an enum type
      const config = getTableConfig(table);
      const keys = config.primaryKeys.length ? [] : config.columns.filter((c) => c.primary);
      found.set(config.name, {
        name: config.name,
        table,
        pk: keys.length === 1 ? keys[0] : undefined,
        columns: new Map(config.columns.map((c) => [c.name, c])),
      });
    }
    tablesOf.set(t, (tables = found));
  }
  const info = tables.get(name);
  if (!info) throw new Error(`no table of a centre is called ${name}`);
  return info;
}

const keyOf = (info: TableInfo): AnyPgColumn => {
  if (!info.pk) throw new Error(`${info.name}: a row a deletion takes or changes needs a one-column primary key`);
  return info.pk;
};

/** A declared relation resolved to its table and columns. */
interface Reference {
  relation: Relation;
  from: TableInfo;
  column: AnyPgColumn;
}

function referenceOf(t: TenantTables, relation: Relation): Reference {
  const [table = "", column = ""] = relation.from.split(".");
  const from = tableNamed(t, table);
  const col = from.columns.get(column);
  if (!col) throw new Error(`relation ${relation.from}: no such column`);
  if (relation.ownerType && !from.columns.has("owner_type"))
    throw new Error(`relation ${relation.from}: an owner reference needs an owner_type column`);
  return { relation, from, column: col };
}

/** The rows of the reference pointing to one of `ids`. */
function pointingTo(ref: Reference, ids: Id[]): SQL | undefined {
  const { ownerType } = ref.relation;
  return and(inArray(ref.column, ids), ownerType ? eq(ref.from.columns.get("owner_type")!, ownerType) : undefined);
}

/**
 * "A row that stays points straight at this one and forbids deleting it" (a "protect" relation, e.g. a
 * client's coaching), as index probes correlated to the row being read (`pk`): the detail reads it with
 * the row, to offer Delete or not without a plan. The full plan (what goes with the row, what points to
 * that) stays the dialog's and the deletion's, which still refuse what this does not see.
 */
export function protectedExpr(
  t: TenantTables,
  relations: readonly Relation[],
  table: string,
  pk: AnyPgColumn,
): SQL | undefined {
  const probes = relations
    .filter((r) => r.to === table && r.onDelete === "protect")
    .map((r) => {
      const ref = referenceOf(t, r);
      // The referring table under an alias of its own: it may be the row's table itself.
      const owner = r.ownerType ? sql` and x.owner_type = ${r.ownerType}` : sql``;
      return sql`exists (select 1 from ${ref.from.table} x where x.${sql.identifier(ref.column.name)} = ${pk}${owner})`;
    });
  return probes.length ? sql`(${sql.join(probes, sql` or `)})` : undefined;
}

/** Rows of one table that a deletion takes, found through the relation labelled `label` (null: the row itself or its own part). */
export interface PlannedRows {
  table: string;
  ids: Id[];
  label: string | null;
}

export interface DeletionPlan {
  /** The row first, then what goes with it, parents before children: the order of a restore. */
  rows: PlannedRows[];
  /** What goes with it, counted by kind (the row itself not included). */
  goes: Kind[];
  /** What forbids the deletion, counted by kind; empty when the row may go. */
  blockers: Kind[];
  /** References that the deletion empties. */
  cleared: ClearedColumn[];
}

const counted = (entries: [string, number][]): Kind[] => {
  const byLabel = new Map<string, number>();
  for (const [label, n] of entries) byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  return [...byLabel].map(([label, n]) => ({ label, count: n }));
};

/** Rows that go with the row they point to (and come back with it). */
const goesWith = (relation: Relation) => relation.onDelete === "volatile" || relation.onDelete === "part";

/** What deleting row `id` of table `table` would take, refuse on and empty, as the relations declare. */
export async function planDeletion(
  db: Db,
  t: TenantTables,
  relations: readonly Relation[],
  table: string,
  id: Id,
): Promise<DeletionPlan> {
  const rows: PlannedRows[] = [{ table, ids: [id], label: null }];
  /** Table → the ids of its rows that go, by their text (ids come back from SQL as numbers or text). */
  const going = new Map<string, Map<string, Id>>([[table, new Map([[String(id), id]])]]);
  // Breadth first: a volatile row's own volatile dependants go too.
  for (let i = 0; i < rows.length; i++) {
    const group = rows[i]!;
    for (const relation of relations) {
      if (relation.to !== group.table || !goesWith(relation)) continue;
      const ref = referenceOf(t, relation);
      const found = await db
        .select({ id: keyOf(ref.from) })
        .from(ref.from.table)
        .where(pointingTo(ref, group.ids));
      const seen = going.get(ref.from.name) ?? new Map<string, Id>();
      going.set(ref.from.name, seen);
      const fresh = found.map((r) => r.id as Id).filter((v) => !seen.has(String(v)));
      for (const v of fresh) seen.set(String(v), v);
      if (fresh.length)
        rows.push({ table: ref.from.name, ids: fresh, label: relation.onDelete === "part" ? null : relation.label });
    }
  }
  // Then every row that stays and points to one that goes: it refuses the deletion or loses the reference.
  const blockers: [string, number][] = [];
  const cleared: ClearedColumn[] = [];
  for (const [name, ids] of going) {
    for (const relation of relations) {
      if (relation.to !== name || goesWith(relation)) continue;
      const ref = referenceOf(t, relation);
      const alsoGoing = [...(going.get(ref.from.name)?.values() ?? [])];
      const stays = alsoGoing.length ? notInArray(keyOf(ref.from), alsoGoing) : undefined;
      const where = and(pointingTo(ref, [...ids.values()]), stays);
      if (relation.onDelete === "protect") {
        const [row] = await db.select({ n: count() }).from(ref.from.table).where(where);
        if (row?.n) blockers.push([relation.label, Number(row.n)]);
      } else {
        const found = await db
          .select({ id: keyOf(ref.from), value: ref.column })
          .from(ref.from.table)
          .where(where);
        cleared.push(
          ...found.map((r) => ({
            table: ref.from.name,
            id: r.id as Id,
            column: ref.column.name,
            value: r.value as Id,
          })),
        );
      }
    }
  }
  const listed = rows.slice(1).filter((g) => g.label !== null);
  return { rows, goes: counted(listed.map((g) => [g.label!, g.ids.length])), blockers: counted(blockers), cleared };
}

const idList = (ids: Id[]) =>
  sql.join(
    ids.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Carries out a plan without blockers, in the caller's transaction: reads every row that goes
 * (all its columns, locked), empties the cleared references, then deletes children before parents.
 */
export async function executeDeletion(tx: Db, t: TenantTables, plan: DeletionPlan): Promise<SnapshotRow[]> {
  const snapshot: SnapshotRow[] = [];
  for (const group of plan.rows) {
    const info = tableNamed(t, group.table);
    const { rows } = await tx.execute<{ row: Record<string, unknown> }>(
      sql`select to_jsonb(r) as row from ${info.table} r where r.${sql.identifier(keyOf(info).name)} in (${idList(group.ids)}) for update`,
    );
    snapshot.push(...rows.map((r) => ({ table: group.table, row: r.row })));
  }
  for (const c of plan.cleared) {
    const info = tableNamed(t, c.table);
    await tx
      .update(info.table)
      .set({ [propertyOf(info, c.column)]: null })
      .where(eq(keyOf(info), c.id));
  }
  for (const group of [...plan.rows].reverse()) {
    const info = tableNamed(t, group.table);
    await tx.delete(info.table).where(inArray(keyOf(info), group.ids));
  }
  return snapshot;
}

/** The property under which drizzle's table object holds the column with this SQL name. */
function propertyOf(info: TableInfo, column: string): string {
  const table = info.table as unknown as Record<string, unknown>;
  const key = Object.keys(table).find((k) => table[k] === info.columns.get(column));
  if (!key) throw new Error(`${info.name}.${column}: no such column`);
  return key;
}

/** Puts rows of a snapshot back with their ids, in its order, and the references a deletion emptied. */
export async function restoreRows(
  tx: Db,
  t: TenantTables,
  rows: SnapshotRow[],
  cleared: ClearedColumn[],
): Promise<void> {
  for (const { table, row } of rows) {
    const info = tableNamed(t, table);
    // Only the columns the snapshot has (a column added since takes its default), never a generated one (PostgreSQL computes it again).
    const stored = [...info.columns.values()].filter((c) => Object.hasOwn(row, c.name) && !c.generated);
    const columns = sql.join(
      stored.map((c) => sql.identifier(c.name)),
      sql`, `,
    );
    await tx.execute(
      sql`insert into ${info.table} (${columns}) select ${columns} from jsonb_populate_record(null::${info.table}, ${JSON.stringify(row)}::jsonb)`,
    );
  }
  for (const c of cleared) {
    const info = tableNamed(t, c.table);
    const column = info.columns.get(c.column)!;
    await tx
      .update(info.table)
      .set({ [propertyOf(info, c.column)]: c.value })
      .where(and(eq(keyOf(info), c.id), sql`${column} is null`));
  }
}

/** Snapshots older than RESTORE_DAYS hold personal data nobody may restore any more: they go (lazily, at each deletion and restore). */
export async function purgeExpired(db: Pick<Db, "delete">, t: TenantTables): Promise<void> {
  await db
    .delete(t.deletedRows)
    .where(lt(t.deletedRows.deletedAt, sql`now() - make_interval(days => ${RESTORE_DAYS})`));
}

/** Table → ids of the rows of a snapshot after its first (the row itself): what the audit lists as gone or back with it. */
function withItByTable(rows: SnapshotRow[], t: TenantTables): Record<string, Id[]> {
  const out: Record<string, Id[]> = {};
  for (const { table, row } of rows.slice(1)) (out[table] ??= []).push(row[keyOf(tableNamed(t, table)).name] as Id);
  return out;
}

const inEveryLanguage = (text: (locale: Locale) => string): LocalizedText =>
  Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as LocalizedText;

/** A row's title as stored with its snapshot: a text per language. */
export const titleTexts = (title: unknown): LocalizedText =>
  title && typeof title === "object" ? (title as LocalizedText) : { fr: String(title ?? "") };

/** The refusal of a deletion, naming the row and what refers to it in the user's language (Lino: "Cannot delete Partner X because 5 Presences refer to it."). */
export const inUse = (ctx: Pick<ResourceCtx, "locale">, what: string, blockers: Kind[]) =>
  new AppError("ROW_IN_USE", { what, blockers: kindsText(blockers, ctx.locale, translatorFor(ctx.locale)) });

/** The SQL table a resource's rows live in. */
export const tableNameOf = (def: ResourceDef, t: TenantTables) => getTableName(def.table(t));

/** The entity under which a resource's rows are audited: a variant's rows are its base resource's. */
const entityOf = (def: ResourceDef) => def.variantOf ?? def.id;

/**
 * Deletes a row of a resource, already locked and checked by the caller, with what goes with it:
 * refuses with ROW_IN_USE naming the blockers in the user's language, keeps the snapshot, and
 * audits the row's fields (from → nothing) with what went with it.
 */
export async function deleteRecord(
  tx: Db,
  ctx: ResourceCtx,
  def: ResourceDef,
  id: Id,
  title: unknown,
  fields: Changes,
): Promise<void> {
  const { t } = ctx.handle;
  const plan = await planDeletion(tx, t, ctx.registry.relations, tableNameOf(def, t), id);
  const titles = titleTexts(title);
  if (plan.blockers.length) throw inUse(ctx, localized(titles, ctx.locale), plan.blockers);
  const rows = await executeDeletion(tx, t, plan);
  const actor = actorOf(ctx.user);
  const [record] = await tx
    .insert(t.deletedRows)
    .values({
      ...actor,
      entity: entityOf(def),
      entityId: String(id),
      title: titles,
      rows,
      cleared: plan.cleared,
      kind: inEveryLanguage((l) => translatorFor(l)(def.title)),
      withIt: inEveryLanguage((l) => (plan.goes.length ? kindsText(plan.goes, l, translatorFor(l)) : "")),
    })
    .returning({ id: t.deletedRows.id });
  const emptied: Record<string, Id[]> = {};
  for (const c of plan.cleared) (emptied[`${c.table}.${c.column}`] ??= []).push(c.id);
  await writeAudit(
    tx,
    t,
    actor,
    rowChange(entityOf(def), "delete", id, {
      ...fields,
      deletedWith: { from: withItByTable(rows, t), to: null },
      ...(plan.cleared.length ? { emptied: { from: emptied, to: null } } : {}),
      snapshot: { from: null, to: record!.id },
    }),
  );
  await purgeExpired(tx, t);
}

/** "Key (national_id)=(680601 053-29) already exists." → the column and the value. */
const keyOfDetail = (detail: string | undefined) => /^Key \((.+?)\)=\((.*)\)/.exec(detail ?? "");

/** The label of the field that writes `column` of `table`, in the user's language; the column's name if no resource declares one. */
function columnLabel(ctx: ResourceCtx, table: string, column: string): string {
  const t = ctx.handle.t;
  for (const def of ctx.registry.resources.values()) {
    if (tableNameOf(def, t) !== table) continue;
    for (const field of Object.values(def.fields)) {
      if (!field.jsonKey && field.column?.(t).name === column) return translatorFor(ctx.locale)(field.label);
    }
  }
  return column;
}

/** Why the database refused to put a snapshot back, as a translated refusal; other failures stay ours. */
function restoreRefusal(e: unknown, ctx: ResourceCtx, what: string): unknown {
  const pg = pgErrorIn(e);
  const key = keyOfDetail(pg?.detail);
  if (!pg || !key || (pg.code !== "23505" && pg.code !== "23503")) return e;
  const field = key[1]!
    .split(", ")
    .map((c) => columnLabel(ctx, pg.table ?? "", c))
    .join(", ");
  return new AppError("RESTORE_CONFLICT", {
    messageKey: pg.code === "23505" ? "deletion.restoreTaken" : "deletion.restoreMissing",
    what,
    field,
    value: key[2]!,
  });
}

/**
 * Puts a deleted record back with its ids (an administrator's action on `history.deleted`), in one
 * transaction: refused, with nothing restored, when it was deleted more than RESTORE_DAYS ago, was
 * already restored, or when an id or a unique value is now taken or a row it refers to is gone.
 */
export async function restoreRecord(ctx: ResourceCtx, deletedId: number): Promise<void> {
  const { db, t } = ctx.handle;
  try {
    await db.transaction(async (tx) => {
      const [record] = await tx
        .select({
          id: t.deletedRows.id,
          entity: t.deletedRows.entity,
          entityId: t.deletedRows.entityId,
          title: t.deletedRows.title,
          rows: t.deletedRows.rows,
          cleared: t.deletedRows.cleared,
          restoredAt: t.deletedRows.restoredAt,
          expired: sql<boolean>`${t.deletedRows.deletedAt} < now() - make_interval(days => ${RESTORE_DAYS})`,
        })
        .from(t.deletedRows)
        .where(eq(t.deletedRows.id, deletedId))
        .for("update");
      if (!record) throw new AppError("NOT_FOUND");
      const what = localized(record.title, ctx.locale);
      if (record.restoredAt) throw new AppError("RESTORE_CONFLICT", { messageKey: "deletion.alreadyRestored", what });
      if (record.expired) throw new AppError("RESTORE_EXPIRED", { what, days: RESTORE_DAYS });
      try {
        await restoreRows(tx, t, record.rows, record.cleared);
      } catch (e) {
        throw restoreRefusal(e, ctx, what);
      }
      const actor = actorOf(ctx.user);
      await tx
        .update(t.deletedRows)
        .set({ restoredAt: new Date(), restoredBy: actor.actor })
        .where(eq(t.deletedRows.id, record.id));
      // The restored row's fields (nothing → value), as the audit of its creation lists them.
      const def = ctx.registry.resources.get(record.entity);
      const [values] = def
        ? await tx
            .select(auditedSelection(def, t) as never)
            .from(def.table(t))
            .where(eq(def.pk(t), record.rows[0]!.row[keyOf(tableNamed(t, record.rows[0]!.table)).name] as Id))
        : [];
      const fields = Object.fromEntries(
        Object.entries((values ?? {}) as Record<string, unknown>).map(([k, v]) => [k, { from: null, to: v }]),
      );
      await writeAudit(
        tx,
        t,
        actor,
        rowChange(record.entity, "restore", record.entityId, {
          ...fields,
          restoredWith: { from: null, to: withItByTable(record.rows, t) },
          snapshot: { from: null, to: record.id },
        }),
      );
    });
  } finally {
    await purgeExpired(db, t);
  }
}
