import { sql } from "drizzle-orm";
import { check, index, integer, serial, time, type PgSchema } from "drizzle-orm/pg-core";
import { type userTables } from "./users";

/**
 * The planners and finding a date (issue 15 §4–5): each user's working hours, the periods of the
 * week in which free slots are proposed for them. A user without rows works the centre's default
 * hours (server/calendar/rules/free-slots.ts).
 */
export function plannerTables(s: PgSchema, deps: { users: ReturnType<typeof userTables>["users"] }) {
  const workingHours = s.table(
    "working_hours",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      /** ISO weekday: 1 = Monday … 7 = Sunday. */
      weekday: integer("weekday").notNull(),
      /** Brussels wall-clock times. */
      startTime: time("start_time").notNull(),
      endTime: time("end_time").notNull(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("working_hours_user_idx").on(t.userId, t.weekday),
      check("working_hours_weekday", sql`${t.weekday} between 1 and 7`),
      check("working_hours_order", sql`${t.endTime} > ${t.startTime}`),
    ],
  );
  return { workingHours };
}
