// The calendar's series engine at volume (issue 15): the monthly evaluations of 1 000 owners over
// two years, against the centre's holidays, generated in one transaction; then generated again
// (nothing to change), and owner by owner as an area calls it after each save. Imported by
// bench/run.ts once the environment is set.
import { eq, sql } from "drizzle-orm";
import { systemActor } from "@/server/audit";
import { generateRecurrentEvents } from "@/server/calendar/recurrent-events";
import { generateSeries, type SeriesOwner } from "@/server/calendar/series/generate";
import { numberedSummary } from "@/server/calendar/series/plan";
import { addMonths } from "@/server/calendar/rules/reminders";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { line, timed } from "./lib";

const TARGET_SECONDS = 2;
const WHO = systemActor("bench");

export async function benchSeries(tenant: Tenant, owners = 1_000) {
  const handle = tenantHandle(tenant);
  const { db, t } = handle;
  const today = new Date().toISOString().slice(0, 10);
  const until = addMonths(today, 24);
  // The centre's holidays over the two years, which the evaluations must avoid.
  await db.transaction((tx) => generateRecurrentEvents(tx, handle, WHO, { year: Number(until.slice(0, 4)) }));
  const [type] = await db.select().from(t.entryTypes).where(eq(t.entryTypes.ref, "evaluation"));
  const [user] = await db
    .insert(t.users)
    .values({ username: "bench-series", firstName: "Bench", lastName: "Series", userType: "100" })
    .returning();
  const series = (id: number, first = addMonths(today, 1)): SeriesOwner => ({
    ownerType: "benchContract",
    ownerId: id,
    typeId: type!.id,
    // Owners start on every day of a month, so that some fall on holidays and weekends.
    rule: {
      first: addMonths(first, 0).slice(0, 8) + String(1 + (id % 28)).padStart(2, "0"),
      unit: "monthly",
      every: 1,
      weekdays: [1, 2, 3, 4, 5],
      until,
      maxEvents: 72,
      startTime: "09:00:00",
      endTime: "10:00:00",
    },
    summary: (n) => numberedSummary(type!.eventLabel, "fr", n),
    responsible: () => user!.id,
    resolveConflicts: true,
  });
  const all = Array.from({ length: owners }, (_, i) => series(i + 1));
  const first = await timed(() => db.transaction((tx) => generateSeries(tx, t, WHO, all)));
  const again = await timed(() => db.transaction((tx) => generateSeries(tx, t, WHO, all)));
  // None may fall on a holiday.
  const [onHolidays] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.calendarEntries)
    .where(
      sql`${t.calendarEntries.ownerType} = 'benchContract' and ${t.calendarEntries.startDate} in
        (select start_date from ${t.calendarEntries} where owner_type = 'recurrentEvent')`,
    );
  line("series_owners", owners);
  line("series_entries_created", first.result.created);
  line("series_entries_on_holidays", onHolidays!.n);
  line("series_generate_seconds", first.seconds);
  line("target_series_generate_seconds", TARGET_SECONDS);
  line("series_regenerate_unchanged_seconds", again.seconds);
  line("series_regenerate_unchanged_changes", again.result.created + again.result.updated + again.result.deleted);
  // As areas call it: one owner per save, each in its own transaction (the series shifted by a month).
  const one = await timed(async () => {
    for (const owner of all)
      await db.transaction((tx) =>
        generateSeries(tx, t, WHO, { ...owner, rule: { ...owner.rule!, first: addMonths(owner.rule!.first, 1) } }),
      );
  });
  line("series_owner_by_owner_seconds", one.seconds);
  line("series_owner_by_owner_ms_per_owner", (one.seconds * 1000) / owners);
}
