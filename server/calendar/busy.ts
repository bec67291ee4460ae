import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { minutesOf } from "./rules/free-slots";

type Tx = TenantHandle["db"];

/** How long an entry with a start time but no end time lasts, when its type says nothing. */
export const DEFAULT_ENTRY_MINUTES = 30;

/** Why a user is not free: a holiday (closes every room), their absence, or one of their entries. */
export type BusyKind = "holiday" | "absence" | "entry";

/** An entry that takes time: its days and times as stored (Brussels wall clock) and as a stretch. */
export interface BusyInterval {
  entryId: number;
  kind: BusyKind;
  /** Whose time it takes: the entry's user and the user it is assigned to (either may be null). */
  userId: number | null;
  assignedToId: number | null;
  roomId: number | null;
  typeId: number | null;
  startDate: string;
  endDate: string;
  /** Null: the whole day(s). */
  startTime: string | null;
  endTime: string | null;
  /** The same as "YYYY-MM-DDTHH:MM", end exclusive: what slot arithmetic compares. */
  start: string;
  end: string;
}

/** The wall-clock moment `minutes` after `date` `time`, "YYYY-MM-DDTHH:MM". */
export const addMinutes = (date: string, time: string, minutes: number) =>
  new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), 0, minutesOf(time) + minutes))
    .toISOString()
    .slice(0, 16);

/** Whether the interval takes `userId`'s time (a holiday takes everybody's). */
export const takesTimeOf = (b: BusyInterval, userId: number) =>
  b.kind === "holiday" || b.userId === userId || b.assignedToId === userId;

/**
 * Every entry that takes time between the days `from` and `to` (inclusive): the centre's holidays
 * (entries of an all-rooms type), the entries of `users` (managed by or assigned to them; an entry
 * of a type that locks its user is an absence) and, when given, the entries of `room`. Cancelled
 * and transparent entries take no time. What planning reads before proposing or booking a slot
 * (issue 15 §3, §5), in one query. (The series engine reads its own blockers: holidays, absences and rooms
 * up to their limit, not ordinary entries, §10.4.)
 */
export async function busyEntries(
  tx: Tx,
  t: TenantTables,
  { users, room = null, from, to }: { users: readonly number[]; room?: number | null; from: string; to: string },
): Promise<BusyInterval[]> {
  const e = t.calendarEntries;
  const et = t.entryTypes;
  const ids = [...users];
  // Branches that each use an index (user/date, user/end date, room/date, date), as the planner's range query.
  const begins = and(gte(e.startDate, from), lte(e.startDate, to));
  const startedBefore = and(sql`${e.endDate} is not null`, gte(e.endDate, from), sql`${e.startDate} < ${from}`);
  const which = [
    ids.length ? and(inArray(e.userId, ids), begins) : undefined,
    ids.length ? and(inArray(e.userId, ids), startedBefore) : undefined,
    ids.length ? and(inArray(e.assignedToId, ids), begins) : undefined,
    room ? and(eq(e.roomId, room), begins) : undefined,
    and(begins, sql`${e.typeId} in (select ${et.id} from ${et} where ${et.allRooms})`),
  ].filter((c) => c !== undefined);
  const rows = await tx
    .select({
      id: e.id,
      userId: e.userId,
      assignedToId: e.assignedToId,
      roomId: e.roomId,
      typeId: e.typeId,
      startDate: e.startDate,
      startTime: e.startTime,
      endDate: e.endDate,
      endTime: e.endTime,
      minutes: et.defaultDuration,
      allRooms: et.allRooms,
      locksUser: et.locksUser,
    })
    .from(e)
    .leftJoin(et, eq(et.id, e.typeId))
    .where(
      and(
        sql`${e.state} <> 'cancelled'`,
        eq(e.transparent, false),
        or(isNull(et.transparent), eq(et.transparent, false)),
        or(...which),
      ),
    )
    .orderBy(e.startDate, e.startTime);
  return rows.map((r) => {
    const lastDay = r.endDate ?? r.startDate;
    const start = `${r.startDate}T${r.startTime ? r.startTime.slice(0, 5) : "00:00"}`;
    const end = r.endTime
      ? `${lastDay}T${r.endTime.slice(0, 5)}`
      : r.startTime && !r.endDate
        ? addMinutes(r.startDate, r.startTime, r.minutes ?? DEFAULT_ENTRY_MINUTES)
        : addMinutes(lastDay, "00:00", 1440);
    return {
      entryId: r.id,
      kind: r.allRooms ? "holiday" : r.locksUser ? "absence" : "entry",
      userId: r.userId,
      assignedToId: r.assignedToId,
      roomId: r.roomId,
      typeId: r.typeId,
      startDate: r.startDate,
      endDate: lastDay,
      startTime: r.startTime,
      endTime: r.endTime,
      start,
      end,
    };
  });
}

/** When each of `userIds` is busy between `from` and `to` (inclusive days), per user. */
export async function busyIntervals(
  tx: Tx,
  t: TenantTables,
  userIds: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, BusyInterval[]>> {
  const entries = userIds.length ? await busyEntries(tx, t, { users: userIds, from, to }) : [];
  return new Map(userIds.map((id) => [id, entries.filter((b) => takesTimeOf(b, id))]));
}
