import { and, eq, gte, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { writeAudit, type Actor } from "@/server/audit";
import { belgianToday } from "@/lib/format";
import { canSignIn } from "@/server/auth/login";
import { hasRole, type UserType } from "@/server/auth/user-types";
import { AppError } from "@/server/errors";
import { findById, type TenantHandle } from "@/server/tenancy/tenant-db";
import { byStaffName } from "./sql";

type Handle = Pick<TenantHandle, "db" | "t">;
const stillValid = (t: Handle["t"]) =>
  or(isNull(t.authorities.validUntil), gte(t.authorities.validUntil, belgianToday()));

/**
 * The colleague `real` may act as, or null: it takes a valid authority from the target, or the
 * Supervisor role, and a target who can sign in.
 */
export async function actAsTarget(h: TenantHandle, real: { id: number; userType: UserType }, targetId: number) {
  if (targetId === real.id) return null;
  const target = await findById(h, h.t.users, targetId);
  if (!target || !canSignIn(target)) return null;
  if (hasRole(real.userType, "Supervisor")) return target;
  const [row] = await h.db
    .select({ id: h.t.authorities.id })
    .from(h.t.authorities)
    .where(and(eq(h.t.authorities.userId, targetId), eq(h.t.authorities.authorizedId, real.id), stillValid(h.t)))
    .limit(1);
  return row ? target : null;
}

/** The users someone may act as, "Lastname Firstname, username (type)" order as in Lino. */
export async function actAsChoices({ db, t }: Handle, real: { id: number; userType: UserType }) {
  const base = db
    .select({
      id: t.users.id,
      username: t.users.username,
      firstName: t.users.firstName,
      lastName: t.users.lastName,
      userType: t.users.userType,
    })
    .from(t.users);
  const rows = hasRole(real.userType, "Supervisor")
    ? await base.where(
        and(sql`${t.users.userType} IS NOT NULL`, sql`${t.users.id} <> ${real.id}`, eq(t.users.active, true)),
      )
    : await base
        .innerJoin(t.authorities, eq(t.authorities.userId, t.users.id))
        .where(and(eq(t.authorities.authorizedId, real.id), stillValid(t), eq(t.users.active, true)));
  return rows.sort((a, b) =>
    `${a.lastName} ${a.firstName} ${a.username}`.localeCompare(`${b.lastName} ${b.firstName} ${b.username}`),
  );
}

export async function giveAuthority(
  { db, t }: Handle,
  who: Actor,
  giverId: number,
  authorizedId: number,
  validUntil: string | null,
) {
  if (giverId === authorizedId) throw new AppError("INVALID_INPUT", { field: "authorizedId" });
  return db.transaction(async (tx) => {
    const [colleague] = await tx
      .select({ id: t.users.id, userType: t.users.userType })
      .from(t.users)
      .where(eq(t.users.id, authorizedId));
    if (!colleague?.userType) throw new AppError("NOT_FOUND");
    const [row] = await tx
      .insert(t.authorities)
      .values({ userId: giverId, authorizedId, validUntil })
      .onConflictDoUpdate({ target: [t.authorities.userId, t.authorities.authorizedId], set: { validUntil } })
      .returning();
    await writeAudit(tx, t, who, {
      action: "authority.give",
      entity: "authorities",
      id: row!.id,
      changes: { authorizedId: { from: null, to: authorizedId }, validUntil: { from: null, to: validUntil } },
    });
    return row!;
  });
}

/** The giver takes an authority back; an administrator may too. */
export async function revokeAuthority(
  { db, t }: Handle,
  who: Actor,
  by: { id: number; userType: UserType },
  authorityId: number,
) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(t.authorities).where(eq(t.authorities.id, authorityId)).for("update");
    if (!row || (row.userId !== by.id && !hasRole(by.userType, "SiteAdmin"))) throw new AppError("NOT_FOUND");
    await tx.delete(t.authorities).where(eq(t.authorities.id, authorityId));
    await writeAudit(tx, t, who, {
      action: "authority.revoke",
      entity: "authorities",
      id: authorityId,
      changes: { authorizedId: { from: row.authorizedId, to: null } },
    });
  });
}

/** Authorities a user gave and received. */
export async function authoritiesOf({ db, t }: Handle, userId: number) {
  const other = alias(t.users, "other");
  const select = {
    id: t.authorities.id,
    userId: t.authorities.userId,
    authorizedId: t.authorities.authorizedId,
    validUntil: t.authorities.validUntil,
    otherName: sql<string>`${other.lastName} || ' ' || ${other.firstName}`,
  };
  const given = await db
    .select(select)
    .from(t.authorities)
    .innerJoin(other, eq(other.id, t.authorities.authorizedId))
    .where(eq(t.authorities.userId, userId))
    .orderBy(...byStaffName(other));
  const received = await db
    .select(select)
    .from(t.authorities)
    .innerJoin(other, eq(other.id, t.authorities.userId))
    .where(eq(t.authorities.authorizedId, userId))
    .orderBy(...byStaffName(other));
  return { given, received };
}
