import { inArray, sql } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

// Per account name: a few tries, then a lockout. Per client address: more, since a whole office
// may share one address, but still bounded against password spraying.
export const LIMITS = { user: 5, ip: 30 } as const;
export const LOCK_MINUTES = 15;

export const userThrottleKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const throttleKeys = (username: string, ip: string) => ({ user: userThrottleKey(username), ip: `ip:${ip}` });

/** The end of the longest running lockout among these keys, if any. */
export async function lockedUntil({ db, t }: TenantHandle, keys: string[]): Promise<Date | null> {
  const rows = await db
    .select({ until: t.loginThrottle.lockedUntil })
    .from(t.loginThrottle)
    .where(inArray(t.loginThrottle.key, keys));
  const now = Date.now();
  const ends = rows.map((r) => r.until?.getTime() ?? 0).filter((ms) => ms > now);
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** Counts a failure within a sliding window; returns true when this failure started a lockout. */
export async function recordFailure({ db, t }: TenantHandle, key: string, limit: number): Promise<boolean> {
  const window = sql`make_interval(mins => ${LOCK_MINUTES})`;
  const [row] = await db
    .insert(t.loginThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: t.loginThrottle.key,
      // A window that has expired starts again at one failure.
      set: {
        failures: sql`CASE WHEN ${t.loginThrottle.windowStart} < now() - ${window} THEN 1 ELSE ${t.loginThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${t.loginThrottle.windowStart} < now() - ${window} THEN now() ELSE ${t.loginThrottle.windowStart} END`,
      },
    })
    .returning({ failures: t.loginThrottle.failures });
  if ((row?.failures ?? 0) < limit) return false;
  await db
    .update(t.loginThrottle)
    .set({ lockedUntil: sql`now() + ${window}`, failures: 0, windowStart: sql`now()` })
    .where(sql`${t.loginThrottle.key} = ${key}`);
  return true;
}

export async function clearFailures({ db, t }: TenantHandle, key: string) {
  await db.delete(t.loginThrottle).where(sql`${t.loginThrottle.key} = ${key}`);
}
