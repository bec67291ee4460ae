import { desc, inArray, sql } from "drizzle-orm";
import { resourceHref } from "@/lib/resources";
import { belgianToday } from "@/lib/format";
import type { Registry } from "@/server/area";
import type { SessionUser } from "@/server/auth/session";
import { can } from "@/server/resources/access";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { authoritiesOf } from "@/server/users/authorities";

type Handle = Pick<TenantHandle, "db" | "t">;

/** Authorities given to the person signed in (whom they may act as) and by them; expired ones are flagged. */
export async function myProcurations(h: Handle, user: Pick<SessionUser, "id" | "realUser">) {
  const { given, received } = await authoritiesOf(h, user.realUser?.id ?? user.id);
  const today = belgianToday();
  const valid = (a: { validUntil: string | null }) => !a.validUntil || a.validUntil >= today;
  return {
    received: received.map((a) => ({ ...a, valid: valid(a) })),
    given: given.map((a) => ({ ...a, valid: valid(a) })),
  };
}

/** How many accounts of each user type (null: no access) and how many are deactivated. */
export async function centreUsersSummary({ db, t }: Handle) {
  const rows = await db
    .select({ userType: t.users.userType, total: sql<number>`count(*)::int`, inactive: sql<number>`(count(*) filter (where not ${t.users.active}))::int` })
    .from(t.users)
    .groupBy(t.users.userType)
    .orderBy(t.users.userType);
  return {
    byType: rows.map((r) => ({ userType: r.userType, count: r.total })),
    total: rows.reduce((n, r) => n + r.total, 0),
    inactive: rows.reduce((n, r) => n + r.inactive, 0),
  };
}

export interface ChangeView {
  id: number;
  at: string;
  /** A user of the centre ("user:12" resolved), or a system actor such as "directory". */
  actor: { userId: number; name: string } | { system: string };
  actingFor: string | null;
  action: string;
  entity: string;
  /** The changed record, with a link when it is a resource the reader may open. */
  resource: string | null;
  entityId: string;
  href: string | null;
  fields: string[];
}

const userIdOf = (actor: string | null) => (actor?.startsWith("user:") ? Number(actor.slice(5)) || null : null);

/** The last rows of the centre's audit log, with people's names, newest first. */
export async function recentChanges(h: Handle, registry: Pick<Registry, "resources">, reader: Pick<SessionUser, "roles">, limit = 10): Promise<ChangeView[]> {
  const { db, t } = h;
  const rows = await db.select().from(t.auditLog).orderBy(desc(t.auditLog.at), desc(t.auditLog.id)).limit(limit);
  const ids = [...new Set(rows.flatMap((r) => [userIdOf(r.actor), userIdOf(r.actingFor)]).filter((id): id is number => id !== null))];
  const people = ids.length
    ? await db.select({ id: t.users.id, firstName: t.users.firstName, lastName: t.users.lastName, username: t.users.username }).from(t.users).where(inArray(t.users.id, ids))
    : [];
  const nameOf = (id: number) => {
    const p = people.find((u) => u.id === id);
    return p ? [p.firstName, p.lastName].filter(Boolean).join(" ") || p.username : `#${id}`;
  };
  return rows.map((r) => {
    const actorId = userIdOf(r.actor);
    const actingForId = userIdOf(r.actingFor);
    // Resource changes are audited with the resource id as entity; authorities and settings by their table.
    const def = registry.resources.get(r.entity) ?? null;
    const resource = def?.id ?? null;
    return {
      id: r.id,
      at: r.at.toISOString(),
      actor: actorId !== null ? { userId: actorId, name: nameOf(actorId) } : { system: r.actor },
      actingFor: actingForId !== null ? nameOf(actingForId) : r.actingFor,
      action: r.action,
      entity: r.entity,
      resource,
      entityId: r.entityId,
      href: def && can(def, "view", reader) ? resourceHref(def.id, r.entityId) : null,
      fields: Object.keys(r.changes ?? {}),
    };
  });
}
