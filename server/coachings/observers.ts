import { asc, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { coachingActive } from "./sql";
import { qualified as q } from "@/server/resources/query";
import { byStaffName } from "@/server/users/sql";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * Who is told about changes to a client (domain-people §8): every user flagged as coaching
 * supervisor, and every user coaching the client today.
 */
const isObserverOf = (t: TenantTables, clientId: SQLWrapper): SQL =>
  sql`(${q(t.users.coachingSupervisor)} or exists (select 1 from ${t.coachings} where ${q(t.coachings.userId)} = ${q(t.users.id)}
    and ${q(t.coachings.clientId)} = ${clientId} and ${coachingActive(t, sql`current_date`, sql`current_date`)}))`;

/** The client's observers, by name (for the notification area). */
export async function clientObservers({ db, t }: Pick<TenantHandle, "db" | "t">, clientId: number) {
  return db
    .select({ id: t.users.id, username: t.users.username, firstName: t.users.firstName, lastName: t.users.lastName })
    .from(t.users)
    .where(isObserverOf(t, sql`${clientId}`))
    .orderBy(...byStaffName(t.users), asc(t.users.id));
}

/** Their names as one text, "Hubert Huppertz, Mélanie Mélard", for the client detail. */
export const clientObserverNames = (t: TenantTables, clientId: SQLWrapper): SQL<string> =>
  sql<string>`(select string_agg(trim(${q(t.users.firstName)} || ' ' || ${q(t.users.lastName)}), ', ' order by ${sql.join(byStaffName({ lastName: q(t.users.lastName), firstName: q(t.users.firstName) }), sql`, `)})
    from ${t.users} where ${isObserverOf(t, clientId)})`;
