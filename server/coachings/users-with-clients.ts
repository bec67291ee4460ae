import { asc, inArray, ne, sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { SessionUser } from "@/server/auth/session";
import { ROLE_MATRIX, type UserType } from "@/server/auth/user-types";
import { CONTRACT_KINDS, contractActiveIn } from "@/server/isip/base";
import { qualified as q } from "@/server/resources/query";
import { coachingActive } from "./sql";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * "Users with their clients" (domain-people §8): for each integration agent coaching at least one
 * client on `today`, how many of those clients are in each integration phase (phases with a
 * reference name only), how many they coach as primary coach, how many of those are in an active
 * phase, and in all. Administrators are listed to administrators only. Obsolete clients are not
 * counted, like the client list the counts link to. Then, per contract kind (domain-integ-money §2.2:
 * the integration list's contract columns), how many of those clients have such a contract active today.
 */
export interface UserWithClients {
  userId: number;
  name: string;
  byPhase: Record<number, number>;
  /** Clients with an active contract today, by contract kind (`ContractKind.kind`). */
  byKind: Record<string, number>;
  primary: number;
  active: number;
  total: number;
}

const ADMIN_TYPES: readonly UserType[] = ROLE_MATRIX.SiteAdmin;

export async function usersWithClients(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  viewer: Pick<SessionUser, "roles">,
  today: string,
) {
  const phases = await db
    .select({ id: t.personGroups.id, refName: t.personGroups.refName, names: t.personGroups.names })
    .from(t.personGroups)
    .where(ne(t.personGroups.refName, ""))
    .orderBy(asc(t.personGroups.refName), asc(t.personGroups.id));
  const types = ROLE_MATRIX.IntegUser.filter((type) => viewer.roles.has("SiteAdmin") || !ADMIN_TYPES.includes(type));
  // One row per user and phase of the clients they coach today (a client coached twice counts once).
  const coached = db.$with("coached").as(
    db
      .select({
        userId: t.coachings.userId,
        clientId: t.coachings.clientId,
        primary: sql<boolean>`bool_or(${t.coachings.primary})`.as("is_primary"),
      })
      .from(t.coachings)
      .where(coachingActive(t, today, today))
      .groupBy(t.coachings.userId, t.coachings.clientId),
  );
  const rows = await db
    .with(coached)
    .select({
      userId: t.users.id,
      firstName: t.users.firstName,
      lastName: t.users.lastName,
      username: t.users.username,
      phase: t.partners.groupId,
      total: sql<number>`count(*)::int`,
      primary: sql<number>`(count(*) filter (where ${coached.primary}))::int`,
      active: sql<number>`(count(*) filter (where ${coached.primary} and coalesce(${t.personGroups.active}, false)))::int`,
    })
    .from(coached)
    .innerJoin(t.users, sql`${t.users.id} = ${coached.userId}`)
    .innerJoin(
      t.partners,
      sql`${t.partners.id} = ${coached.clientId} and ${t.partners.isClient} and not ${t.partners.isObsolete}`,
    )
    .leftJoin(t.personGroups, sql`${t.personGroups.id} = ${t.partners.groupId}`)
    .where(inArray(t.users.userType, [...types]))
    .groupBy(t.users.id, t.partners.groupId)
    .orderBy(asc(t.users.username));
  const users = new Map<number, UserWithClients>();
  for (const r of rows) {
    const u = users.get(r.userId) ?? {
      userId: r.userId,
      name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.username,
      byPhase: {},
      byKind: {},
      primary: 0,
      active: 0,
      total: 0,
    };
    if (r.phase !== null) u.byPhase[r.phase] = r.total;
    u.primary += r.primary;
    u.active += r.active;
    u.total += r.total;
    users.set(r.userId, u);
  }
  // The same clients (coached today, not obsolete), counted per kind of contract active today.
  const userIds = [...users.keys()];
  if (userIds.length) {
    const parts = CONTRACT_KINDS.map((k) => {
      const c = k.contracts(t);
      return sql`select ${k.kind}::text as kind, ${q(c.clientId)} as client_id from ${c} where ${contractActiveIn(c, today, today)}`;
    });
    const counts = await db.execute<{ user_id: number; kind: string; n: number }>(sql`
      select co.user_id, k.kind, count(distinct co.client_id)::int as n
      from (select distinct ${q(t.coachings.userId)} as user_id, ${q(t.coachings.clientId)} as client_id from ${t.coachings}
            where ${coachingActive(t, today, today)} and ${q(t.coachings.userId)} in (${sql.join(
              userIds.map((id) => sql`${id}`),
              sql`, `,
            )})) co
      join ${t.partners} p on p.id = co.client_id and p.is_client and not p.is_obsolete
      join (${sql.join(parts, sql` union all `)}) k on k.client_id = co.client_id
      group by co.user_id, k.kind`);
    for (const r of counts.rows) users.get(Number(r.user_id))!.byKind[r.kind] = Number(r.n);
  }
  return {
    kinds: CONTRACT_KINDS.map((k) => ({ kind: k.kind, label: k.label })),
    phases: phases.map((p) => ({ id: p.id, refName: p.refName, names: p.names as LocalizedText })),
    users: [...users.values()],
  };
}
