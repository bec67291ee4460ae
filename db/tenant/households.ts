import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";

/**
 * Households and human links (domain-people §4). A household is a partner of kind 'household'
 * (name, prefix, address live there); like Lino's Household subclass of Partner, its type lives in
 * a row of its own, so the partners table stays the contacts area's.
 */
export function householdTables(s: PgSchema, deps: { partners: ReturnType<typeof contactTables>["partners"] }) {
  const partnerId = (name: string) =>
    integer(name)
      .notNull()
      .references(() => deps.partners.id);

  /** Married couple, divorced couple, factual household, legal cohabitation, isolated, other. */
  const householdTypes = s.table("household_types", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    version: integer("version").notNull().default(1),
  });

  const households = s.table("households", {
    partnerId: partnerId("partner_id").primaryKey(),
    typeId: integer("type_id").references(() => householdTypes.id),
  });

  const householdMembers = s.table(
    "household_members",
    {
      id: serial("id").primaryKey(),
      householdId: partnerId("household_id"),
      personId: partnerId("person_id"),
      /** Choice list householdRoles: 01 head … 05 child (default) … 10 other. */
      role: text("role").notNull().default("05"),
      /** Choice list memberDependencies: 01 at full charge, 02 not at charge (default), 03 shared. */
      dependency: text("dependency").notNull().default("02"),
      /** The person's primary household; setting it unsets it on their other memberships. */
      primary: boolean("primary").notNull().default(false),
      startDate: date("start_date"),
      endDate: date("end_date"),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("household_members_household_idx").on(t.householdId),
      index("household_members_person_idx").on(t.personId),
      uniqueIndex("household_members_one_primary")
        .on(t.personId)
        .where(sql`${t.primary}`),
      check(
        "household_members_dates",
        sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`,
      ),
    ],
  );

  /** "parent is <type> of child"; symmetric types (spouse, sibling…) read the same both ways. */
  const humanLinks = s.table(
    "human_links",
    {
      id: serial("id").primaryKey(),
      parentId: partnerId("parent_id"),
      childId: partnerId("child_id"),
      /** Choice list linkTypes (values of LINK_TYPES in server/clients/rules/households.ts). */
      type: text("type").notNull(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("human_links_parent_idx").on(t.parentId),
      index("human_links_child_idx").on(t.childId),
      check("human_links_not_self", sql`${t.parentId} <> ${t.childId}`),
    ],
  );

  return { householdTypes, households, householdMembers, humanLinks };
}
