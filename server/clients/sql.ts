import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { qualified as q } from "@/server/resources/query";

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

/**
 * Age in whole years from a birth date whose month or day may be unknown (00), counted from the
 * earliest day it can be. A stored text that is no birth date (`2026-02-30`, written before the
 * rule or by an import; server/clients/rules/incomplete-date.ts) has no age: the nested CASEs
 * check it before anything is cast, so that one bad row never makes a list fail.
 */
export const ageInYears = (p: P): SQL<number | null> => {
  const part = (from: number, length: number) =>
    sql`substr(${p.birthDate}, ${sql.raw(String(from))}, ${sql.raw(String(length))})::int`;
  const [year, month, day] = [part(1, 4), part(6, 2), part(9, 2)];
  const leap = sql`(${year} % 4 = 0 and (${year} % 100 <> 0 or ${year} % 400 = 0))`;
  const daysInMonth = sql`case when ${month} = 2 then case when ${leap} then 29 else 28 end when ${month} in (4, 6, 9, 11) then 30 else 31 end`;
  return sql<number | null>`case when ${p.birthDate} ~ '^[0-9]{4}-(00-00|(0[1-9]|1[0-2])-([0-2][0-9]|3[01]))$' then
    case when ${year} > 0 and ${day} <= ${daysInMonth} then extract(year from age(current_date, make_date(${year}, greatest(${month}, 1), greatest(${day}, 1))))::int end end`;
};
