import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import { type calendarTables } from "./calendar";
import { type outboxTables } from "./outbox";
import { type userTables } from "./users";

type Calendar = ReturnType<typeof calendarTables>;

/**
 * Reminders to clients and calendar feeds (issue 15 §6–7): the centre's defaults, each reminder a
 * client was sent (with its "cannot come" link), and each user's secret feed.
 */
export function clientReminderTables(
  s: PgSchema,
  deps: {
    users: ReturnType<typeof userTables>["users"];
    calendarEntries: Calendar["calendarEntries"];
    calendarGuests: Calendar["calendarGuests"];
    mails: ReturnType<typeof outboxTables>["mails"];
    smsMessages: ReturnType<typeof outboxTables>["smsMessages"];
  },
) {
  /** One row: what applies when an entry type says nothing, and what feeds may show. */
  const calendarSettings = s.table(
    "calendar_settings",
    {
      id: integer("id").primaryKey().default(1),
      /** Hours before an appointment a client guest is reminded; null: no reminders unless the type says so. */
      remindHours: integer("remind_hours"),
      /** Choice list reminderChannels: sms, email, both. */
      remindChannel: text("remind_channel").notNull().default("sms"),
      /** Whether calendar feeds name the client; otherwise an entry with a client reads "Appointment". */
      feedClientNames: boolean("feed_client_names").notNull().default(false),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      check("calendar_settings_single_row", sql`${t.id} = 1`),
      check("calendar_settings_remind_hours", sql`${t.remindHours} between 1 and 336`),
    ],
  );

  /**
   * A reminder sent to a client guest for the entry's start at that time: never a second one for the
   * same start; a moved entry gets a new one. Its "cannot come" link names this row.
   */
  const clientReminders = s.table(
    "client_reminders",
    {
      id: serial("id").primaryKey(),
      guestId: integer("guest_id")
        .notNull()
        .references(() => deps.calendarGuests.id),
      entryId: integer("entry_id")
        .notNull()
        .references(() => deps.calendarEntries.id),
      /** The entry's start the reminder announced; the link expires then. */
      startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
      mailId: bigint("mail_id", { mode: "number" }).references(() => deps.mails.id, { onDelete: "set null" }),
      smsId: bigint("sms_id", { mode: "number" }).references(() => deps.smsMessages.id, { onDelete: "set null" }),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      /** When the client said through the link that they cannot come: a link works once. */
      usedAt: timestamp("used_at", { withTimezone: true }),
    },
    (t) => [
      uniqueIndex("client_reminders_key").on(t.guestId, t.startsAt),
      index("client_reminders_entry_idx").on(t.entryId),
    ],
  );

  /** A user's calendar feed: only the hash of its secret is kept; deleting the row revokes the address. */
  const calendarFeeds = s.table(
    "calendar_feeds",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      tokenHash: text("token_hash").notNull(),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      uniqueIndex("calendar_feeds_user_key").on(t.userId),
      uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    ],
  );

  return { calendarSettings, clientReminders, calendarFeeds };
}
