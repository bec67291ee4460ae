import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { seedCalendarDemo } from "@/db/seed/calendar";
import { belgianToday, brusselsWallClock } from "@/lib/format";
import type { SeedCentre } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { newDisplayValues } from "./displays";

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const timeOf = (at: Date) => brusselsWallClock(at).toISOString().slice(11, 19);

const LOUNGE: Record<string, string> = { fr: "Salle d'attente", nl: "Wachtzaal", de: "Wartesaal", en: "Lounge" };
const REASONS: Record<string, string[]> = {
  fr: ["Question sur l'allocation", "Dépôt de documents", "Facture d'énergie", "Loyer impayé"],
  nl: ["Vraag over de uitkering", "Documenten afgeven", "Energiefactuur", "Onbetaalde huur"],
  de: ["Frage zur Beihilfe", "Unterlagen abgeben", "Energierechnung", "Unbezahlte Miete"],
  en: ["Question about the allowance", "Handing in documents", "Energy bill", "Unpaid rent"],
};
/** The morning's visitors: how long ago each arrived, and where they are now. */
const MORNING: { state: "gone" | "busy" | "waiting"; arrived: number }[] = [
  { state: "gone", arrived: 95 },
  { state: "busy", arrived: 40 },
  { state: "waiting", arrived: 15 },
  { state: "waiting", arrived: 6 },
];

/**
 * A morning at the desk (issue 16): of today's appointments, the earliest are over (gone) or under
 * way (busy) and some clients wait in the lounge; when today has too few appointments (a weekend),
 * walk-in visits of the agents' clients make up the morning; later appointments stay expected.
 * Plus one lounge screen. Idempotent: nothing if anyone checked in already.
 */
export async function seedReceptionDemo(handle: TenantHandle, centre: SeedCentre) {
  // The morning is made of the calendar's demo appointments, seeded first whatever the areas' order
  // (seedCalendarDemo does nothing once it has run).
  await seedCalendarDemo(handle, centre);
  const { db, t } = handle;
  const g = t.calendarGuests;
  const e = t.calendarEntries;
  const checkedIn = await db
    .select({ id: g.id })
    .from(g)
    .where(inArray(g.state, ["waiting", "busy", "gone"]))
    .limit(1);
  if (checkedIn.length) return;
  const today = belgianToday();
  const now = new Date();
  const locale = centre.defaultLocale in REASONS ? centre.defaultLocale : "fr";
  const appointments = await db
    .select({ guest: g.id })
    .from(g)
    .innerJoin(e, eq(e.id, g.entryId))
    .where(and(eq(e.startDate, today), inArray(g.state, ["accepted", "invited"])))
    .orderBy(asc(e.startTime), asc(e.userId))
    .limit(MORNING.length);
  const guests = appointments.map((a) => a.guest);
  if (guests.length < MORNING.length) guests.push(...(await walkIns(handle, MORNING.length - guests.length, locale)));
  for (const [i, guest] of guests.entries()) {
    const { state, arrived } = MORNING[i]!;
    await db
      .update(g)
      .set({
        state,
        waitingSince: minutesAgo(now, arrived),
        busySince: state === "waiting" ? null : minutesAgo(now, arrived - 10),
        goneSince: state === "gone" ? minutesAgo(now, arrived - 55) : null,
      })
      .where(eq(g.id, guest));
  }
  if ((await db.select({ id: t.receptionDisplays.id }).from(t.receptionDisplays).limit(1)).length === 0)
    await db
      .insert(t.receptionDisplays)
      .values(
        newDisplayValues(
          handle.tenantId,
          { name: LOUNGE[locale]!, shows: "ticket" },
          randomBytes(32).toString("base64url"),
        ),
      );
}

/** Visits made at the desk today (prompt entries, §11) for coached clients of the demo's agents; returns their guests. */
async function walkIns({ db, t }: TenantHandle, count: number, locale: string): Promise<number[]> {
  const coached = await db
    .selectDistinctOn([t.coachings.userId], { userId: t.coachings.userId, clientId: t.coachings.clientId })
    .from(t.coachings)
    .where(isNull(t.coachings.endDate))
    .orderBy(asc(t.coachings.userId), asc(t.coachings.clientId))
    .limit(count);
  const [prompt] = await db.select({ id: t.entryTypes.id }).from(t.entryTypes).where(eq(t.entryTypes.ref, "prompt"));
  const [role] = await db.select({ id: t.guestRoles.id }).from(t.guestRoles).where(eq(t.guestRoles.ref, "client"));
  const guests: number[] = [];
  for (const [i, { userId, clientId }] of coached.entries()) {
    const [visit] = await db
      .insert(t.calendarEntries)
      .values({
        typeId: prompt?.id ?? null,
        summary: REASONS[locale]![i % REASONS[locale]!.length]!,
        clientId,
        ownerType: "client",
        ownerId: clientId,
        startDate: belgianToday(),
        startTime: timeOf(minutesAgo(new Date(), MORNING[i]?.arrived ?? 0)),
        userId,
        state: "published",
      })
      .returning({ id: t.calendarEntries.id });
    const [guest] = await db
      .insert(t.calendarGuests)
      .values({ entryId: visit!.id, partnerId: clientId, roleId: role?.id ?? null })
      .returning({ id: t.calendarGuests.id });
    guests.push(guest!.id);
  }
  return guests;
}
