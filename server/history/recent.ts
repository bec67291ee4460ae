import { desc, inArray } from "drizzle-orm";
import { resourceHref } from "@/lib/resources";
import type { Registry } from "@/server/area";
import type { SessionUser } from "@/server/auth/session";
import { can } from "@/server/resources/access";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Handle = Pick<TenantHandle, "db" | "t">;

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
  /** Null when the change concerns a whole list (an export is audited on id "*"). */
  entityId: string | null;
  href: string | null;
  fields: string[];
}

const userIdOf = (actor: string | null) => (actor?.startsWith("user:") ? Number(actor.slice(5)) || null : null);

/** The last rows of the centre's audit log, with people's names, newest first. */
export async function recentChanges(
  h: Handle,
  registry: Pick<Registry, "resources">,
  reader: Pick<SessionUser, "roles">,
  limit = 10,
): Promise<ChangeView[]> {
  const { db, t } = h;
  const rows = await db.select().from(t.auditLog).orderBy(desc(t.auditLog.at), desc(t.auditLog.id)).limit(limit);
  const ids = [
    ...new Set(
      rows.flatMap((r) => [userIdOf(r.actor), userIdOf(r.actingFor)]).filter((id): id is number => id !== null),
    ),
  ];
  const people = ids.length
    ? await db
        .select({
          id: t.users.id,
          firstName: t.users.firstName,
          lastName: t.users.lastName,
          username: t.users.username,
        })
        .from(t.users)
        .where(inArray(t.users.id, ids))
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
    const entityId = r.entityId === "*" ? null : r.entityId;
    return {
      id: r.id,
      at: r.at.toISOString(),
      actor: actorId !== null ? { userId: actorId, name: nameOf(actorId) } : { system: r.actor },
      actingFor: actingForId !== null ? nameOf(actingForId) : r.actingFor,
      action: r.action,
      entity: r.entity,
      resource,
      entityId,
      href: def && can(def, "view", reader) ? resourceHref(def.id, entityId ?? undefined) : null,
      fields: Object.keys(r.changes ?? {}),
    };
  });
}
