import { sql } from "drizzle-orm";
import { bigserial, index, integer, text, timestamp, uniqueIndex, type PgSchema } from "drizzle-orm/pg-core";
import { type userTables } from "./users";

/** Notification messages (domain-people §16). */
export function notifyTables(s: PgSchema, deps: { users: ReturnType<typeof userTables>["users"] }) {
  const notifyMessages = s.table(
    "notify_messages",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      /** The recipient. */
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      /** What the message is about (a client, a coaching, a note…), as the calendar's tasks say it. */
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      /** system, change, coachings, reception, notes (server/notify/choices.ts). */
      messageType: text("message_type").notNull(),
      /** Written in the recipient's language when the message was made. */
      subject: text("subject").notNull(),
      /** Plain text, one line per changed field. */
      body: text("body").notNull().default(""),
      /** The recipient's mail mode when the message was made: whether and how it goes by e-mail. */
      mailMode: text("mail_mode").notNull(),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      seenAt: timestamp("seen_at", { withTimezone: true }),
      sentAt: timestamp("sent_at", { withTimezone: true }),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("notify_messages_user_idx").on(t.userId, t.createdAt),
      // No second unseen message for the same user and owner (§16).
      uniqueIndex("notify_messages_unseen_owner_key")
        .on(t.userId, t.ownerType, t.ownerId)
        .where(sql`${t.seenAt} is null and ${t.ownerType} is not null`),
      index("notify_messages_unsent_idx")
        .on(t.userId)
        .where(sql`${t.sentAt} is null`),
    ],
  );
  return { notifyMessages };
}
