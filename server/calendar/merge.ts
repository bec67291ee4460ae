import { and, eq, sql } from "drizzle-orm";
import type { ClientMergeStep } from "@/server/clients/merge/step";
import { qualified as q } from "@/server/resources/query";

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
/** Tasks, entries… about a client name it as their owner under this type. */
const CLIENT = "client";

/**
 * Merging two clients (server/clients/merge): the duplicate's calendar entries and its presences
 * become the kept client's; a presence at an entry the kept client is already a guest of goes
 * (a partner is a guest of an entry once, domain-people §10.1).
 */
export const calendarMerge: ClientMergeStep = {
  handles: ["calendar_guests.partner_id", "calendar_entries.client_id", "calendar_entries.owner_id"],
  async run(tx, t, from, to) {
    const g = t.calendarGuests;
    const e = t.calendarEntries;
    const dropped = await tx
      .delete(g)
      .where(
        and(eq(g.partnerId, from), sql`${q(g.entryId)} in (select k.entry_id from ${g} k where k.partner_id = ${to})`),
      )
      .returning({ id: g.id });
    const guests = await tx.update(g).set({ partnerId: to }).where(eq(g.partnerId, from)).returning({ id: g.id });
    const entries = await tx.update(e).set({ clientId: to }).where(eq(e.clientId, from)).returning({ id: e.id });
    const owned = await tx
      .update(e)
      .set({ ownerId: to })
      .where(and(eq(e.ownerType, CLIENT), eq(e.ownerId, from)))
      .returning({ id: e.id });
    return {
      moved: { calendar_entries: [...new Set([...ids(entries), ...ids(owned)])], calendar_guests: ids(guests) },
      dropped: { calendar_guests: ids(dropped) },
    };
  },
};

/** The duplicate's tasks; an automatic task the kept client already has becomes a manual one. */
export const tasksMerge: ClientMergeStep = {
  handles: ["tasks.owner_id"],
  async run(tx, t, from, to) {
    const k = t.tasks;
    await tx
      .update(k)
      .set({ autoType: null })
      .where(
        and(
          eq(k.ownerType, CLIENT),
          eq(k.ownerId, from),
          sql`${q(k.autoType)} in (select o.auto_type from ${k} o where o.owner_type = ${CLIENT} and o.owner_id = ${to} and o.auto_type is not null)`,
        ),
      );
    const tasks = await tx
      .update(k)
      .set({ ownerId: to })
      .where(and(eq(k.ownerType, CLIENT), eq(k.ownerId, from)))
      .returning({ id: k.id });
    return { moved: { tasks: ids(tasks) } };
  },
};
