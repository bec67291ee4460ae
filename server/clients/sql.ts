import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";
import { byStaffName } from "@/server/users/sql";

/** SQL for the computed columns of partners and clients (domain-people §0, §3.5). */

type P = TenantTables["partners"];

/** "EVERS Eberhart (127)"; obsolete clients get a star: "DENON Denis (180*)". */
export const clientDisplayName = (p: P): SQL<string> =>
  sql<string>`upper(${p.lastName}) || ' ' || ${p.firstName} || ' (' || ${p.id} || case when ${p.isObsolete} then '*' else '' end || ')'`;

/** The display name of the client whose id is `id` (an outer row's column, fully qualified). */
export const clientNameOf = (t: TenantTables, id: SQLWrapper): SQL<string> =>
  sql<string>`(select ${clientDisplayName(t.partners)} from ${t.partners} where ${q(t.partners.id)} = ${id})`;

/** Street, number and box, then postal code and place: one line. */
export const addressLine = (p: P, t: TenantTables): SQL<string> => sql<string>`concat_ws(', ',
  nullif(trim(${p.street} || ' ' || ${p.streetNo} || case when ${p.streetBox} <> '' then ' / ' || ${p.streetBox} else '' end), ''),
  nullif(trim(${p.zipCode} || ' ' || coalesce((select coalesce(nullif(${t.places.names}->>'fr', ''), ${t.places.names}->>'de', ${t.places.names}->>'nl') from ${t.places} where ${q(t.places.id)} = ${q(p.placeId)}), '')), ''))`;

/** Age in whole years from a birth date whose month or day may be unknown (00). */
export const ageInYears = (p: P): SQL<number | null> => sql<number | null>`case when ${p.birthDate} is null then null else
  extract(year from age(current_date, make_date(substr(${p.birthDate}, 1, 4)::int, greatest(substr(${p.birthDate}, 6, 2)::int, 1), greatest(substr(${p.birthDate}, 9, 2)::int, 1))))::int end`;

/** Coachings active on a period: started by its end, not ended before its start. */
export const coachingActive = (t: TenantTables, from: string | SQL, to: string | SQL): SQL =>
  sql`${q(t.coachings.startDate)} <= ${to} and (${q(t.coachings.endDate)} is null or ${q(t.coachings.endDate)} >= ${from})`;

/** Names of the users coaching the client today, as "Hubert Huppertz, Mélanie Mélard". */
export const coachesToday = (p: P, t: TenantTables): SQL<string> => sql<string>`(select string_agg(trim(${q(t.users.firstName)} || ' ' || ${q(t.users.lastName)}), ', ' order by ${sql.join(byStaffName({ lastName: q(t.users.lastName), firstName: q(t.users.firstName) }), sql`, `)})
  from ${t.coachings} join ${t.users} on ${q(t.users.id)} = ${q(t.coachings.userId)}
  where ${q(t.coachings.clientId)} = ${q(p.id)} and ${coachingActive(t, sql`current_date`, sql`current_date`)})`;

/**
 * The user of the client's primary coaching, or null (Lino's `primary_coach`). The database keeps
 * at most one primary coaching per client, so "the unique primary coaching" is simply that one.
 */
export const primaryCoachOf = (t: TenantTables, clientId: SQLWrapper): SQL<number | null> =>
  sql<number | null>`(select ${q(t.coachings.userId)} from ${t.coachings} where ${q(t.coachings.clientId)} = ${clientId} and ${q(t.coachings.primary)})`;
