import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, serial, text, timestamp, uniqueIndex, type PgSchema } from "drizzle-orm/pg-core";
import { type userTables } from "./users";

/**
 * Tasks (domain-people §10.5) and data problems (§18): things a user has to do. The calendar
 * issue shows tasks; the client file creates the automatic ones (§3.4).
 */
export function taskTables(s: PgSchema, deps: { users: ReturnType<typeof userTables>["users"] }) {
  const tasks = s.table("tasks", {
    id: serial("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => deps.users.id),
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
  }, (t) => [
    index("tasks_user_idx").on(t.userId, t.startDate),
    index("tasks_owner_idx").on(t.ownerType, t.ownerId),
    uniqueIndex("tasks_auto_key").on(t.ownerType, t.ownerId, t.autoType).where(sql`${t.autoType} is not null`),
  ]);

  /**
   * A problem a data checker found on one row. The message is stored as a key and parameters
   * and rendered in the reader's language.
   */
  const dataProblems = s.table("data_problems", {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    checker: text("checker").notNull(),
    ownerType: text("owner_type").notNull(),
    ownerId: integer("owner_id").notNull(),
    messageKey: text("message_key").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    responsibleUserId: integer("responsible_user_id").references(() => deps.users.id, { onDelete: "set null" }),
    fixable: boolean("fixable").notNull().default(false),
    foundAt: timestamp("found_at", { withTimezone: true }).notNull().defaultNow(),
  }, (t) => [
    index("data_problems_owner_idx").on(t.ownerType, t.ownerId),
    index("data_problems_responsible_idx").on(t.responsibleUserId),
    index("data_problems_checker_idx").on(t.checker),
  ]);

  return { tasks, dataProblems };
}
