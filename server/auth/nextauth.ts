import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { trustedHost } from "@/server/tenancy/host";
import { availability, findTenantBySlug } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { authenticate } from "./login";
import { claimsFor, type SessionClaims } from "./session";

/** Idle timeout of a centre session; each request within it extends it. */
export const SESSION_IDLE_SECONDS = 8 * 3600;

/** Carries one catalogue code to the login page (Auth.js puts `code` in the redirect URL). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const clientIp = (headers: Headers) => headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().SESSION_SECRET,
  trustHost: true, // only hosts that middleware classified reach Auth.js; the rest got 404
  useSecureCookies: env().SECURE_COOKIES ?? env().NODE_ENV === "production",
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 300 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const host = trustedHost((n) => request.headers.get(n), env().BASE_DOMAIN);
        const tenant = host.kind === "tenant" ? await findTenantBySlug(host.slug) : null;
        if (!tenant || availability(tenant) !== "served") throw new SignInRefused("TENANT_UNAVAILABLE");
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
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const { tid, uid, ep, tep } = user as unknown as SessionClaims;
        Object.assign(token, { tid, uid, ep, tep });
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, claims: { tid: token.tid, uid: token.uid, ep: token.ep, tep: token.tep } as SessionClaims };
    },
  },
}));

/** The session claims of this request, if any (not yet checked against the host's centre). */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = (await auth()) as { claims?: SessionClaims } | null;
  return session?.claims ?? null;
}
