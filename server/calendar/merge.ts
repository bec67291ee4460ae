import { and, eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Tx = TenantHandle["db"];
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/**
 * Merging two clients (server/clients/merge): the duplicate's calendar entries and its presences
 * become the kept client's; a presence at an entry the kept client is already a guest of goes
 * (a partner is a guest of an entry once, domain-people §10.1).
 */
export async function moveClientCalendar(tx: Tx, t: TenantTables, from: number, to: number) {
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
    .where(and(eq(e.ownerType, "client"), eq(e.ownerId, from)))
    .returning({ id: e.id });
  return {
    moved: { calendar_entries: [...new Set([...ids(entries), ...ids(owned)])], calendar_guests: ids(guests) },
    dropped: { calendar_guests: ids(dropped) },
  };
}
