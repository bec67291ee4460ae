import { sql } from "drizzle-orm";
import {
  bigserial,
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

/**
 * Small entities of a client's file (domain-people §3.8): dispenses from job search, exclusions
 * from unemployment benefit, convictions; and the record of merged duplicates (§5, beyond Lino).
 */
export function clientTables(s: PgSchema, deps: { partners: ReturnType<typeof contactTables>["partners"] }) {
  const clientId = () =>
    integer("client_id")
      .notNull()
      .references(() => deps.partners.id);
  const names = () => jsonb("names").$type<LocalizedText>().notNull();
  const version = () => integer("version").notNull().default(1);

  /** Health, studies, family reasons, other. */
  const dispenseReasons = s.table("dispense_reasons", {
    id: serial("id").primaryKey(),
    names: names(),
    version: version(),
  });

  const dispenses = s.table(
    "dispenses",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      reasonId: integer("reason_id").references(() => dispenseReasons.id),
      remarks: text("remarks").notNull().default(""),
      startDate: date("start_date"),
      endDate: date("end_date"),
      version: version(),
    },
    (t) => [
      index("dispenses_client_idx").on(t.clientId),
      check("dispenses_dates", sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    ],
  );

  /** "Appointment not kept", "ONEM requirements not met", … */
  const exclusionTypes = s.table("exclusion_types", {
    id: serial("id").primaryKey(),
    names: names(),
    version: version(),
  });

  const exclusions = s.table(
    "exclusions",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      typeId: integer("type_id").references(() => exclusionTypes.id),
      excludedFrom: date("excluded_from"),
      excludedUntil: date("excluded_until"),
      remark: text("remark").notNull().default(""),
      version: version(),
    },
    (t) => [
      index("exclusions_client_idx").on(t.clientId),
      check(
        "exclusions_dates",
        sql`${t.excludedUntil} is null or ${t.excludedFrom} is null or ${t.excludedUntil} >= ${t.excludedFrom}`,
      ),
    ],
  );

  const convictions = s.table(
    "convictions",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      date: date("date")
        .notNull()
        .default(sql`current_date`),
      prejudicial: boolean("prejudicial").notNull().default(false),
      designation: text("designation").notNull().default(""),
      version: version(),
    },
    (t) => [index("convictions_client_idx").on(t.clientId)],
  );

  /**
   * One row per merge of two duplicate clients: the removed client's row as it was, and which
   * rows moved to the kept client, so the merge can be reviewed afterwards.
   */
  const clientMerges = s.table(
    "client_merges",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
      userId: integer("user_id").notNull(),
      actingForId: integer("acting_for_id"),
      keptId: integer("kept_id")
        .notNull()
        .references(() => deps.partners.id),
      /** No foreign key: the merged client no longer exists. */
      mergedId: integer("merged_id").notNull(),
      mergedName: text("merged_name").notNull(),
      mergedRow: jsonb("merged_row").$type<Record<string, unknown>>().notNull(),
      /** Table name → ids of the rows that now belong to the kept client. */
      moved: jsonb("moved").$type<Record<string, number[]>>().notNull().default({}),
      /** Fields of the kept client filled from the merged one: field → { from, to }. */
      filled: jsonb("filled").$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
      reason: text("reason").notNull().default(""),
    },
    (t) => [index("client_merges_kept_idx").on(t.keptId, t.at)],
  );

  /**
   * A card read the browser is waiting for (domain-people §7): the page opens a read with a random
   * token, the reader helper posts the card under that token, the page picks it up. Single use and
   * short-lived: the card (personal data) is deleted when picked up or expired.
   */
  const eidCardReads = s.table(
    "eid_card_reads",
    {
      /** SHA-256 of the token, so the table alone does not let anyone post a card. */
      tokenHash: text("token_hash").primaryKey(),
      userId: integer("user_id").notNull(),
      /** The JSON as posted, kept as text: reader helpers send NUL characters that jsonb refuses. */
      card: text("card"),
      expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    },
    (t) => [index("eid_card_reads_expires_idx").on(t.expiresAt)],
  );

  return { dispenseReasons, dispenses, exclusionTypes, exclusions, convictions, clientMerges, eidCardReads };
}
