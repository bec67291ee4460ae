import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import { type documentTables } from "./documents";
import { type userTables } from "./users";

/** Editing a printed document in place over WebDAV (issue 14 §5): the edit links and the versions they saved. */
export function davTables(
  s: PgSchema,
  deps: {
    excerpts: ReturnType<typeof documentTables>["excerpts"];
    users: ReturnType<typeof userTables>["users"];
  },
) {
  /**
   * An edit link's token (`/dav/<token>/<file>`): the office program cannot send our session cookie,
   * so the link is the credential. Only its SHA-256 is kept; it is good for one user, one document,
   * until it expires or is revoked.
   */
  const davTokens = s.table(
    "dav_tokens",
    {
      id: serial("id").primaryKey(),
      tokenHash: text("token_hash").notNull(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      excerptId: integer("excerpt_id")
        .notNull()
        .references(() => deps.excerpts.id),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
      revoked: boolean("revoked").notNull().default(false),
    },
    (t) => [uniqueIndex("dav_tokens_hash").on(t.tokenHash), index("dav_tokens_excerpt_idx").on(t.excerptId)],
  );

  /** Each state of a printed document once it was edited: the print (1), then each save; the excerpt holds the newest. */
  const excerptVersions = s.table(
    "excerpt_versions",
    {
      id: serial("id").primaryKey(),
      excerptId: integer("excerpt_id")
        .notNull()
        .references(() => deps.excerpts.id),
      /** 1 for the print itself, then one more for each save that replaced it. */
      number: integer("number").notNull(),
      storageKey: text("storage_key").notNull().unique(),
      fileSize: bigint("file_size", { mode: "number" }).notNull(),
      /** Who made this state (the printer, or the editor who saved it) and when. */
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      madeAt: timestamp("made_at", { withTimezone: true }).notNull(),
    },
    (t) => [uniqueIndex("excerpt_versions_number").on(t.excerptId, t.number)],
  );
  /**
   * The WebDAV locks of the documents being edited (RFC 4918 LOCK), shared by every instance of the
   * application: the lock token, the node locked (the link's folder or the document in it), its
   * scope, depth, owner and user, and when it expires. An expired row is no lock; it is deleted
   * when its document's locks are next read.
   */
  const davLocks = s.table(
    "dav_locks",
    {
      /** The lock token webdav-server made (`urn:uuid:…`), answered in `Lock-Token` and sent back in `If`. */
      token: text("token").primaryKey(),
      excerptId: integer("excerpt_id")
        .notNull()
        .references(() => deps.excerpts.id),
      /** The document itself, or the folder `/dav/<token>/` holding it. */
      onFile: boolean("on_file").notNull(),
      /** `exclusive` or `shared`; the type is always `write` (the only one RFC 4918 defines). */
      scope: text("scope").notNull(),
      lockType: text("lock_type").notNull().default("write"),
      /** 0, or -1 for infinity. */
      depth: integer("depth").notNull(),
      /** The WebDAV user who took it (the edit link's user), and the owner element the client sent, as parsed. */
      userUid: text("user_uid"),
      owner: jsonb("owner").$type<unknown>(),
      timeoutSeconds: integer("timeout_seconds").notNull(),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    },
    (t) => [index("dav_locks_excerpt_idx").on(t.excerptId, t.expiresAt)],
  );
  /**
   * The WebDAV dead properties of the documents being edited (RFC 4918 PROPPATCH: office programs
   * set some), shared by every instance of the application: per document and node (the link's
   * folder or the document in it), the property's name as webdav-server spells it (its namespace,
   * then its local name), its value (text, or the XML elements as parsed) and its attributes.
   * They go with the document.
   */
  const davProperties = s.table(
    "dav_properties",
    {
      id: serial("id").primaryKey(),
      excerptId: integer("excerpt_id")
        .notNull()
        .references(() => deps.excerpts.id),
      /** The document itself, or the folder `/dav/<token>/` holding it. */
      onFile: boolean("on_file").notNull(),
      name: text("name").notNull(),
      value: jsonb("value").$type<unknown>().notNull(),
      attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
      updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [uniqueIndex("dav_properties_name").on(t.excerptId, t.onFile, t.name)],
  );
  return { davTokens, excerptVersions, davLocks, davProperties };
}
