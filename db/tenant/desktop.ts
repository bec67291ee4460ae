import { sql } from "drizzle-orm";
import {
  boolean,
  integer,
  jsonb,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";

/** What the desktop remembers per user (grid layouts, hidden widgets) and per centre (extra choices). */
export function desktopTables(s: PgSchema) {
  /** One JSON value per user and key, e.g. `grid:geo.places` or `dashboard`. */
  const userPreferences = s.table(
    "user_preferences",
    {
      userId: integer("user_id").notNull(),
      key: text("key").notNull(),
      value: jsonb("value").$type<unknown>().notNull(),
      updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.userId, t.key] })],
  );

  /** Values a centre adds to a declared choice list, with their names in the four languages. */
  const choiceExtras = s.table(
    "choice_extras",
    {
      id: serial("id").primaryKey(),
      list: text("list").notNull(),
      value: text("value").notNull(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      active: boolean("active").notNull().default(true),
      version: integer("version").notNull().default(1),
    },
    (t) => [uniqueIndex("choice_extras_list_value_key").on(t.list, sql`lower(${t.value})`)],
  );

  return { userPreferences, choiceExtras };
}
