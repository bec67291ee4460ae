import { rolesOf, type Role, type UserType } from "./user-types";
import { canSignIn, type User } from "./login";
import { findById, type TenantHandle } from "@/server/tenancy/tenant-db";
import { actAsTarget } from "@/server/users/authorities";
import type { Tenant } from "@/server/tenancy/registry";

/** What a centre session token carries. */
export interface SessionClaims {
  tid: string;
  uid: number;
  ep: number;
  tep: number;
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
}

/** Host-only cookie naming the user someone acts as; re-checked against authorities on every request. */
export const ACT_AS_COOKIE = "entraide_act_as";

export const claimsFor = (tenant: Pick<Tenant, "id" | "sessionEpoch">, user: Pick<User, "id" | "sessionEpoch">): SessionClaims => ({
  tid: tenant.id, uid: user.id, ep: user.sessionEpoch, tep: tenant.sessionEpoch,
});

/**
 * The user behind a session token on this centre's host, or null. Auth.js derives its encryption
 * from the cookie name, so a token issued by one centre decrypts on another: the centre id in the
 * claims is what makes it worthless there. Epochs end sessions at once (log out everywhere,
 * deactivation, suspension of the centre).
 */
export async function resolveSessionUser(
  h: TenantHandle,
  tenant: Pick<Tenant, "id" | "sessionEpoch">,
  claims: Partial<SessionClaims> | null | undefined,
  actAsId?: number | null,
): Promise<SessionUser | null> {
  if (!claims || claims.tid !== tenant.id || claims.tep !== tenant.sessionEpoch || typeof claims.uid !== "number") return null;
  const user = await findById(h, h.t.users, claims.uid);
  if (!user || user.sessionEpoch !== claims.ep || !canSignIn(user)) return null;
  const userType = user.userType as UserType;
  const settings = await findById(h, h.t.siteSettings, 1);
  const mustEnrollTotp = Boolean(settings?.totpRequired && user.authMethod === "local" && !user.totpSecret);
  // Acting for a colleague takes their user type (and so their permissions); the real user stays known.
  const target = actAsId && !mustEnrollTotp ? await actAsTarget(h, { id: user.id, userType }, actAsId) : null;
  const shown = target ?? user;
  const shownType = shown.userType as UserType;
  return {
    id: shown.id, username: shown.username, firstName: shown.firstName, lastName: shown.lastName, language: user.language, userType: shownType, roles: rolesOf(shownType),
    mustEnrollTotp,
    realUser: target ? { id: user.id, username: user.username, firstName: user.firstName, lastName: user.lastName } : null,
  };
}
