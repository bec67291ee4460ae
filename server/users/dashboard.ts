import { sql } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import type { SessionUser } from "@/server/auth/session";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { authoritiesOf } from "./authorities";

/** What the users' dashboard widgets show (plain functions that tests call). */

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
    .select({
      userType: t.users.userType,
      total: sql<number>`count(*)::int`,
      inactive: sql<number>`(count(*) filter (where not ${t.users.active}))::int`,
    })
    .from(t.users)
    .groupBy(t.users.userType)
    .orderBy(t.users.userType);
  return {
    byType: rows.map((r) => ({ userType: r.userType, count: r.total })),
    total: rows.reduce((n, r) => n + r.total, 0),
    inactive: rows.reduce((n, r) => n + r.inactive, 0),
  };
}
