import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";
import { byStaffName } from "@/server/users/sql";

/** SQL about coachings that other areas' lists and checks use (domain-people §3.5, §8). */

type P = TenantTables["partners"];

/** Coachings active on a period: started by its end, not ended before its start. */
export const coachingActive = (t: TenantTables, from: string | SQL, to: string | SQL): SQL =>
  sql`${q(t.coachings.startDate)} <= ${to} and (${q(t.coachings.endDate)} is null or ${q(t.coachings.endDate)} >= ${from})`;

/** Names of the users coaching the client today, as "Hubert Huppertz, Mélanie Mélard". */
export const coachesToday = (
  p: P,
  t: TenantTables,
): SQL<string> => sql<string>`(select string_agg(trim(${q(t.users.firstName)} || ' ' || ${q(t.users.lastName)}), ', ' order by ${sql.join(byStaffName({ lastName: q(t.users.lastName), firstName: q(t.users.firstName) }), sql`, `)})
  from ${t.coachings} join ${t.users} on ${q(t.users.id)} = ${q(t.coachings.userId)}
  where ${q(t.coachings.clientId)} = ${q(p.id)} and ${coachingActive(t, sql`current_date`, sql`current_date`)})`;

/**
 * The user of the client's primary coaching, or null (Lino's `primary_coach`). The database keeps
 * at most one primary coaching per client, so "the unique primary coaching" is simply that one.
 */
export const primaryCoachOf = (t: TenantTables, clientId: SQLWrapper): SQL<number | null> =>
  sql<
    number | null
  >`(select ${q(t.coachings.userId)} from ${t.coachings} where ${q(t.coachings.clientId)} = ${clientId} and ${q(t.coachings.primary)})`;
