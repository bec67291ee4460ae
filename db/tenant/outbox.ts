import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";
import { type contactTables } from "./contacts";
import { type uploadTables } from "./uploads";
import { type userTables } from "./users";

/** E-mails the centre sends (domain-people §15) and the mail server it sends them through. */
export function outboxTables(
  s: PgSchema,
  deps: {
    users: ReturnType<typeof userTables>["users"];
    partners: ReturnType<typeof contactTables>["partners"];
    uploads: ReturnType<typeof uploadTables>["uploads"];
  },
) {
  /** The centre's SMTP server (one row); the password is stored encrypted (server/crypto). */
  const mailSettings = s.table(
    "mail_settings",
    {
      id: integer("id").primaryKey().default(1),
      enabled: boolean("enabled").notNull().default(false),
      host: text("host").notNull().default(""),
      port: integer("port").notNull().default(587),
      /** tls (implicit, 465), starttls (587) or none (a relay on the local network). */
      security: text("security").notNull().default("starttls"),
      username: text("username").notNull().default(""),
      passwordEnc: text("password_enc"),
      fromAddress: text("from_address").notNull().default(""),
      fromName: text("from_name").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [check("mail_settings_single_row", sql`${t.id} = 1`)],
  );

  /** One e-mail: written by a user (or by the centre itself, for notifications), queued, sent or failed. */
  const mails = s.table(
    "mails",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      /** Who sends it; empty for what the centre sends by itself (notifications, digests). */
      userId: integer("user_id").references(() => deps.users.id),
      clientId: integer("client_id").references(() => deps.partners.id),
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      subject: text("subject").notNull(),
      /** Plain text; what a mail reader shows. */
      body: text("body").notNull().default(""),
      /** draft, queued, sent, failed (server/outbox/choices.ts). */
      state: text("state").notNull().default("draft"),
      attempts: integer("attempts").notNull().default(0),
      /** The mail server's last refusal or the connection's failure, as it said it. */
      error: text("error"),
      /** The Message-ID the mail went out with. */
      messageId: text("message_id"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      sentAt: timestamp("sent_at", { withTimezone: true }),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("mails_user_idx").on(t.userId, t.createdAt),
      index("mails_client_idx").on(t.clientId, t.createdAt),
      index("mails_state_idx").on(t.state),
      // A returned mail names the mail it is about by its Message-ID (server/outbox/bounces.ts).
      index("mails_message_id_idx").on(t.messageId),
    ],
  );

  /** To whom a mail goes: to, cc or bcc. */
  const mailRecipients = s.table(
    "mail_recipients",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      mailId: bigint("mail_id", { mode: "number" })
        .notNull()
        .references(() => mails.id),
      kind: text("kind").notNull().default("to"),
      address: text("address").notNull(),
      name: text("name").notNull().default(""),
      partnerId: integer("partner_id").references(() => deps.partners.id, { onDelete: "set null" }),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("mail_recipients_mail_idx").on(t.mailId)],
  );
  /** A scanned document sent with a mail (§15: attachments from the object's uploads). */
  const mailAttachments = s.table(
    "mail_attachments",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      mailId: bigint("mail_id", { mode: "number" })
        .notNull()
        .references(() => mails.id),
      uploadId: integer("upload_id")
        .notNull()
        .references(() => deps.uploads.id),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("mail_attachments_mail_idx").on(t.mailId), index("mail_attachments_upload_idx").on(t.uploadId)],
  );

  /** The centre's SMS provider (one row): an API speaking Twilio's; the token is stored encrypted (server/crypto). */
  const smsSettings = s.table(
    "sms_settings",
    {
      id: integer("id").primaryKey().default(1),
      enabled: boolean("enabled").notNull().default(false),
      baseUrl: text("base_url").notNull().default("https://api.twilio.com"),
      accountSid: text("account_sid").notNull().default(""),
      tokenEnc: text("token_enc"),
      /** What the phone shows as the sender: a number in E.164 or up to 11 letters and digits. */
      senderId: text("sender_id").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [check("sms_settings_single_row", sql`${t.id} = 1`)],
  );

  /** One text message to a mobile number: written by a user, queued, sent or failed, like a mail. */
  const smsMessages = s.table(
    "sms_messages",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      userId: integer("user_id").references(() => deps.users.id),
      clientId: integer("client_id").references(() => deps.partners.id),
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      /** The mobile number in E.164 (server/integrations/sms/gsm.ts). */
      to: text("to").notNull().default(""),
      body: text("body").notNull().default(""),
      /** draft, queued, sent, failed (server/outbox/choices.ts). */
      state: text("state").notNull().default("draft"),
      attempts: integer("attempts").notNull().default(0),
      /** The provider's last refusal or the connection's failure, as it said it. */
      error: text("error"),
      /** The provider's reference of the message (Twilio: its `SM…` sid). */
      providerId: text("provider_id"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      sentAt: timestamp("sent_at", { withTimezone: true }),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("sms_messages_user_idx").on(t.userId, t.createdAt),
      index("sms_messages_client_idx").on(t.clientId, t.createdAt),
      index("sms_messages_state_idx").on(t.state),
    ],
  );
  return { mailSettings, mails, mailRecipients, mailAttachments, smsSettings, smsMessages };
}
