import { asc, eq, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "@/server/audit";
import { usersResource } from "./resource";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { byStaffName } from "./sql";

/**
 * Ends every session of the user at once; audited in the same transaction, as `action` (the
 * directory check uses it too when it finds an account gone).
 */
export async function logoutEverywhere(
  { db, t }: Pick<TenantHandle, "db" | "t">,
  who: Actor,
  userId: number,
  action = "user.logout_everywhere",
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(t.users)
      .set({ sessionEpoch: sql`${t.users.sessionEpoch} + 1`, modifiedAt: sql`now()` })
      .where(eq(t.users.id, userId))
      .returning({ from: sql<number>`${t.users.sessionEpoch} - 1`, to: t.users.sessionEpoch });
    await writeAudit(tx, t, who, {
      action,
      entity: usersResource.id,
      id: userId,
      changes: { sessionEpoch: { from: row?.from, to: row?.to } },
    });
  });
}

export async function listUsers({ db, t }: Pick<TenantHandle, "db" | "t">) {
  return db
    .select({
      id: t.users.id,
      username: t.users.username,
      firstName: t.users.firstName,
      lastName: t.users.lastName,
      email: t.users.email,
      userType: t.users.userType,
      active: t.users.active,
      authMethod: t.users.authMethod,
      startDate: t.users.startDate,
      endDate: t.users.endDate,
    })
    .from(t.users)
    .orderBy(...byStaffName(t.users), asc(t.users.username));
}
