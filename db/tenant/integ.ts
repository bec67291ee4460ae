import { sql } from "drizzle-orm";
import {
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
import { type calendarTables } from "./calendar";
import { type contactTables } from "./contacts";
import { type cvTables } from "./cv";

type Deps = {
  partners: ReturnType<typeof contactTables>["partners"];
  entryTypes: ReturnType<typeof calendarTables>["entryTypes"];
  cvEducationLevels: ReturnType<typeof cvTables>["cvEducationLevels"];
};

/** The integration service's ESF summaries (domain-integ-money §2.10, Lino's `esf`, "Fiche stagiaire"). */
export function integTables(s: PgSchema, deps: Deps) {
  /** Which statistical field (§2.10 StatisticalFields) the presences at entries of a calendar entry type count in. */
  const esfEntryTypes = s.table("esf_entry_types", {
    id: serial("id").primaryKey(),
    entryTypeId: integer("entry_type_id")
      .notNull()
      .unique()
      .references(() => deps.entryTypes.id),
    field: text("field").notNull(),
    version: integer("version").notNull().default(1),
  });

  /** A client's yearly ESF summary: their situation, and the minutes of integration work per statistical field. */
  const esfSummaries = s.table(
    "esf_summaries",
    {
      id: serial("id").primaryKey(),
      clientId: integer("client_id")
        .notNull()
        .references(() => deps.partners.id),
      year: integer("year").notNull(),
      educationLevelId: integer("education_level_id").references(() => deps.cvEducationLevels.id),
      childrenAtCharge: integer("children_at_charge").notNull().default(0),
      certifiedHandicap: boolean("certified_handicap").notNull().default(false),
      otherDifficulty: boolean("other_difficulty").notNull().default(false),
      /** The participation certificate (choice list `esfResults`), none until the year's result is known. */
      result: text("result"),
      remark: text("remark").notNull().default(""),
      /** Minutes per statistical field ("10" … "70"), as last computed. */
      minutes: jsonb("minutes").$type<Record<string, number>>().notNull().default({}),
      /** Set when a user edits the figures: recomputation then leaves the summary alone (§2.10). */
      userModified: boolean("user_modified").notNull().default(false),
      computedAt: timestamp("computed_at", { withTimezone: true }),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      uniqueIndex("esf_summaries_client_year_key").on(t.clientId, t.year),
      index("esf_summaries_year_idx").on(t.year, t.clientId),
      check("esf_summaries_year", sql`${t.year} between 1900 and 2999`),
      check("esf_summaries_children", sql`${t.childrenAtCharge} >= 0`),
    ],
  );

  return { esfEntryTypes, esfSummaries };
}
