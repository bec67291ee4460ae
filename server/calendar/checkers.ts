import { sql } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import { defineChecker, type Handle, type Problem } from "@/server/checks/define";
import { loadBusy } from "./series/generate";
import { BusyCalendar, conflictingEntries, isConflicting } from "./series/plan";

/**
 * The calendar's data checkers (domain-people §10.6): entries in conflict with others, and entries
 * lasting longer than their type allows. Problems belong to the centre (an entry has no client
 * necessarily) and go to the entry's responsible user.
 */

/** Conflicts are looked for from today on: a conflict in the past can no longer be resolved. */
export const conflictingEntriesChecker = defineChecker({
  id: "calendarConflicts",
  label: "checks.checkers.calendarConflicts",
  ownerType: "centre",
  forClients: false,
  find: async ({ db, t }: Handle) => {
    const today = belgianToday();
    const [range] = await db
      .select({ last: sql<string | null>`max(coalesce(${t.calendarEntries.endDate}, ${t.calendarEntries.startDate}))` })
      .from(t.calendarEntries)
      .where(sql`${t.calendarEntries.startDate} >= ${today}`);
    if (!range?.last) return [];
    // Every entry that can be in the way of another: holidays, absences and entries with a room.
    const busy = new BusyCalendar(await loadBusy(db, t, today, range.last, { userIds: "all", roomIds: "all" }));
    const candidates = await db
      .select({
        id: t.calendarEntries.id,
        summary: t.calendarEntries.summary,
        startDate: t.calendarEntries.startDate,
        endDate: t.calendarEntries.endDate,
        startTime: t.calendarEntries.startTime,
        endTime: t.calendarEntries.endTime,
        roomId: t.calendarEntries.roomId,
        userId: t.calendarEntries.userId,
        ownerType: t.calendarEntries.ownerType,
        ownerId: t.calendarEntries.ownerId,
        autoType: t.calendarEntries.autoType,
        maxConflicting: sql<number>`coalesce(${t.entryTypes.maxConflicting}, 1)`,
      })
      .from(t.calendarEntries)
      .leftJoin(t.entryTypes, sql`${t.entryTypes.id} = ${t.calendarEntries.typeId}`)
      .where(
        sql`${t.calendarEntries.startDate} >= ${today} and ${t.calendarEntries.state} <> 'cancelled'
          and not ${t.calendarEntries.transparent} and not coalesce(${t.entryTypes.transparent}, false)
          and not coalesce(${t.entryTypes.allRooms}, false) and not coalesce(${t.entryTypes.locksUser}, false)`,
      )
      .orderBy(t.calendarEntries.startDate, t.calendarEntries.id);
    const summaries = new Map<number, string>();
    const problems: Problem[] = [];
    for (const c of candidates) {
      const candidate = {
        ...c,
        generator: c.autoType === null || c.ownerType === null ? null : `${c.ownerType}:${c.ownerId}`,
      };
      const type = { maxConflicting: c.maxConflicting, allRooms: false, transparent: false };
      const around = busy.around(candidate);
      if (!isConflicting(candidate, type, around)) continue;
      const found = conflictingEntries(candidate, type, around);
      const base = { entry: c.summary, date: c.startDate, id: c.id };
      if (found.length === 1) {
        const other = found[0]!;
        if (other.id !== undefined && !summaries.has(other.id)) {
          const [row] = await db
            .select({ summary: t.calendarEntries.summary })
            .from(t.calendarEntries)
            .where(sql`${t.calendarEntries.id} = ${other.id}`);
          summaries.set(other.id, row?.summary ?? "");
        }
        problems.push({
          ownerId: 0,
          messageKey: "checks.calendar.conflictsWith",
          params: { ...base, other: summaries.get(other.id!) ?? "" },
          responsibleUserId: c.userId,
        });
      } else
        problems.push({
          ownerId: 0,
          messageKey: "checks.calendar.conflictsWithMany",
          params: { ...base, count: found.length },
          responsibleUserId: c.userId,
        });
    }
    return problems;
  },
});

/** "Event lasts N days but only M are allowed" (§10.6): entries stored before their type was made shorter. */
export const tooLongEntriesChecker = defineChecker({
  id: "calendarTooLong",
  label: "checks.checkers.calendarTooLong",
  ownerType: "centre",
  forClients: false,
  find: async ({ db, t }: Handle) => {
    const days = sql<number>`(${t.calendarEntries.endDate} - ${t.calendarEntries.startDate} + 1)`;
    const rows = await db
      .select({
        id: t.calendarEntries.id,
        summary: t.calendarEntries.summary,
        startDate: t.calendarEntries.startDate,
        userId: t.calendarEntries.userId,
        days,
        max: t.entryTypes.maxDays,
      })
      .from(t.calendarEntries)
      .innerJoin(t.entryTypes, sql`${t.entryTypes.id} = ${t.calendarEntries.typeId}`)
      .where(
        sql`${t.entryTypes.maxDays} > 0 and ${t.calendarEntries.endDate} is not null and ${days} > ${t.entryTypes.maxDays}`,
      )
      .orderBy(t.calendarEntries.startDate, t.calendarEntries.id);
    return rows.map((r) => ({
      ownerId: 0,
      messageKey: "checks.calendar.tooLong",
      params: { entry: r.summary, date: r.startDate, id: r.id, days: Number(r.days), max: r.max },
      responsibleUserId: r.userId,
    }));
  },
});
