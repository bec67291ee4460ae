import { rolesOf, type Role, type UserType } from "./user-types";
import { canSignIn, type User } from "./login";
import { findById, type TenantHandle } from "@/server/tenancy/tenant-db";
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
}

export const claimsFor = (tenant: Pick<Tenant, "id" | "sessionEpoch">, user: Pick<User, "id" | "sessionEpoch">): SessionClaims => ({
  tid: tenant.id, uid: user.id, ep: user.sessionEpoch, tep: tenant.sessionEpoch,
});

/**
 * The user behind a session token on this centre's host, or null. Auth.js derives its encryption
 * from the cookie name, so a token issued by one centre decrypts on another: the centre id in the
 * claims is what makes it worthless there. Epochs end sessions at once (log out everywhere,
 * deactivation, suspension of the centre).
 */
export async function resolveSessionUser(h: TenantHandle, tenant: Pick<Tenant, "id" | "sessionEpoch">, claims: Partial<SessionClaims> | null | undefined): Promise<SessionUser | null> {
  if (!claims || claims.tid !== tenant.id || claims.tep !== tenant.sessionEpoch || typeof claims.uid !== "number") return null;
  const user = await findById(h, h.t.users, claims.uid);
  if (!user || user.sessionEpoch !== claims.ep || !canSignIn(user)) return null;
  const userType = user.userType as UserType;
  const settings = await findById(h, h.t.siteSettings, 1);
  return {
    id: user.id, username: user.username, firstName: user.firstName, lastName: user.lastName, language: user.language, userType, roles: rolesOf(userType),
    mustEnrollTotp: Boolean(settings?.totpRequired && user.authMethod === "local" && !user.totpSecret),
  };
}
