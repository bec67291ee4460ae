import { eq, sql } from "drizzle-orm";
import { AppError } from "@/server/errors";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { dummyVerify, verifyPassword } from "./password";
import { clearFailures, LIMITS, LOCK_MINUTES, lockedUntil, recordFailure, throttleKeys } from "./throttle";
import { checkSecondFactor } from "./two-factor";
import { isUserType } from "./user-types";

export type User = TenantHandle["t"]["users"]["$inferSelect"];

/** Today in Belgium, as a `date` string: account validity dates are calendar days there. */
export const belgianToday = (now = new Date()) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);

/** Whether an account may be used now: enabled, within its validity dates, with a user type. */
export function canSignIn(user: Pick<User, "active" | "startDate" | "endDate" | "userType">, today = belgianToday()) {
  return user.active && isUserType(user.userType) && user.userType !== "000" && (!user.startDate || user.startDate <= today) && (!user.endDate || user.endDate >= today);
}

export async function findUserByUsername({ db, t }: TenantHandle, username: string) {
  const [user] = await db.select().from(t.users).where(eq(sql`lower(${t.users.username})`, username.trim().toLowerCase())).limit(1);
  return user;
}

async function audit({ db, t }: TenantHandle, row: { username: string; userId?: number; ip: string; method: string; outcome: string }) {
  await db.insert(t.loginAudit).values(row);
}

/**
 * Checks a centre user's local password. Unknown accounts and wrong passwords fail alike; repeated
 * failures lock the account name (and, more slowly, the client address) for a while. Every attempt
 * lands in the login audit, whatever its outcome.
 */
export async function authenticateLocal(h: TenantHandle, input: { username: string; password: string; ip: string; code?: string }): Promise<User> {
  const username = input.username.trim().toLowerCase();
  const keys = throttleKeys(username, input.ip);
  const entry = { username, ip: input.ip, method: "local" };
  if (!username || !input.password) throw new AppError("INVALID_CREDENTIALS");

  if (await lockedUntil(h, [keys.user, keys.ip])) {
    await audit(h, { ...entry, outcome: "locked" });
    throw new AppError("ACCOUNT_LOCKED", { minutes: LOCK_MINUTES });
  }
  const user = await findUserByUsername(h, username);
  const ok = user?.authMethod === "local" && user.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await dummyVerify(input.password);
  if (!user || !ok) {
    await audit(h, { ...entry, userId: user?.id, outcome: user ? "bad_password" : "unknown_user" });
    const locked = (await recordFailure(h, keys.user, LIMITS.user)) || (await recordFailure(h, keys.ip, LIMITS.ip));
    throw new AppError(locked ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS", { minutes: LOCK_MINUTES });
  }
  if (!canSignIn(user)) {
    await audit(h, { ...entry, userId: user.id, outcome: "inactive" });
    throw new AppError("ACCOUNT_INACTIVE");
  }
  try {
    await checkSecondFactor(h, user, input.code);
  } catch (e) {
    const asked = e instanceof AppError && e.code === "TOTP_REQUIRED";
    await audit(h, { ...entry, userId: user.id, outcome: asked ? "second_factor_asked" : "bad_second_factor" });
    // A wrong code counts like a wrong password: six digits must not be guessable by repetition.
    if (!asked && (await recordFailure(h, keys.user, LIMITS.user))) throw new AppError("ACCOUNT_LOCKED", { minutes: LOCK_MINUTES });
    throw e;
  }
  await clearFailures(h, keys.user);
  await audit(h, { ...entry, userId: user.id, outcome: "success" });
  return user;
}
