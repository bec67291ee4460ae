import { and, inArray, or, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Tx = TenantHandle["db"];

/** Why a user is not free: a holiday (closes every room), their absence, or one of their entries. */
export type BusyKind = "holiday" | "absence" | "entry";

/** A stretch of time a user is busy: days, with times when the entry has them (Brussels wall clock). */
export interface BusyInterval {
  entryId: number;
  kind: BusyKind;
  startDate: string;
  endDate: string;
  /** Null: the whole day(s). */
  startTime: string | null;
  endTime: string | null;
}

/**
 * When each of `userIds` is busy between `from` and `to` (inclusive days): the centre's holidays
 * (entries of an all-rooms type), the user's absences (entries of a type that locks its user) and
 * the user's other non-transparent, non-cancelled entries (managed by or assigned to them). What
 * planning reads before proposing a slot (issue 15 §3, §5); one query for all the users.
 */
export async function busyIntervals(
  tx: Tx,
  t: TenantTables,
  userIds: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, BusyInterval[]>> {
  const busy = new Map<number, BusyInterval[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return busy;
  const e = t.calendarEntries;
  const et = t.entryTypes;
  const users = [...userIds];
  const rows = await tx
    .select({
      id: e.id,
      startDate: e.startDate,
      endDate: sql<string>`coalesce(${e.endDate}, ${e.startDate})`,
      startTime: e.startTime,
      endTime: e.endTime,
      userId: e.userId,
      assignedToId: e.assignedToId,
      allRooms: sql<boolean>`coalesce(${et.allRooms}, false)`,
      locksUser: sql<boolean>`coalesce(${et.locksUser}, false)`,
    })
    .from(e)
    .leftJoin(et, sql`${et.id} = ${e.typeId}`)
    .where(
      and(
        sql`${e.startDate} <= ${to} and coalesce(${e.endDate}, ${e.startDate}) >= ${from}`,
        sql`${e.state} <> 'cancelled' and not ${e.transparent} and not coalesce(${et.transparent}, false)`,
        or(sql`${et.allRooms}`, inArray(e.userId, users), inArray(e.assignedToId, users)),
      ),
    )
    .orderBy(e.startDate, e.startTime);
  for (const row of rows) {
    const interval = (kind: BusyKind): BusyInterval => ({
      entryId: row.id,
      kind,
      startDate: row.startDate,
      endDate: row.endDate,
      startTime: row.startTime,
      endTime: row.endTime,
    });
    if (row.allRooms) {
      for (const list of busy.values()) list.push(interval("holiday"));
      continue;
    }
    const kind = row.locksUser ? "absence" : "entry";
    for (const id of new Set([row.userId, row.assignedToId]))
      if (id !== null && busy.has(id)) busy.get(id)!.push(interval(kind));
  }
  return busy;
}
