import { sql } from "drizzle-orm";
import { date, index, integer, serial, text, timestamp, uniqueIndex, type PgSchema } from "drizzle-orm/pg-core";
import { type userTables } from "./users";

/** Tasks (domain-people §10.5): things a user has to do; the client file creates automatic ones (§3.4). */
export function calendarTables(s: PgSchema, deps: { users: ReturnType<typeof userTables>["users"] }) {
  const tasks = s.table(
    "tasks",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      /** What the task is about, e.g. ("client", 42). */
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      /** Slot of an automatic task of its owner (1, 2, 3 for a client's reminders); null if manual. */
      autoType: integer("auto_type"),
      summary: text("summary").notNull(),
      description: text("description").notNull().default(""),
      startDate: date("start_date").notNull(),
      dueDate: date("due_date"),
      /** Choice list taskStates: todo, started, done, sleeping, cancelled. */
      state: text("state").notNull().default("todo"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("tasks_user_idx").on(t.userId, t.startDate),
      index("tasks_owner_idx").on(t.ownerType, t.ownerId),
      uniqueIndex("tasks_auto_key")
        .on(t.ownerType, t.ownerId, t.autoType)
        .where(sql`${t.autoType} is not null`),
    ],
  );

  return { tasks };
}
