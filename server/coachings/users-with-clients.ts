import { asc, ne, sql } from "drizzle-orm";
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
  const co = t.coachings;
  const p = t.partners;
  const contracts = CONTRACT_KINDS.map((k) => {
    const c = k.contracts(t);
    return sql`select ${k.kind}::text as kind, ${q(c.clientId)} as client_id from ${c} where ${contractActiveIn(c, today, today)}`;
  });
  // One statement: each agent's clients coached today (a client coached twice counts once, obsolete
  // ones not), counted by phase, then the same clients by kind of contract active today. The users
  // (their type) are joined last, to the few aggregated rows: joined first, the planner misjudges
  // how many coachings they keep and probes the clients one by one.
  const rows = await db.execute<{
    user_id: number;
    first_name: string | null;
    last_name: string | null;
    username: string;
    phase: number | null;
    kind: string | null;
    total: number;
    primary: number;
    active: number;
  }>(sql`
    with coached as (
      select co.user_id, co.client_id, co.is_primary, ${q(p.groupId)} as phase,
        coalesce(${q(t.personGroups.active)}, false) as phase_active
      from (select ${q(co.userId)} as user_id, ${q(co.clientId)} as client_id, bool_or(${q(co.primary)}) as is_primary
            from ${co} where ${coachingActive(t, today, today)} group by 1, 2) co
        join ${p} on ${q(p.id)} = co.client_id and ${q(p.isClient)} and not ${q(p.isObsolete)}
        left join ${t.personGroups} on ${q(t.personGroups.id)} = ${q(p.groupId)}),
    counts as (
      select user_id, phase, null::text as kind, count(*) as total,
        count(*) filter (where is_primary) as "primary", count(*) filter (where is_primary and phase_active) as active
      from coached group by user_id, phase
      union all
      select coached.user_id, null, k.kind, count(*), 0, 0
      from coached join (select distinct kind, client_id from (${sql.join(contracts, sql` union all `)}) a) k
        on k.client_id = coached.client_id
      group by coached.user_id, k.kind)
    select counts.*, u.first_name, u.last_name, u.username
    from counts join ${t.users} u on u.id = counts.user_id
    where u.user_type in (${sql.join(
      types.map((type) => sql`${type}`),
      sql`, `,
    )})
    order by u.username, u.id`);
  const users = new Map<number, UserWithClients>();
  for (const r of rows.rows) {
    const id = Number(r.user_id);
    const u = users.get(id) ?? {
      userId: id,
      name: [r.first_name, r.last_name].filter(Boolean).join(" ") || r.username,
      byPhase: {},
      byKind: {},
      primary: 0,
      active: 0,
      total: 0,
    };
    users.set(id, u);
    if (r.kind !== null) {
      u.byKind[r.kind] = Number(r.total);
      continue;
    }
    if (r.phase !== null) u.byPhase[Number(r.phase)] = Number(r.total);
    u.primary += Number(r.primary);
    u.active += Number(r.active);
    u.total += Number(r.total);
  }
  return {
    kinds: CONTRACT_KINDS.map((k) => ({ kind: k.kind, label: k.label })),
    phases: phases.map((p) => ({ id: p.id, refName: p.refName, names: p.names as LocalizedText })),
    users: [...users.values()],
  };
}
