/**
 * The series engine's database side (domain-people §10.4): after an owner (a recurrent event, later a
 * contract or a workshop) is saved, its generated calendar entries are brought to what its series
 * wants, in the saving transaction, every change audited there. See docs/calendar-series.md.
 */
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { created, rowChange, writeAudit, type Actor, type AuditEntry, type Changes } from "@/server/audit";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { updatePresences } from "../presences";
import {
  BusyCalendar,
  diffSeries,
  isConflicting,
  planSeries,
  type BusyEntry,
  type PlannedEntry,
  type SeriesRule,
  type TypeLimits,
} from "./plan";

type Tx = TenantHandle["db"];

/**
 * What a series' owner tells the engine: its generic pointer, its recurrence (null: it wants no
 * entries, and the unmodified ones it had go), the entry type and the people of its entries.
 */
export interface SeriesOwner {
  ownerType: string;
  ownerId: number;
  rule: SeriesRule | null;
  /** Entry type of the generated entries; without one nothing is generated. */
  typeId: number | null;
  /** Summary of entry `n` (`numberedSummary` for "Evaluation 3" in the author's language). */
  summary: (n: number) => string;
  /** Responsible user of the entry on `date` (rule 5: `responsibleCoach` over the client's coachings). */
  responsible: (date: string) => number | null;
  clientId?: number | null;
  roomId?: number | null;
  /** Whether conflicts move entries (§10.4); recurrent events (holidays) do not care about them (§10.1). */
  resolveConflicts: boolean;
  /** A contract's series: the client's other coaches are suggested guests of its entries (§10.3 a). */
  invitesCoaches?: boolean;
}

/** How an area finds the owners of its series again from their ids (for "move to next", §10.2). */
export interface SeriesOwnerKind {
  ownerType: string;
  load: (tx: Tx, handle: Pick<TenantHandle, "t" | "tenantId">, ids: readonly number[]) => Promise<SeriesOwner[]>;
  /** Its owners are contracts: their entries invite the client's other coaches (§10.3 a), also when saved by hand. */
  invitesCoaches?: boolean;
}

export interface SeriesResult {
  created: number;
  updated: number;
  deleted: number;
}

const ENTITY = "calendar.entries";
const generatorKey = (ownerType: string | null, ownerId: number | null) =>
  ownerType !== null && ownerId !== null ? `${ownerType}:${ownerId}` : null;

/** The types' limits and flags, by id. */
export async function typeLimits(tx: Tx, t: TenantTables, ids: number[]) {
  if (!ids.length) return new Map<number, TypeLimits & { locksUser: boolean }>();
  const rows = await tx
    .select({
      id: t.entryTypes.id,
      maxConflicting: t.entryTypes.maxConflicting,
      allRooms: t.entryTypes.allRooms,
      transparent: t.entryTypes.transparent,
      locksUser: t.entryTypes.locksUser,
    })
    .from(t.entryTypes)
    .where(inArray(t.entryTypes.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The entries that can stand in a generated entry's way between `from` and `to`: non-transparent,
 * non-cancelled, and either locking every room, blocking a user of the batch, or in a room it uses.
 */
export async function loadBusy(
  tx: Tx,
  t: TenantTables,
  from: string,
  to: string,
  who: { userIds: readonly number[] | "all"; roomIds?: readonly number[] | "all" },
  extra?: SQL,
): Promise<BusyEntry[]> {
  const e = t.calendarEntries;
  const et = t.entryTypes;
  const reach = [sql`${et.allRooms}`];
  if (who.userIds === "all") reach.push(sql`${et.locksUser}`);
  else if (who.userIds.length) reach.push(sql`(${et.locksUser} and ${inArray(e.userId, [...who.userIds])})`);
  if (who.roomIds === "all") reach.push(sql`${e.roomId} is not null`);
  else if (who.roomIds?.length) reach.push(inArray(e.roomId, [...who.roomIds]));
  const rows = await tx
    .select({
      id: e.id,
      startDate: e.startDate,
      endDate: e.endDate,
      startTime: e.startTime,
      endTime: e.endTime,
      roomId: e.roomId,
      userId: e.userId,
      allRooms: et.allRooms,
      locksUser: et.locksUser,
      ownerType: e.ownerType,
      ownerId: e.ownerId,
      autoType: e.autoType,
    })
    .from(e)
    .innerJoin(et, eq(et.id, e.typeId))
    .where(
      and(
        sql`not ${e.transparent} and not ${et.transparent} and ${e.state} <> 'cancelled'`,
        sql`${e.startDate} <= ${to} and coalesce(${e.endDate}, ${e.startDate}) >= ${from}`,
        sql`(${sql.join(reach, sql` or `)})`,
        extra,
      ),
    );
  return rows.map((r) => ({
    ...r,
    generator: r.autoType === null ? null : generatorKey(r.ownerType, r.ownerId),
  }));
}

/** What could push the entries of the conflict-resolving owners, loaded once for the whole batch. */
export async function busyAround(tx: Tx, t: TenantTables, owners: readonly SeriesOwner[]) {
  const resolving = owners.filter((o) => o.resolveConflicts && o.rule && o.typeId !== null);
  if (!resolving.length) return new BusyCalendar();
  const from = resolving.reduce((m, o) => (o.rule!.first < m ? o.rule!.first : m), "9999-12-31");
  const to = resolving.reduce((m, o) => (o.rule!.until > m ? o.rule!.until : m), "0001-01-01");
  const roomIds = [...new Set(resolving.flatMap((o) => (o.roomId ? [o.roomId] : [])))];
  // The responsible user is known per date only while planning: every user's absences in the range are loaded.
  return new BusyCalendar(await loadBusy(tx, t, from, to, { userIds: "all", roomIds }));
}

/** Whether an entry of `owner`'s series placed at `slot` would conflict (§10.4 rule 7). */
export const conflictTest =
  (owner: SeriesOwner, type: TypeLimits, busy: BusyCalendar) =>
  (slot: { date: string; startTime: string | null; endTime: string | null; userId: number | null }) => {
    const candidate = {
      startDate: slot.date,
      endDate: null,
      startTime: slot.startTime,
      endTime: slot.endTime,
      roomId: owner.roomId ?? null,
      userId: slot.userId,
      generator: generatorKey(owner.ownerType, owner.ownerId),
    };
    return isConflicting(candidate, type, busy.around(candidate));
  };

type Stored = TenantTables["calendarEntries"]["$inferSelect"] & { autoType: number };

/** The stored generated entries of the owners, by generator key. */
async function storedEntries(tx: Tx, t: TenantTables, owners: readonly SeriesOwner[]) {
  const byType = new Map<string, number[]>();
  for (const o of owners) byType.set(o.ownerType, [...(byType.get(o.ownerType) ?? []), o.ownerId]);
  const e = t.calendarEntries;
  const found = new Map<string, Stored[]>();
  for (const [ownerType, ids] of byType) {
    const rows = (await tx
      .select()
      .from(e)
      .where(and(eq(e.ownerType, ownerType), inArray(e.ownerId, ids), isNotNull(e.autoType)))
      .orderBy(e.autoType, e.id)) as Stored[];
    for (const row of rows) {
      const key = generatorKey(row.ownerType, row.ownerId)!;
      found.set(key, [...(found.get(key) ?? []), row]);
    }
  }
  return found;
}

type NewEntry = ReturnType<typeof entryValues> & {
  ownerType: string;
  ownerId: number;
  autoType: number;
  state: string;
};

/**
 * Inserts generated entries in one statement over arrays (a many-row INSERT costs more to build than
 * to run: a thousand owners' series are tens of thousands of rows); their ids, in the order given.
 */
async function insertEntries(tx: Tx, t: TenantTables, rows: readonly NewEntry[]): Promise<number[]> {
  const e = t.calendarEntries;
  // One parameter per column: an array, which drizzle would otherwise spread into a list.
  const column = <K extends keyof NewEntry>(key: K) => sql.param(rows.map((r) => r[key]));
  const columns: { name: string }[] = [e.typeId, e.summary, e.startDate, e.startTime, e.endTime, e.userId];
  columns.push(e.clientId, e.roomId, e.ownerType, e.ownerId, e.autoType, e.state);
  const names = columns.map((c) => sql.identifier(c.name));
  const result = await tx.execute<{ id: number; owner_type: string; owner_id: number; auto_type: number }>(
    sql`insert into ${e} (${sql.join(names, sql`, `)})
      select * from unnest(${column("typeId")}::int[], ${column("summary")}::text[], ${column("startDate")}::date[],
        ${column("startTime")}::time[], ${column("endTime")}::time[], ${column("userId")}::int[],
        ${column("clientId")}::int[], ${column("roomId")}::int[], ${column("ownerType")}::text[],
        ${column("ownerId")}::int[], ${column("autoType")}::int[], ${column("state")}::text[])
      returning ${sql.identifier(e.id.name)}, owner_type, owner_id, auto_type`,
  );
  // Matched by their series and number, unique within one call, rather than trusting the order rows come back in.
  const idOf = new Map(result.rows.map((r) => [`${r.owner_type}:${r.owner_id}:${r.auto_type}`, Number(r.id)]));
  return rows.map((r) => idOf.get(`${r.ownerType}:${r.ownerId}:${r.autoType}`)!);
}

/** What of a planned entry is written on the entry (the owner's type, client and room included). */
const entryValues = (owner: SeriesOwner, p: PlannedEntry) => ({
  typeId: owner.typeId,
  summary: p.summary,
  startDate: p.startDate,
  startTime: p.startTime,
  endTime: p.endTime,
  userId: p.userId,
  clientId: owner.clientId ?? null,
  roomId: owner.roomId ?? null,
});

/**
 * Brings the generated entries of `owners` to what their series want (§10.4), in `tx`: inserts the
 * missing ones (state suggested), updates and deletes only those still suggested (a user-modified
 * entry is kept and the series continues after it), audits each change as `who`. The owners of one
 * call are planned together, so that their entries respect each other's room limits. Idempotent:
 * a second run changes nothing.
 */
export async function generateSeries(
  tx: Tx,
  t: TenantTables,
  who: Actor,
  owners: SeriesOwner | readonly SeriesOwner[],
): Promise<SeriesResult> {
  const list = Array.isArray(owners) ? (owners as readonly SeriesOwner[]) : [owners as SeriesOwner];
  const result: SeriesResult = { created: 0, updated: 0, deleted: 0 };
  if (!list.length) return result;
  const types = await typeLimits(tx, t, [...new Set(list.flatMap((o) => (o.typeId === null ? [] : [o.typeId])))]);
  const stored = await storedEntries(tx, t, list);
  const busy = await busyAround(tx, t, list);
  const inserts: { owner: SeriesOwner; planned: PlannedEntry }[] = [];
  /** The entries of owners with a client, kept or created: their guests follow their suggestions (§10.3). */
  const withGuests: number[] = [];
  const audits: AuditEntry[] = [];
  const deletions: number[] = [];
  for (const owner of list) {
    const key = generatorKey(owner.ownerType, owner.ownerId)!;
    const existing = stored.get(key) ?? [];
    const type = owner.typeId === null ? undefined : types.get(owner.typeId);
    const planned =
      owner.rule && type
        ? planSeries({
            rule: owner.rule,
            existing,
            summary: owner.summary,
            responsible: owner.responsible,
            conflicts: owner.resolveConflicts ? conflictTest(owner, type, busy) : undefined,
          })
        : [];
    const diff = diffSeries(existing, planned);
    if (owner.clientId != null) {
      const gone = new Set(diff.delete.map((d) => d.id));
      for (const entry of existing) if (!gone.has(entry.id)) withGuests.push(entry.id);
    }
    for (const p of diff.insert) inserts.push({ owner, planned: p });
    for (const { entry, wanted } of diff.update) {
      const values = entryValues(owner, wanted);
      const changes: Changes = {};
      for (const [k, v] of Object.entries(values))
        if (entry[k as keyof Stored] !== v) changes[k] = { from: entry[k as keyof Stored], to: v };
      if (!Object.keys(changes).length) continue;
      await tx
        .update(t.calendarEntries)
        .set({ ...values, modifiedAt: sql`now()`, version: sql`${t.calendarEntries.version} + 1` })
        .where(eq(t.calendarEntries.id, entry.id));
      audits.push(rowChange(ENTITY, "update", entry.id, changes));
      result.updated++;
    }
    for (const entry of diff.delete) {
      deletions.push(entry.id);
      audits.push(
        rowChange(ENTITY, "delete", entry.id, {
          summary: { from: entry.summary, to: null },
          startDate: { from: entry.startDate, to: null },
        }),
      );
    }
    // Planned entries of this owner stand in the way of the next owners' (same room, same user's absences aside).
    if (owner.resolveConflicts && owner.roomId)
      for (const p of planned)
        busy.add({ ...entryValues(owner, p), endDate: null, allRooms: false, locksUser: false, generator: key });
  }
  if (deletions.length) {
    // A suggested entry's guests were suggested with it.
    await tx.delete(t.calendarGuests).where(inArray(t.calendarGuests.entryId, deletions));
    await tx.delete(t.calendarEntries).where(inArray(t.calendarEntries.id, deletions));
    result.deleted = deletions.length;
  }
  if (inserts.length) {
    const rows = inserts.map(({ owner, planned }) => ({
      ...entryValues(owner, planned),
      ownerType: owner.ownerType,
      ownerId: owner.ownerId,
      autoType: planned.autoType,
      state: "suggested",
    }));
    const ids = await insertEntries(tx, t, rows);
    rows.forEach((row, j) => audits.push(rowChange(ENTITY, "create", ids[j]!, created(row))));
    inserts.forEach(({ owner }, j) => {
      if (owner.clientId != null) withGuests.push(ids[j]!);
    });
    result.created = rows.length;
  }
  for (let i = 0; i < audits.length; i += 5000) await writeAudit(tx, t, who, ...audits.slice(i, i + 5000));
  // "Update presences" after generation (§10.3): on every entry of these series still filling guests.
  const coachOwnerTypes = [...new Set(list.filter((o) => o.invitesCoaches).map((o) => o.ownerType))];
  await updatePresences(tx, t, who, withGuests, { coachOwnerTypes, prune: "always" });
  return result;
}
