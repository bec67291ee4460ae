import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  time,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type userTables } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The text search configuration of a note's language: French, Dutch and German stemming, `simple`
 * (no stemming) otherwise. A CASE of constants keeps the generated column's expression immutable.
 */
export const NOTE_SEARCH_CONFIGS = { fr: "french", nl: "dutch", de: "german" } as const;
const searchConfig = sql.raw(
  `case language ${Object.entries(NOTE_SEARCH_CONFIGS)
    .map(([lang, config]) => `when '${lang}' then '${config}'::regconfig`)
    .join(" ")} else 'simple'::regconfig end`,
);
/** The body is sanitised HTML: tags and entities become spaces, so that words stay apart. */
const searchDocument = sql.raw(
  `coalesce(subject, '') || ' ' || regexp_replace(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'), '&[#a-zA-Z0-9]+;', ' ', 'g')`,
);

/** Notes (domain-people §12): observations about a client, with their types and event types. */
export function noteTables(
  s: PgSchema,
  deps: {
    partners: ReturnType<typeof contactTables>["partners"];
    roles: ReturnType<typeof contactTables>["roles"];
    users: ReturnType<typeof userTables>["users"];
  },
) {
  /** "Note type (content)": decision, convention, summons, first meeting… */
  const noteTypes = s.table("note_types", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /** Notes of this type are important unless their author says otherwise (shown in red on the client). */
    important: boolean("important").notNull().default(false),
    remark: text("remark").notNull().default(""),
    /** Choice list noteSpecialTypes (Welfare: "first meeting"). */
    specialType: text("special_type"),
    /** The body of the mails written from a note of this type, in each language (server/outbox/templates.ts). */
    mailTemplate: jsonb("mail_template").$type<LocalizedText>(),
    version: integer("version").notNull().default(1),
  });

  /** "Event type (form)": phone call, home visit, letter, e-mail… */
  const noteEventTypes = s.table(
    "note_event_types",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      remark: text("remark").notNull().default(""),
      /** A template of the note's body in each language. */
      body: jsonb("body").$type<LocalizedText>(),
      /** The type of the notes the system writes (Lino's SiteConfig.system_note_type): at most one. */
      system: boolean("system").notNull().default(false),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      uniqueIndex("note_event_types_one_system")
        .on(t.system)
        .where(sql`${t.system}`),
    ],
  );

  const notes = s.table(
    "notes",
    {
      id: serial("id").primaryKey(),
      date: date("date").notNull(),
      time: time("time"),
      typeId: integer("type_id").references(() => noteTypes.id),
      eventTypeId: integer("event_type_id").references(() => noteEventTypes.id),
      subject: text("subject").notNull().default(""),
      /** Sanitised HTML (server/notes/sanitize.ts), written only through the sanitiser. */
      body: text("body").notNull().default(""),
      /** The client the note is about (Lino's `project`). */
      clientId: integer("client_id").references(() => deps.partners.id),
      /** What the note belongs to: ("client", 42), ("household", 7), ("coaching", 3). */
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      /** The recipient: an organisation and one of its contact persons. */
      companyId: integer("company_id").references(() => deps.partners.id),
      contactPersonId: integer("contact_person_id").references(() => deps.roles.id, { onDelete: "set null" }),
      /** The author. */
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      language: text("language").notNull(),
      important: boolean("important").notNull().default(false),
      /** Subject and body, stemmed in the note's language; GIN-indexed for the full-text search. */
      search: tsvector("search").generatedAlwaysAs(sql`to_tsvector(${searchConfig}, ${searchDocument})`),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      // Notes by client, newest first; the important ones of a client for its overview.
      // Lists sort newest first, then by id (server/resources/query.ts): these indexes give that order.
      index("notes_client_idx").on(t.clientId, t.date.desc(), t.time.desc(), t.id),
      index("notes_user_idx").on(t.userId, t.date.desc(), t.time.desc(), t.id),
      // Every note newest first (Explorer), and a search for a common word: PostgreSQL walks the notes
      // by date and stops at the page's last match instead of sorting every match.
      index("notes_date_idx").on(t.date.desc(), t.time.desc(), t.id),
      index("notes_type_idx").on(t.typeId, t.date),
      index("notes_event_type_idx").on(t.eventTypeId),
      index("notes_owner_idx").on(t.ownerType, t.ownerId),
      index("notes_company_idx").on(t.companyId),
      index("notes_contact_person_idx").on(t.contactPersonId),
      // Without the pending list of fast updates: each search scans the index once per language, and a
      // pending list (up to 4 MB until autovacuum folds it in) cost 3 to 7 ms per scan at a million
      // notes (npm run bench). Notes are written one at a time; each insert updates the index itself.
      index("notes_search_idx").using("gin", t.search).with({ fastupdate: false }),
    ],
  );

  return { noteTypes, noteEventTypes, notes };
}
