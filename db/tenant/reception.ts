import { integer, serial, text, timestamp, uniqueIndex, type PgSchema } from "drizzle-orm/pg-core";

/** The reception's own tables (domain-people §11); its visits are calendar entries and guests. */
export function receptionTables(s: PgSchema) {
  /**
   * A lounge screen showing the waiting room (the public board), signed in by its token: only the
   * token's hash finds it; the token itself is kept encrypted for the administrators to copy its address.
   */
  const receptionDisplays = s.table(
    "reception_displays",
    {
      id: serial("id").primaryKey(),
      name: text("name").notNull(),
      /** Choice list boardLabels: how a visitor is named on the screen, "ticket" or "firstName". */
      shows: text("shows").notNull().default("ticket"),
      tokenHash: text("token_hash").notNull(),
      tokenEnc: text("token_enc").notNull(),
      revokedAt: timestamp("revoked_at", { withTimezone: true }),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [uniqueIndex("reception_displays_token").on(t.tokenHash)],
  );
  return { receptionDisplays };
}
