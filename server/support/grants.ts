import { and, desc, eq, gt, inArray, isNull, like, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { created, writeAudit, type Actor } from "@/server/audit";
import { c, controlDb } from "@/server/db/control";
import { AppError } from "@/server/errors";
import type { Tenant } from "@/server/tenancy/registry";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The longest support access a centre may grant at once (also a check constraint on the table). */
export const MAX_SUPPORT_HOURS = 7 * 24;

export type SupportGrant = typeof c.supportGrants.$inferSelect;
export type GrantState = "active" | "scheduled" | "ended" | "revoked";

export const grantInput = z.object({
  reason: z.string().trim().min(3).max(500),
  hours: z.number().int().min(1).max(MAX_SUPPORT_HOURS),
});

const activeAt = (now: Date) =>
  and(isNull(c.supportGrants.revokedAt), lte(c.supportGrants.startsAt, now), gt(c.supportGrants.endsAt, now));

export function grantState(g: Pick<SupportGrant, "revokedAt" | "startsAt" | "endsAt">, now = new Date()): GrantState {
  if (g.revokedAt) return "revoked";
  if (g.startsAt > now) return "scheduled";
  return g.endsAt > now ? "active" : "ended";
}

/** One grant of this centre that is active now, or null. */
export async function activeGrant(tenantId: string, grantId: string, now = new Date()) {
  const [row] = await controlDb()
    .select()
    .from(c.supportGrants)
    .where(and(eq(c.supportGrants.id, grantId), eq(c.supportGrants.tenantId, tenantId), activeAt(now)))
    .limit(1);
  return row ?? null;
}

/** The centre's active grant that lasts longest, or null: what an operator's support session is opened on. */
export async function currentGrant(tenantId: string, now = new Date()) {
  const [row] = await controlDb()
    .select()
    .from(c.supportGrants)
    .where(and(eq(c.supportGrants.tenantId, tenantId), activeAt(now)))
    .orderBy(desc(c.supportGrants.endsAt))
    .limit(1);
  return row ?? null;
}

/** For the console: the end of each centre's longest active grant. */
export async function activeGrantsByTenant(tenantIds: string[], now = new Date()) {
  if (tenantIds.length === 0) return new Map<string, { endsAt: Date; grantedByName: string; reason: string }>();
  const rows = await controlDb()
    .select({
      tenantId: c.supportGrants.tenantId,
      endsAt: c.supportGrants.endsAt,
      grantedByName: c.supportGrants.grantedByName,
      reason: c.supportGrants.reason,
    })
    .from(c.supportGrants)
    .where(and(inArray(c.supportGrants.tenantId, tenantIds), activeAt(now)))
    .orderBy(c.supportGrants.endsAt);
  return new Map(rows.map((r) => [r.tenantId, { endsAt: r.endsAt, grantedByName: r.grantedByName, reason: r.reason }]));
}

/** Every grant of the centre, newest first. */
export async function listGrants(tenantId: string, now = new Date()) {
  const rows = await controlDb()
    .select()
    .from(c.supportGrants)
    .where(eq(c.supportGrants.tenantId, tenantId))
    .orderBy(desc(c.supportGrants.createdAt))
    .limit(200);
  return rows.map((g) => ({ ...g, state: grantState(g, now) }));
}

/** What operators did in the centre under support access, and the grants themselves, from the centre's own audit. */
export async function supportUsage({ db, t }: Pick<TenantHandle, "db" | "t">, limit = 500) {
  // Operators are named by their e-mail address; centre users by their name.
  const who = sql<string>`coalesce(nullif(trim(${t.users.firstName} || ' ' || ${t.users.lastName}), ''), ${t.users.username}, regexp_replace(${t.auditLog.actor}, '^operator:', ''))`;
  return db
    .select({
      id: t.auditLog.id,
      at: t.auditLog.at,
      actor: t.auditLog.actor,
      who,
      action: t.auditLog.action,
      entity: t.auditLog.entity,
      entityId: t.auditLog.entityId,
    })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.auditLog.actor, sql`'user:' || ${t.users.id}`))
    .where(like(t.auditLog.action, "support.%"))
    .orderBy(desc(t.auditLog.id))
    .limit(limit);
}

type Admin = { id: number; name: string };

/** A centre administrator grants operators read access for `hours`, starting now; audited in the centre and in control. */
export async function grantSupport(
  h: Pick<TenantHandle, "db" | "t">,
  tenant: Pick<Tenant, "id" | "slug">,
  who: Actor,
  admin: Admin,
  input: z.input<typeof grantInput>,
  now = new Date(),
) {
  const { reason, hours } = grantInput.parse(input);
  const endsAt = new Date(now.getTime() + hours * 3600_000);
  const [grant] = await controlDb()
    .insert(c.supportGrants)
    .values({ tenantId: tenant.id, grantedById: admin.id, grantedByName: admin.name, reason, startsAt: now, endsAt })
    .returning();
  await writeAudit(h.db, h.t, who, {
    action: "support.grant",
    entity: "support_grants",
    id: grant!.id,
    changes: created({ endsAt: endsAt.toISOString(), reason }),
  });
  await controlDb()
    .insert(c.controlAudit)
    .values({
      actor: `centre-user:${admin.id}`,
      action: "support.grant",
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      details: { grantId: grant!.id, by: admin.name, reason, endsAt: endsAt.toISOString() },
    });
  return grant!;
}

/** Ends a grant at once; open support sessions on it end with their next request. */
export async function revokeSupport(
  h: Pick<TenantHandle, "db" | "t">,
  tenant: Pick<Tenant, "id" | "slug">,
  who: Actor,
  admin: Admin,
  grantId: string,
  now = new Date(),
) {
  if (!z.uuid().safeParse(grantId).success) throw new AppError("NOT_FOUND");
  const [row] = await controlDb()
    .update(c.supportGrants)
    .set({ revokedAt: now, revokedById: admin.id, revokedByName: admin.name })
    .where(
      and(eq(c.supportGrants.id, grantId), eq(c.supportGrants.tenantId, tenant.id), isNull(c.supportGrants.revokedAt)),
    )
    .returning();
  if (!row) throw new AppError("NOT_FOUND");
  await writeAudit(h.db, h.t, who, {
    action: "support.revoke",
    entity: "support_grants",
    id: grantId,
    changes: created({ revokedAt: now.toISOString() }),
  });
  await controlDb()
    .insert(c.controlAudit)
    .values({
      actor: `centre-user:${admin.id}`,
      action: "support.revoke",
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      details: { grantId, by: admin.name },
    });
  return row;
}
