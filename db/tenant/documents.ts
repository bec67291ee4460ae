import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type userTables } from "./users";

/** Printing (domain-people §14): document types (Lino's excerpt types), excerpts and the centre's letterhead. */
export function documentTables(
  s: PgSchema,
  deps: { partners: ReturnType<typeof contactTables>["partners"]; users: ReturnType<typeof userTables>["users"] },
) {
  /** What can be printed from which kind of record, and how (Lino's ExcerptType). */
  const excerptTypes = s.table(
    "excerpt_types",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      /** Which kind of record it prints (choice list documentContentTypes: "client"). */
      contentType: text("content_type").notNull(),
      /** The template it fills (choice list documentTemplates: `templates/<template>/<lang>.docx`). */
      template: text("template").notNull(),
      /** The record kind's "Print" action prints this type; at most one per kind. */
      isPrimary: boolean("is_primary").notNull().default(false),
      /** A certifying print is reused until cleared and locks the owner's certified fields (§14.1). */
      certifying: boolean("certifying").notNull().default(false),
      /** The recipient's address block is printed. */
      printRecipient: boolean("print_recipient").notNull().default(false),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      uniqueIndex("excerpt_types_one_primary")
        .on(t.contentType)
        .where(sql`${t.isPrimary}`),
    ],
  );

  /** One print: who printed what, about which client, for whom, in which language, when, and the file made. */
  const excerpts = s.table(
    "excerpts",
    {
      id: serial("id").primaryKey(),
      typeId: integer("type_id")
        .notNull()
        .references(() => excerptTypes.id),
      /** What was printed, e.g. ("client", 12). */
      ownerType: text("owner_type").notNull(),
      ownerId: integer("owner_id").notNull(),
      /** The client it is about (Lino's `project`). */
      clientId: integer("client_id").references(() => deps.partners.id),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      recipientId: integer("recipient_id").references(() => deps.partners.id, { onDelete: "set null" }),
      language: text("language").notNull(),
      buildTime: timestamp("build_time", { withTimezone: true }).notNull().defaultNow(),
      /** Where the uploads storage keeps the generated file (server/uploads/storage.ts). */
      storageKey: text("storage_key").notNull().unique(),
      fileName: text("file_name").notNull(),
      fileSize: bigint("file_size", { mode: "number" }).notNull(),
      /**
       * Its PDF (server/documents/pdf): "none" when the server has no LibreOffice (the Word file only),
       * "pending" while the conversion job runs, "ready" (then kept under `pdfStorageKey`), "failed".
       */
      pdfState: text("pdf_state").notNull().default("none"),
      pdfStorageKey: text("pdf_storage_key").unique(),
      pdfFileSize: bigint("pdf_file_size", { mode: "number" }),
      /**
       * When "Clear printed" released a certifying print (§14.1): until then, printing its type again
       * for the same record reuses it, and the record's certified fields are locked.
       */
      clearedAt: timestamp("cleared_at", { withTimezone: true }),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      check("excerpts_pdf_state", sql`${t.pdfState} in ('none', 'pending', 'ready', 'failed')`),
      index("excerpts_user_idx").on(t.userId, t.buildTime),
      index("excerpts_client_idx").on(t.clientId, t.buildTime),
      index("excerpts_type_idx").on(t.typeId),
      index("excerpts_owner_idx").on(t.ownerType, t.ownerId, t.typeId),
    ],
  );

  /** The centre's letterhead (one row): its address and contact details under its name on every document. */
  const documentSettings = s.table(
    "document_settings",
    {
      id: integer("id").primaryKey().default(1),
      /** Street, postcode and place, one per line. */
      address: text("address").notNull().default(""),
      phone: text("phone").notNull().default(""),
      email: text("email").notNull().default(""),
      /** Where letters say they are written ("Eupen, den 22. Mai 2014"). */
      place: text("place").notNull().default(""),
      /** Who signs contracts for the centre by default (§2.3 SiteConfig signer1/signer2): its secretary, its president. */
      signer1Id: integer("signer1_id").references(() => deps.partners.id, { onDelete: "set null" }),
      signer2Id: integer("signer2_id").references(() => deps.partners.id, { onDelete: "set null" }),
      version: integer("version").notNull().default(1),
    },
    (t) => [check("document_settings_single_row", sql`${t.id} = 1`)],
  );
  /**
   * A centre's own template of a document in a language (uploaded by its administrators). Every
   * version uploaded is kept; the one marked current is used, none current means the default.
   */
  const documentTemplates = s.table(
    "document_templates",
    {
      id: serial("id").primaryKey(),
      template: text("template").notNull(),
      language: text("language").notNull(),
      storageKey: text("storage_key").notNull().unique(),
      fileName: text("file_name").notNull(),
      fileSize: bigint("file_size", { mode: "number" }).notNull(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      /** The version printed with now: at most one per template and language (none: the shipped default). */
      current: boolean("current").notNull().default(false),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("document_templates_idx").on(t.template, t.language, t.createdAt),
      uniqueIndex("document_templates_one_current")
        .on(t.template, t.language)
        .where(sql`${t.current}`),
    ],
  );
  /**
   * A mass print (issue 14 §6): one document type printed for rows a user selected in a list, made
   * by a job into one PDF (a zip of Word files without LibreOffice) that only this user downloads.
   */
  const massPrints = s.table(
    "mass_prints",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      typeId: integer("type_id")
        .notNull()
        .references(() => excerptTypes.id),
      /** The list the rows were selected in (a resource id) and the selected rows it lets the user see. */
      resource: text("resource").notNull(),
      rowIds: jsonb("row_ids").$type<number[]>().notNull(),
      /** "pending" (queued), "running", "ready" (the file is kept), "failed". */
      state: text("state").notNull().default("pending"),
      done: integer("done").notNull().default(0),
      total: integer("total").notNull(),
      /** "pdf", or "zip" of Word files where the server cannot make PDFs. */
      format: text("format").notNull(),
      storageKey: text("storage_key").unique(),
      fileSize: bigint("file_size", { mode: "number" }),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      finishedAt: timestamp("finished_at", { withTimezone: true }),
    },
    (t) => [
      check("mass_prints_state", sql`${t.state} in ('pending', 'running', 'ready', 'failed')`),
      check("mass_prints_format", sql`${t.format} in ('pdf', 'zip')`),
      index("mass_prints_user_idx").on(t.userId, t.createdAt),
      index("mass_prints_type_idx").on(t.typeId),
    ],
  );
  return { excerptTypes, excerpts, documentSettings, documentTemplates, massPrints };
}
