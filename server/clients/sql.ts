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

/** Age in whole years from a birth date whose month or day may be unknown (00). */
export const ageInYears = (p: P): SQL<number | null> => sql<number | null>`case when ${p.birthDate} is null then null else
  extract(year from age(current_date, make_date(substr(${p.birthDate}, 1, 4)::int, greatest(substr(${p.birthDate}, 6, 2)::int, 1), greatest(substr(${p.birthDate}, 9, 2)::int, 1))))::int end`;
