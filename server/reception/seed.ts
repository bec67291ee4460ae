import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { seedCalendarDemo } from "@/db/seed/calendar";
import { belgianToday, brusselsWallClock } from "@/lib/format";
import type { SeedCentre } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { newDisplayValues } from "./displays";

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const timeOf = (at: Date) => brusselsWallClock(at).toISOString().slice(11, 19);

const LOUNGE: Record<string, string> = { fr: "Salle d'attente", nl: "Wachtzaal", de: "Wartesaal", en: "Lounge" };
const REASONS: Record<string, string[]> = {
  fr: ["Question sur l'allocation", "Dépôt de documents", "Facture d'énergie"],
  nl: ["Vraag over de uitkering", "Documenten afgeven", "Energiefactuur"],
  de: ["Frage zur Beihilfe", "Unterlagen abgeben", "Energierechnung"],
  en: ["Question about the allowance", "Handing in documents", "Energy bill"],
};

/**
 * A morning at the desk (issue 16): of today's appointments, the earliest ones are over (gone) or
 * under way (busy), and some clients wait in the lounge, one of them a walk-in visit; the later
 * appointments are still expected. Plus one lounge screen. Idempotent: nothing if anyone checked in.
 */
export async function seedReceptionDemo(handle: TenantHandle, centre: SeedCentre) {
  // The morning is made of the calendar's demo appointments, seeded first whatever the areas' order
  // (seedCalendarDemo does nothing once the calendar has entries).
  await seedCalendarDemo(handle, centre);
  const { db, t } = handle;
  const g = t.calendarGuests;
  const e = t.calendarEntries;
  const today = belgianToday();
  const todays = await db
    .select({ guest: g.id, entry: e.id, userId: e.userId, clientId: e.clientId, startTime: e.startTime })
    .from(g)
    .innerJoin(e, eq(e.id, g.entryId))
    .where(and(eq(e.startDate, today), inArray(g.state, ["accepted", "invited"])))
    .orderBy(asc(e.startTime), asc(e.userId));
  if (todays.length === 0) return;
  if (
    (
      await db
        .select({ id: g.id })
        .from(g)
        .where(inArray(g.state, ["waiting", "busy", "gone"]))
        .limit(1)
    ).length
  )
    return;
  const now = new Date();
  const [first, second, third, fourth] = todays;
  const moves: [typeof first, "gone" | "busy" | "waiting", number][] = [
    [first, "gone", 95],
    [second, "busy", 40],
    [third, "waiting", 15],
    [fourth, "waiting", 6],
  ];
  for (const [row, state, since] of moves) {
    if (!row) continue;
    const waitingSince = minutesAgo(now, since);
    await db
      .update(g)
      .set({
        state,
        waitingSince,
        busySince: state === "waiting" ? null : minutesAgo(now, since - 10),
        goneSince: state === "gone" ? minutesAgo(now, since - 55) : null,
      })
      .where(eq(g.id, row.guest));
  }
  // A walk-in: the first agent's client comes without an appointment.
  if (first?.userId && first.clientId) {
    const [prompt] = await db.select({ id: t.entryTypes.id }).from(t.entryTypes).where(eq(t.entryTypes.ref, "prompt"));
    const [role] = await db.select({ id: t.guestRoles.id }).from(t.guestRoles).where(eq(t.guestRoles.ref, "client"));
    const locale = centre.defaultLocale in REASONS ? centre.defaultLocale : "fr";
    const waitingSince = minutesAgo(now, 3);
    const [visit] = await db
      .insert(e)
      .values({
        typeId: prompt?.id ?? null,
        summary: REASONS[locale]![0]!,
        clientId: first.clientId,
        ownerType: "client",
        ownerId: first.clientId,
        startDate: today,
        startTime: timeOf(waitingSince),
        userId: first.userId,
        state: "published",
      })
      .returning({ id: e.id });
    await db
      .insert(g)
      .values({
        entryId: visit!.id,
        partnerId: first.clientId,
        roleId: role?.id ?? null,
        state: "waiting",
        waitingSince,
      })
      .onConflictDoNothing();
  }
  if ((await db.select({ id: t.receptionDisplays.id }).from(t.receptionDisplays).limit(1)).length === 0)
    await db
      .insert(t.receptionDisplays)
      .values(
        newDisplayValues(
          handle.tenantId,
          { name: LOUNGE[centre.defaultLocale] ?? LOUNGE.fr!, shows: "ticket" },
          randomBytes(32).toString("base64url"),
        ),
      );
}
