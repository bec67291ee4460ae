import { eq, sql } from "drizzle-orm";
import { changedFields, systemActor, writeAudit } from "@/server/audit";
import { AppError, type AppErrorCode } from "@/server/errors";
import { authenticateLdap, isLdapError, type LdapUser } from "@/server/integrations/ldap/client";
import { ldapSettingsOf } from "@/server/settings/service";
import { findById, type TenantHandle } from "@/server/tenancy/tenant-db";
import { dummyVerify, verifyPassword } from "./password";
import { clearFailures, LIMITS, LOCK_MINUTES, lockedUntil, recordFailure, throttleKeys } from "./throttle";
import { checkSecondFactor } from "./two-factor";
import { hasRole, isUserType, type UserType } from "./user-types";
import { belgianToday } from "@/lib/format";
import { givePersonTo, keepPersonInStep } from "@/server/users/person";

export { belgianToday };

export type User = TenantHandle["t"]["users"]["$inferSelect"];

/** Today in Belgium, as a `date` string: account validity dates are calendar days there. */

/** Whether an account may be used now: enabled, within its validity dates, with a user type. */
export function canSignIn(user: Pick<User, "active" | "startDate" | "endDate" | "userType">, today = belgianToday()) {
  return (
    user.active &&
    isUserType(user.userType) &&
    user.userType !== "000" &&
    (!user.startDate || user.startDate <= today) &&
    (!user.endDate || user.endDate >= today)
  );
}

export async function findUserByUsername({ db, t }: TenantHandle, username: string) {
  const [user] = await db
    .select()
    .from(t.users)
    .where(eq(sql`lower(${t.users.username})`, username.trim().toLowerCase()))
    .limit(1);
  return user;
}

async function audit(
  { db, t }: TenantHandle,
  row: { username: string; userId?: number; ip: string; method: string; outcome: string },
) {
  await db.insert(t.loginAudit).values(row);
}

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  code?: string;
}

/**
 * Signs a centre user in. Local accounts check their password here (administrators' local accounts
 * always work, as the break-glass way in when the directory is down); other names go to the
 * centre's directory when it uses one. Unknown accounts and wrong passwords fail alike; repeated
 * failures lock the account name (and, more slowly, the client address) for a while. Every attempt
 * lands in the login audit, whatever its outcome.
 */
export async function authenticate(h: TenantHandle, input: SignInInput): Promise<User> {
  const username = input.username.trim().toLowerCase();
  const keys = throttleKeys(username, input.ip);
  const entry = { username, ip: input.ip };
  if (!username || !input.password) throw new AppError("INVALID_CREDENTIALS");

  if (await lockedUntil(h, [keys.user, keys.ip])) {
    await audit(h, { ...entry, method: "-", outcome: "locked" });
    throw new AppError("ACCOUNT_LOCKED", { minutes: LOCK_MINUTES });
  }
  const settings = await findById(h, h.t.siteSettings, 1);
  let user = await findUserByUsername(h, username);
  const local =
    user?.authMethod === "local" && Boolean(settings?.allowLocal || hasRole(user.userType as UserType, "SiteAdmin"));
  const method = local || !settings?.allowLdap ? "local" : "ldap";
  const fail = async (outcome: string, code: AppErrorCode = "INVALID_CREDENTIALS") => {
    await audit(h, { ...entry, method, userId: user?.id, outcome });
    if (code === "INVALID_CREDENTIALS") {
      const locked = (await recordFailure(h, keys.user, LIMITS.user)) || (await recordFailure(h, keys.ip, LIMITS.ip));
      if (locked) return new AppError("ACCOUNT_LOCKED", { minutes: LOCK_MINUTES });
    }
    return new AppError(code);
  };

  if (method === "local") {
    const ok =
      local && user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : await dummyVerify(input.password);
    if (!user || !ok) throw await fail(user ? "bad_password" : "unknown_user");
  } else {
    const ldap = await ldapSettingsOf(h);
    if (!ldap) throw await fail("ldap_not_configured", "DIRECTORY_UNAVAILABLE");
    try {
      user = await provisionFromDirectory(h, user, await authenticateLdap(ldap, username, input.password));
      // The directory just vouched for the account: its sessions are next re-checked a few minutes from now.
      await h.db
        .update(h.t.users)
        .set({ directoryCheckedAt: sql`now()` })
        .where(eq(h.t.users.id, user.id));
    } catch (e) {
      if (!isLdapError(e)) throw e;
      if (e.code === "LDAP_UNAVAILABLE") throw await fail("ldap_unavailable", "DIRECTORY_UNAVAILABLE");
      if (e.code === "LDAP_NO_ACCESS") throw await fail("ldap_no_access", "ACCOUNT_INACTIVE");
      throw await fail(user ? "bad_password" : "unknown_user");
    }
  }
  if (!canSignIn(user)) throw await fail("inactive", "ACCOUNT_INACTIVE");
  try {
    await checkSecondFactor(h, user, input.code);
  } catch (e) {
    const asked = e instanceof AppError && e.code === "TOTP_REQUIRED";
    await audit(h, { ...entry, method, userId: user.id, outcome: asked ? "second_factor_asked" : "bad_second_factor" });
    // A wrong code counts like a wrong password: six digits must not be guessable by repetition.
    if (!asked && (await recordFailure(h, keys.user, LIMITS.user)))
      throw new AppError("ACCOUNT_LOCKED", { minutes: LOCK_MINUTES });
    throw e;
  }
  await clearFailures(h, keys.user);
  await audit(h, { ...entry, method, userId: user.id, outcome: "success" });
  return user;
}

/**
 * First sign-in through the directory creates the user; later ones (and the periodic re-check of
 * open sessions) refresh names, e-mail and user type from it (a changed user type ends the user's
 * other sessions). Audited either way.
 */
export async function provisionFromDirectory(
  { db, t }: TenantHandle,
  existing: User | undefined,
  d: LdapUser,
): Promise<User> {
  const fields = { firstName: d.firstName, lastName: d.lastName, email: d.email, userType: d.userType, ldapDn: d.dn };
  return db.transaction(async (tx) => {
    if (!existing) {
      const [created] = await tx
        .insert(t.users)
        .values({ username: d.username.toLowerCase(), authMethod: "ldap", ...fields })
        .returning();
      const directory = systemActor("directory");
      // Every user has a person record (§1.1 `partner`), made from the directory's names.
      const partnerId = await givePersonTo(tx, t, directory, created!);
      await writeAudit(tx, t, directory, {
        action: "user.provision",
        entity: "users.users",
        id: created!.id,
        changes: { userType: { from: null, to: d.userType }, partnerId: { from: null, to: partnerId } },
      });
      return { ...created!, partnerId, partnerFromUser: true };
    }
    const changes = changedFields(existing, fields);
    if (Object.keys(changes).length === 0) return existing;
    const [updated] = await tx
      .update(t.users)
      .set({
        ...fields,
        version: sql`${t.users.version} + 1`,
        modifiedAt: sql`now()`,
        ...("userType" in changes ? { sessionEpoch: sql`${t.users.sessionEpoch} + 1` } : {}),
      })
      .where(eq(t.users.id, existing.id))
      .returning();
    // A person made for the user follows the directory's renames.
    const partnerId = await keepPersonInStep(tx, t, systemActor("directory"), updated!);
    if (partnerId !== updated!.partnerId) changes.partnerId = { from: null, to: partnerId };
    await writeAudit(tx, t, systemActor("directory"), {
      action: "user.refresh",
      entity: "users.users",
      id: existing.id,
      changes,
    });
    return partnerId === updated!.partnerId ? updated! : { ...updated!, partnerId, partnerFromUser: true };
  });
}
