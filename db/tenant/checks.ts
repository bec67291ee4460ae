import { bigserial, boolean, index, integer, jsonb, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";
import { type userTables } from "./users";

/** What the data checkers found (domain-people §18). */
export function checksTables(s: PgSchema, deps: { users: ReturnType<typeof userTables>["users"] }) {
  /**
   * A problem a data checker found on one row. The message is stored as a key and parameters
   * and rendered in the reader's language.
   */
  const dataProblems = s.table(
    "data_problems",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      checker: text("checker").notNull(),
      ownerType: text("owner_type").notNull(),
      ownerId: integer("owner_id").notNull(),
      messageKey: text("message_key").notNull(),
      params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
      responsibleUserId: integer("responsible_user_id").references(() => deps.users.id, { onDelete: "set null" }),
      fixable: boolean("fixable").notNull().default(false),
      foundAt: timestamp("found_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index("data_problems_owner_idx").on(t.ownerType, t.ownerId),
      index("data_problems_responsible_idx").on(t.responsibleUserId),
      index("data_problems_checker_idx").on(t.checker),
    ],
  );

  return { dataProblems };
}
