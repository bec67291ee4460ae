import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  uniqueIndex,
  type AnyPgColumn,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type userTables } from "./users";

/** Coachings: which agents of which service accompany a client, and when (domain §8). */
export function coachingTables(
  s: PgSchema,
  deps: {
    partners: ReturnType<typeof contactTables>["partners"];
    users: ReturnType<typeof userTables>["users"];
    /** Typed loosely: the calendar's tables refer to users, which refer back to coaching types. */
    guestRoles: { id: AnyPgColumn };
  },
) {
  /** Services ("coaching types"): general social service, integration service, debt mediation… */
  const coachingTypes = s.table("coaching_types", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    doesIntegration: boolean("does_integration").notNull().default(false),
    doesGss: boolean("does_gss").notNull().default(false),
    /** The role its coaches have when invited to a contract's evaluation meetings (§10.3); none: not invited. */
    evalGuestRoleId: integer("eval_guest_role_id").references(() => deps.guestRoles.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
  });

  const coachingEndings = s.table("coaching_endings", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /** Only for coachings of this service, when set. */
    coachingTypeId: integer("coaching_type_id").references(() => coachingTypes.id),
    version: integer("version").notNull().default(1),
  });

  const coachings = s.table(
    "coachings",
    {
      id: serial("id").primaryKey(),
      clientId: integer("client_id")
        .notNull()
        .references(() => deps.partners.id),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      coachingTypeId: integer("coaching_type_id").references(() => coachingTypes.id),
      startDate: date("start_date").notNull(),
      endDate: date("end_date"),
      primary: boolean("primary").notNull().default(false),
      endingId: integer("ending_id").references(() => coachingEndings.id),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("coachings_client_idx").on(t.clientId),
      // Covers "clients coached by a user in a period" (an index-only semi-join).
      index("coachings_user_idx").on(t.userId, t.clientId, t.startDate, t.endDate, t.primary),
      // The coachings started since a day: newcomers' "new clients" of the month (domain-people §9.1).
      index("coachings_start_idx").on(t.startDate, t.clientId),
      // Lino's single-primary rule: at most one primary coaching per client.
      uniqueIndex("coachings_one_primary")
        .on(t.clientId)
        .where(sql`${t.primary}`),
      check("coachings_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    ],
  );

  return { coachingTypes, coachingEndings, coachings };
}
