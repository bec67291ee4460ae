import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { trustedHost } from "@/server/tenancy/host";
import { availability, findTenantBySlug } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { redeemSupportToken } from "@/server/support/token";
import { supportClaimsFor } from "@/server/support/session";
import { authenticate } from "./login";
import { activityStale, claimsFor, refreshedActivity, type SessionClaims } from "./session";

/**
 * Lifetime of the session cookie and token since they were last written: the longest idle timeout a
 * centre may set (24 hours). The centre's own idle timeout is enforced on every request from the
 * last-activity claim (see resolveSessionUser), which activity refreshes at most once a minute.
 */
export const SESSION_MAX_AGE_SECONDS = 24 * 3600;

/** Carries one catalogue code to the login page (Auth.js puts `code` in the redirect URL). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const clientIp = (headers: Headers) => headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => ({
  secret: env().SESSION_SECRET,
  trustHost: true, // only hosts that middleware classified reach Auth.js; the rest got 404
  useSecureCookies: env().SECURE_COOKIES ?? env().NODE_ENV === "production",
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const tenant = await servedTenantOf(request);
        try {
          const user = await authenticate(tenantHandle(tenant), {
            username: String(credentials.username ?? ""), password: String(credentials.password ?? ""), ip: clientIp(request.headers),
            code: credentials.code ? String(credentials.code) : undefined,
          });
          return { id: String(user.id), ...claimsFor(tenant, user) };
        } catch (e) {
          if (isAppError(e)) throw new SignInRefused(e.code);
          throw e;
        }
      },
    }),
    // An operator's support session, opened with the single-use token the console issued (app/api/support/enter).
    Credentials({
      id: "support",
      credentials: { token: {} },
      async authorize(credentials, request) {
        const tenant = await servedTenantOf(request);
        try {
          const { grant, operator } = await redeemSupportToken(tenantHandle(tenant), tenant, String(credentials.token ?? ""));
          return { id: `support:${grant.id}`, ...supportClaimsFor(tenant, grant.id, operator.id) };
        } catch (e) {
          if (isAppError(e)) throw new SignInRefused(e.code);
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user) {
        const { tid, uid, ep, tep, la, sup, op } = user as unknown as SessionClaims;
        Object.assign(token, { tid, uid, ep, tep, la }, sup ? { sup, op } : {});
      } else if (trigger === "update") {
        // Activity: a session past its centre's idle timeout is ended rather than revived.
        const la = await refreshedActivity(token as Partial<SessionClaims>);
        if (la === null) return null;
        token.la = la;
      }
      return token;
    },
    session({ session, token }) {
      const { tid, uid, ep, tep, la, sup, op } = token as unknown as SessionClaims;
      return { ...session, claims: { tid, uid, ep, tep, la, sup, op } satisfies SessionClaims };
    },
  },
}));

/** The centre of a sign-in request's host, when it is served. */
async function servedTenantOf(request: Request) {
  const host = trustedHost((n) => request.headers.get(n), env().BASE_DOMAIN);
  const tenant = host.kind === "tenant" ? await findTenantBySlug(host.slug) : null;
  if (!tenant || availability(tenant) !== "served") throw new SignInRefused("TENANT_UNAVAILABLE");
  return tenant;
}

/**
 * The session claims of this request, if any (not yet checked against the host's centre). The
 * claims are those stored before this request, so the idle check sees the gap this request ends.
 * With `touch` (route handlers and server actions, where cookies can be written) a last-activity
 * claim older than a minute is rewritten; pages cannot write cookies and pass `touch: false`.
 */
export async function sessionClaims({ touch = true }: { touch?: boolean } = {}): Promise<SessionClaims | null> {
  const session = (await auth()) as { claims?: SessionClaims } | null;
  const claims = session?.claims ?? null;
  if (touch && claims && activityStale(claims)) {
    try {
      await unstable_update({});
    } catch {
      // Not in a route handler or server action: the cookie cannot be rewritten here.
    }
  }
  return claims;
}
