import { createHmac } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { env } from "@/server/env";
import { trustedHost, type HostClass } from "@/server/tenancy/host";
import { findTenantBySlug } from "@/server/tenancy/registry";
import { decodeOnce } from "./opened-tokens";
import type { SessionClaims } from "./session";

/**
 * Each centre's sessions are sealed with a key of its own, derived from SESSION_SECRET and the
 * centre's id: Auth.js would otherwise derive the same key on every host (from the cookie name), so
 * a cookie of one centre would decrypt on another and its claims show at `/api/auth/session`
 * there. Other hosts get a key no centre uses. (The centre claim is still checked on every request.)
 */
export async function sessionSecretFor(host: HostClass) {
  const tenant = host.kind === "tenant" ? await findTenantBySlug(host.slug) : null;
  return createHmac("sha256", env().SESSION_SECRET)
    .update(`entraide centre session v1:${tenant?.id ?? "none"}`)
    .digest("hex");
}

export const secureCookies = () => env().SECURE_COOKIES ?? env().NODE_ENV === "production";

/**
 * The claims of the session cookie a request carries for its host's centre, or null. Outside Next
 * too (the routes the custom server answers itself); Next's pages and handlers go through
 * `sessionClaims` (server/auth/nextauth.ts), which may also refresh the cookie.
 */
export async function claimsOfHeaders(headers: Headers): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { headers },
    secret: await sessionSecretFor(trustedHost((n) => headers.get(n), env().BASE_DOMAIN)),
    secureCookie: secureCookies(),
    decode: decodeOnce,
  }).catch(() => null);
  if (!token) return null;
  const { sid, tid, uid, ep, tep, la, sup, op } = token as unknown as SessionClaims;
  return { sid, tid, uid, ep, tep, la, sup, op };
}
