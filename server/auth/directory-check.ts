import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { systemActor } from "@/server/audit";
import { isLdapError, lookupDirectoryUser } from "@/server/integrations/ldap/client";
import { rootLogger } from "@/server/logger";
import { ldapSettingsOf } from "@/server/settings/service";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { logoutEverywhere } from "@/server/users/service";
import type { User } from "./login";
import { provisionFromDirectory } from "./login";

/** A directory account with an open session is confirmed against the directory at least this often. */
export const DIRECTORY_RECHECK_MINUTES = 5;

const due = (user: Pick<User, "directoryCheckedAt">, now: number) =>
  !user.directoryCheckedAt || now - user.directoryCheckedAt.getTime() >= DIRECTORY_RECHECK_MINUTES * 60_000;

/**
 * Whether a directory (LDAP) account may keep its sessions. Every few minutes of activity the
 * service account looks the user up again: gone, disabled there, or in no mapped group any more ends
 * every session of the user at once (the "log out everywhere" epoch, audited as the directory's
 * doing); a changed group refreshes the user type, which ends the sessions too.
 *
 * An unreachable directory keeps sessions open: when the directory is down, signing everyone out
 * would stop the whole centre, while a departed colleague is cut off at the next check that gets an
 * answer (and cannot sign in again meanwhile). The check is claimed on the user row first, so of
 * many requests at once one asks the directory, and a directory that does not answer is asked again
 * only after the next interval, not on every request.
 */
export async function keepsDirectorySession(h: TenantHandle, user: User, now = Date.now()): Promise<boolean> {
  if (user.authMethod !== "ldap" || !due(user, now)) return true;
  const threshold = new Date(now - DIRECTORY_RECHECK_MINUTES * 60_000);
  const claimed = await h.db
    .update(h.t.users)
    .set({ directoryCheckedAt: sql`now()` })
    .where(
      and(
        eq(h.t.users.id, user.id),
        or(isNull(h.t.users.directoryCheckedAt), lt(h.t.users.directoryCheckedAt, threshold)),
      ),
    )
    .returning({ id: h.t.users.id });
  if (claimed.length === 0) return true; // another request is checking, or just did
  const settings = await ldapSettingsOf(h);
  if (!settings) return true; // no directory configured any more: nothing to ask (sign-in decides)
  let found;
  try {
    found = await lookupDirectoryUser(settings, user.username);
  } catch (e) {
    if (!isLdapError(e)) throw e;
    rootLogger.warn(
      { tenantId: h.tenantId, userId: user.id, err: e.message },
      "directory unreachable: session kept until the next check",
    );
    return true;
  }
  if (found.state !== "present") {
    await logoutEverywhere(h, systemActor("directory"), user.id, `user.directory_${found.state}`);
    return false;
  }
  const refreshed = await provisionFromDirectory(h, user, found.user);
  return refreshed.sessionEpoch === user.sessionEpoch;
}
