import { randomUUID } from "node:crypto";
import { eq, getTableColumns, lt, sql } from "drizzle-orm";
import { rolesInCentre, type Role, type UserType } from "./user-types";
import { keepsDirectorySession } from "./directory-check";
import { canSignIn, type User } from "./login";
import { c, controlDb } from "@/server/db/control";
import { findById, onceForCentre, tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { actAsTarget } from "@/server/users/authorities";
import type { Tenant } from "@/server/tenancy/registry";
import { resolveSupportSession, type SupportIdentity } from "@/server/support/session";

/**
 * What a centre session token carries. `sid` names this one session (signing out revokes it);
 * `la` is the last activity (seconds since the epoch), refreshed at most once a minute by an
 * active session; a support session (see server/support/session.ts) carries the grant (`sup`)
 * and the operator (`op`) instead of a user.
 */
export interface SessionClaims {
  sid: string;
  tid: string;
  uid: number;
  ep: number;
  tep: number;
  la?: number;
  sup?: string;
  op?: string;
}

export interface SessionUser {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  language: string;
  userType: UserType;
  roles: ReadonlySet<Role>;
  /** The centre requires two-factor and this local account has not set it up yet. */
  mustEnrollTotp: boolean;
  /** Set while acting under procuration: the person actually signed in. The fields above are the user acted for. */
  realUser: { id: number; username: string; firstName: string; lastName: string } | null;
  /** Set for an operator's support session: reads as an administrator, may change nothing. */
  support?: SupportIdentity | null;
}

/** Host-only cookie naming the user someone acts as; re-checked against authorities on every request. */
export const ACT_AS_COOKIE = "entraide_act_as";

/** A centre's idle timeout when its settings row says nothing (the column's default). */
export const DEFAULT_IDLE_MINUTES = 480;
/** An active session's last-activity claim is rewritten at most this often. */
export const ACTIVITY_REFRESH_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

export const nowSeconds = (now = Date.now()) => Math.floor(now / 1000);

export const claimsFor = (
  tenant: Pick<Tenant, "id" | "sessionEpoch">,
  user: Pick<User, "id" | "sessionEpoch">,
  now = Date.now(),
): SessionClaims => ({
  sid: randomUUID(),
  tid: tenant.id,
  uid: user.id,
  ep: user.sessionEpoch,
  tep: tenant.sessionEpoch,
  la: nowSeconds(now),
});

/** Whether a session unused since its last-activity claim has outlived the centre's idle timeout (no claim: yes). */
export function idleExpired(
  claims: Pick<SessionClaims, "la">,
  idleTimeoutMinutes = DEFAULT_IDLE_MINUTES,
  now = Date.now(),
) {
  return typeof claims.la !== "number" || nowSeconds(now) - claims.la > idleTimeoutMinutes * 60;
}

const idleMinutesOf = async (h: TenantHandle) =>
  (await findById(h, h.t.siteSettings, 1))?.idleTimeoutMinutes ?? DEFAULT_IDLE_MINUTES;

type SessionStateQuery = {
  execute: (params: {
    sid: string;
    uid: number | null;
  }) => Promise<
    { revoked: boolean; idleTimeoutMinutes: number; totpRequired: boolean; fieldSets: string[]; user: User | null }[]
  >;
};

/**
 * What every request needs: the centre's session settings, whether this session was signed out,
 * and the session's user row. One statement, built once per centre, so a request pays one round
 * trip for all three. (The settings row is seeded before a centre is served; without it the
 * session is refused.)
 */
async function sessionState({ db, t }: TenantHandle, sid: string, uid: number | null) {
  const query = onceForCentre(
    t,
    "session state",
    () =>
      db
        .select({
          revoked: sql<boolean>`exists (select 1 from ${t.revokedSessions} where ${t.revokedSessions.sid} = ${sql.placeholder("sid")})`,
          idleTimeoutMinutes: t.siteSettings.idleTimeoutMinutes,
          totpRequired: t.siteSettings.totpRequired,
          fieldSets: t.siteSettings.clientFieldSets,
          user: getTableColumns(t.users),
        })
        .from(t.siteSettings)
        .leftJoin(t.users, eq(t.users.id, sql.placeholder("uid")))
        .where(eq(t.siteSettings.id, 1))
        .prepare("") as unknown as SessionStateQuery,
  );
  const [row] = await query.execute({ sid, uid });
  return {
    revoked: row?.revoked !== false,
    idleTimeoutMinutes: row?.idleTimeoutMinutes ?? DEFAULT_IDLE_MINUTES,
    totpRequired: Boolean(row?.totpRequired),
    fieldSets: row?.fieldSets ?? [],
    user: row?.user ?? null,
  };
}

/**
 * Ends one session of this centre (signing out): its token is refused from now on, wherever a copy
 * of the cookie went. The row is kept until every token of the session has expired anyway; older
 * rows are swept at the same time.
 */
export async function revokeSession({ db, t }: Pick<TenantHandle, "db" | "t">, sid: string, expiresAt: Date) {
  if (!isUuid(sid)) return;
  await db.insert(t.revokedSessions).values({ sid, expiresAt }).onConflictDoNothing();
  await db.delete(t.revokedSessions).where(lt(t.revokedSessions.expiresAt, sql`now()`));
}

/**
 * The user behind a session token on this centre's host, or null. Auth.js derives its encryption
 * from the cookie name, so a token issued by one centre decrypts on another: the centre id in the
 * claims is what makes it worthless there. Epochs end sessions at once (log out everywhere,
 * deactivation, suspension of the centre); a session unused for longer than the centre's idle
 * timeout is refused.
 */
export async function resolveSessionUser(
  h: TenantHandle,
  tenant: Pick<Tenant, "id" | "sessionEpoch" | "defaultLocale">,
  claims: Partial<SessionClaims> | null | undefined,
  actAsId?: number | null,
  now = Date.now(),
): Promise<SessionUser | null> {
  if (!claims || claims.tid !== tenant.id || claims.tep !== tenant.sessionEpoch || !isUuid(claims.sid)) return null;
  const support = claims.sup !== undefined;
  const uid = !support && Number.isInteger(claims.uid) && claims.uid! > 0 && claims.uid! < 2 ** 31 ? claims.uid! : null;
  const settings = await sessionState(h, claims.sid, uid);
  if (settings.revoked || idleExpired(claims, settings.idleTimeoutMinutes, now)) return null;
  // An operator's support session: no user row; the grant is checked on every request.
  if (support) return resolveSupportSession(h, tenant, claims, new Date(now), settings.fieldSets);
  const user = settings.user;
  if (!user || user.sessionEpoch !== claims.ep || !canSignIn(user)) return null;
  if (!(await keepsDirectorySession(h, user, now))) return null;
  const userType = user.userType as UserType;
  const mustEnrollTotp = settings.totpRequired && user.authMethod === "local" && !user.totpSecret;
  // Acting for a colleague takes their user type (and so their permissions); the real user stays known.
  const target = actAsId && !mustEnrollTotp ? await actAsTarget(h, { id: user.id, userType }, actAsId) : null;
  const shown = target ?? user;
  const shownType = shown.userType as UserType;
  return {
    id: shown.id,
    username: shown.username,
    firstName: shown.firstName,
    lastName: shown.lastName,
    language: user.language,
    userType: shownType,
    roles: rolesInCentre(shownType, settings.fieldSets),
    mustEnrollTotp,
    realUser: target
      ? { id: user.id, username: user.username, firstName: user.firstName, lastName: user.lastName }
      : null,
  };
}

/** Whether these claims are a session of this centre that only inactivity ended (for the sign-in page's message). */
export async function endedByInactivity(
  h: TenantHandle,
  tenant: Pick<Tenant, "id" | "sessionEpoch">,
  claims: Partial<SessionClaims> | null | undefined,
  now = Date.now(),
) {
  if (!claims || claims.tid !== tenant.id || claims.tep !== tenant.sessionEpoch) return false;
  return idleExpired(claims, await idleMinutesOf(h), now);
}

/**
 * The new last-activity claim of a session that shows activity, or null when the session has
 * already outlived its centre's idle timeout (it must then not be revived). Called by the Auth.js
 * `jwt` callback when the session is updated, which happens at most once a minute per session.
 */
export async function refreshedActivity(claims: Partial<SessionClaims>, now = Date.now()): Promise<number | null> {
  if (typeof claims.tid !== "string" || !UUID.test(claims.tid) || typeof claims.la !== "number") return null;
  const [tenant] = await controlDb().select().from(c.tenants).where(eq(c.tenants.id, claims.tid)).limit(1);
  if (!tenant || tenant.sessionEpoch !== claims.tep) return null;
  if (idleExpired(claims, await idleMinutesOf(tenantHandle(tenant)), now)) return null;
  return nowSeconds(now);
}

/**
 * A session token after an activity report (the Auth.js `jwt` callback's update): a live session
 * gets a fresh last-activity claim; an ended one comes back as it was. It is never revived, and not
 * deleted either: every request refuses it, and the sign-in page the user lands on can still say
 * that the session ended by inactivity (a deleted cookie would leave it nothing to tell).
 */
export async function touchedToken<T extends Partial<SessionClaims>>(token: T, now = Date.now()): Promise<T> {
  const la = await refreshedActivity(token, now);
  return la === null ? token : { ...token, la };
}

/** Whether an active session's last-activity claim is old enough to be rewritten. */
export const activityStale = (claims: Pick<SessionClaims, "la">, now = Date.now()) =>
  typeof claims.la === "number" && nowSeconds(now) - claims.la >= ACTIVITY_REFRESH_SECONDS;
