import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type userTables } from "./users";

/** Scanned documents (domain-people §13): their types, and the uploaded files with what they are about. */
export function uploadTables(
  s: PgSchema,
  deps: { partners: ReturnType<typeof contactTables>["partners"]; users: ReturnType<typeof userTables>["users"] },
) {
  const uploadTypes = s.table(
    "upload_types",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      /** Choice list uploadAreas: "10" contract, "90" general. */
      uploadArea: text("upload_area").notNull().default("90"),
      /** How many uploads of this type a client may have; −1 is unlimited. */
      maxNumber: integer("max_number").notNull().default(-1),
      /** A "+" shows on the client's summary while fewer than `max_number` exist. */
      wanted: boolean("wanted").notNull().default(false),
      /** Choice list uploadShortcuts: "idDocument" or empty. */
      shortcut: text("shortcut"),
      /** Choice list expiryUnits (daily, weekly, monthly, yearly), empty: no expiry reminder. */
      warnExpiryUnit: text("warn_expiry_unit"),
      warnExpiryValue: integer("warn_expiry_value").notNull().default(2),
      /** The body of the mails sending a document of this type, in each language (server/outbox/templates.ts). */
      mailTemplate: jsonb("mail_template").$type<LocalizedText>(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      check("upload_types_max_number", sql`${t.maxNumber} >= -1`),
      check("upload_types_warn_value", sql`${t.warnExpiryValue} between 0 and 1000`),
    ],
  );

  const uploads = s.table(
    "uploads",
    {
      id: serial("id").primaryKey(),
      /** Where the storage keeps the file inside the centre's folder (a generated name, never the user's). */
      storageKey: text("storage_key").notNull().unique(),
      /** The name the file had on the user's computer, sanitised; what a download is called. */
      fileName: text("file_name").notNull(),
      /** The type sniffed from the file's first bytes, not the one the browser declared. */
      mimeType: text("mime_type").notNull(),
      fileSize: bigint("file_size", { mode: "number" }).notNull(),
      typeId: integer("type_id")
        .notNull()
        .references(() => uploadTypes.id),
      description: text("description").notNull().default(""),
      /** Who uploaded it (Lino's `user`). */
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      /** The client the document is about (Lino's `project`). */
      clientId: integer("client_id")
        .notNull()
        .references(() => deps.partners.id),
      /** What it is attached to, e.g. ("note", 12); the client itself when empty. */
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      startDate: date("start_date"),
      endDate: date("end_date"),
      needed: boolean("needed").notNull().default(true),
      /** Issued by: an organisation and/or one of its contact persons. */
      companyId: integer("company_id").references(() => deps.partners.id),
      contactPersonId: integer("contact_person_id").references(() => deps.partners.id),
      remark: text("remark").notNull().default(""),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("uploads_client_idx").on(t.clientId, t.typeId),
      index("uploads_user_idx").on(t.userId, t.createdAt),
      index("uploads_owner_idx").on(t.ownerType, t.ownerId),
      index("uploads_end_date_idx")
        .on(t.endDate)
        .where(sql`${t.needed}`),
      check("uploads_dates", sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
      check("uploads_file_size", sql`${t.fileSize} >= 0`),
    ],
  );

  return { uploadTypes, uploads };
}
