import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { databaseUnavailable } from "@/server/db/errors";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { clientIp } from "@/server/http/forwarded";
import { rootLogger } from "@/server/logger";
import { requestOrigin } from "@/server/http/origin";
import { trustedHost, type HostClass } from "@/server/tenancy/host";
import { availability, findTenantBySlug } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { redeemSupportToken } from "@/server/support/token";
import { endSupportSession, supportClaimsFor } from "@/server/support/session";
import { authenticate } from "./login";
import { claimsOfHeaders, secureCookies, sessionSecretFor } from "./session-cookie";
import { activityStale, claimsFor, revokeSession, touchedToken, type SessionClaims } from "./session";

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

/** A refusal the sign-in page words (wrong password, locked account, database out of reach), or the failure itself. */
const refusalOf = (e: unknown) =>
  isAppError(e) ? new SignInRefused(e.code) : databaseUnavailable(e) ? new SignInRefused("DATABASE_UNAVAILABLE") : e;

/** The host a request is for: Auth.js's own routes pass their request, its helpers read the current one. */
const hostOfRequest = async (request: Request | undefined): Promise<HostClass> => {
  const h = request?.headers ?? (await headers());
  return trustedHost((n) => h.get(n), env().BASE_DOMAIN);
};

const nextAuth = NextAuth(async (request) => ({
  secret: await sessionSecretFor(await hostOfRequest(request)),
  trustHost: true, // only hosts that the proxy classified reach Auth.js; the rest got 404
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    error(error) {
      // A cookie that does not decrypt here (another centre's, or one sealed before a key change)
      // is expected and simply anonymous; anything else is a real failure.
      const expected = (error as { type?: string }).type === "JWTSessionError";
      rootLogger[expected ? "info" : "error"]({ err: error }, "Auth.js");
    },
    warn: (code) => rootLogger.warn({ code }, "Auth.js"),
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        try {
          const tenant = await servedTenantOf(request);
          const user = await authenticate(tenantHandle(tenant), {
            username: String(credentials.username ?? ""),
            password: String(credentials.password ?? ""),
            ip: clientIp(request.headers),
            code: credentials.code ? String(credentials.code) : undefined,
          });
          return { id: String(user.id), ...claimsFor(tenant, user) };
        } catch (e) {
          throw refusalOf(e);
        }
      },
    }),
    // An operator's support session, opened with the single-use token the console issued (app/api/support/enter).
    Credentials({
      id: "support",
      credentials: { token: {} },
      async authorize(credentials, request) {
        try {
          const tenant = await servedTenantOf(request);
          const { grant, operator } = await redeemSupportToken(
            tenantHandle(tenant),
            tenant,
            String(credentials.token ?? ""),
          );
          return { id: `support:${grant.id}`, ...supportClaimsFor(tenant, grant.id, operator.id) };
        } catch (e) {
          throw refusalOf(e);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user) {
        const { sid, tid, uid, ep, tep, la, sup, op } = user as unknown as SessionClaims;
        Object.assign(token, { sid, tid, uid, ep, tep, la }, sup ? { sup, op } : {});
      } else if (trigger === "update") {
        return touchedToken(token as Partial<SessionClaims>);
      }
      return token;
    },
    session({ session, token }) {
      const { sid, tid, uid, ep, tep, la, sup, op } = token as unknown as SessionClaims;
      return { ...session, claims: { sid, tid, uid, ep, tep, la, sup, op } satisfies SessionClaims };
    },
  },
  events: {
    // Signing out (our sign-out action, or Auth.js's own endpoint) ends the session on the server
    // too, not only in this browser: a copy of the cookie is refused from now on.
    async signOut(message) {
      if ("token" in message && message.token) await endSession(message.token as Partial<SessionClaims>);
    },
  },
}));

export const { signIn, signOut, unstable_update } = nextAuth;

/**
 * Auth.js's own routes build their redirects from the request URL, which Next makes from the
 * address the server listens on (`http://0.0.0.0:3000`): they get the request re-addressed to the
 * host and protocol the browser used.
 */
const onOwnAddress = (handler: (req: NextRequest) => Promise<Response>) => (req: NextRequest) =>
  handler(new NextRequest(new URL(req.nextUrl.pathname + req.nextUrl.search, requestOrigin(req.headers)), req));
export const handlers = { GET: onOwnAddress(nextAuth.handlers.GET), POST: onOwnAddress(nextAuth.handlers.POST) };

/** Revokes a signed-out session in its centre; a support session's end is written to the centre's audit. */
async function endSession(claims: Partial<SessionClaims>) {
  const host = await hostOfRequest(undefined).catch(() => null);
  const tenant = host?.kind === "tenant" ? await findTenantBySlug(host.slug) : null;
  if (!tenant || claims.tid !== tenant.id || typeof claims.sid !== "string") return;
  const h = tenantHandle(tenant);
  // Any copy of this session's cookie was written before now, so it expires within one lifetime from now.
  await revokeSession(h, claims.sid, new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000));
  if (claims.sup) await endSupportSession(h, claims);
}

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
  const claims = await claimsOfHeaders(await headers());
  if (!claims) return null;
  if (touch && activityStale(claims)) {
    try {
      await unstable_update({});
    } catch {
      // Not in a route handler or server action: the cookie cannot be rewritten here.
    }
  }
  return claims;
}
