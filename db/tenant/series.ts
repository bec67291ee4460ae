import { sql } from "drizzle-orm";
import { boolean, check, date, integer, jsonb, serial, text, time, type PgSchema } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type calendarTables } from "./calendar";

/**
 * Recurrent events (domain-people §10.1 RecurrentEvent, Lino's "recurrent events"): the holidays and
 * other yearly or Easter-relative days a centre closes on, each generating its calendar entries
 * through the series engine (server/calendar/series). A centre keeps the rows that apply to it active.
 */
export function seriesTables(s: PgSchema, deps: { entryTypes: ReturnType<typeof calendarTables>["entryTypes"] }) {
  const recurrentEvents = s.table(
    "recurrent_events",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      typeId: integer("type_id")
        .notNull()
        .references(() => deps.entryTypes.id),
      /** The first occurrence; an Easter-relative event keeps its distance to that year's Easter Sunday. */
      startDate: date("start_date").notNull(),
      startTime: time("start_time"),
      endTime: time("end_time"),
      /** No occurrence after this day. */
      endDate: date("end_date"),
      /** Choice list recurrenceUnits: once, daily, weekly, monthly, yearly, easter. */
      everyUnit: text("every_unit").notNull().default("yearly"),
      every: integer("every").notNull().default(1),
      maxEvents: integer("max_events"),
      /** Whether the centre observes it: an inactive event has its generated entries removed. */
      active: boolean("active").notNull().default(true),
      /** Seed key of the Belgian days (`newYear`, `germanCommunity`…), null for a centre's own. */
      ref: text("ref"),
      description: text("description").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      check("recurrent_events_every", sql`${t.every} >= 1`),
      check("recurrent_events_max_events", sql`${t.maxEvents} >= 1`),
      check("recurrent_events_end", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    ],
  );
  return { recurrentEvents };
}
