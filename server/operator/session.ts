import { randomUUID } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import { decodeJwt, jwtVerify, SignJWT } from "jose";
import { c, controlDb } from "@/server/db/control";
import { env } from "@/server/env";

/** Host-only cookie of the console; centre hosts never see it. */
export const OPERATOR_COOKIE = "entraide_operator";
export const OPERATOR_SESSION_HOURS = 8;
const AUDIENCE = "entraide:operator";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const key = () => new TextEncoder().encode(env().SESSION_SECRET);

/** A console session token; its `jti` names the session, so that signing out can revoke it. */
export async function signOperatorSession(op: { id: string; sessionEpoch: number }) {
  return new SignJWT({ epoch: op.sessionEpoch })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(op.id)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${OPERATOR_SESSION_HOURS}h`)
    .sign(key());
}

/**
 * The operator behind a session cookie, or null when it is missing, forged, expired, signed out
 * (revoked) or ended by the operator's epoch (password reset). One query: the operator row and
 * whether the session was revoked.
 */
export async function readOperatorSession(token: string | undefined) {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { audience: AUDIENCE, algorithms: ["HS256"] });
    if (!payload.sub || !UUID.test(payload.sub) || !payload.jti || !UUID.test(payload.jti)) return null;
    const [op] = await controlDb()
      .select({
        id: c.operators.id,
        email: c.operators.email,
        name: c.operators.name,
        active: c.operators.active,
        sessionEpoch: c.operators.sessionEpoch,
        revoked: sql<boolean>`exists (select 1 from ${c.revokedOperatorSessions} where ${c.revokedOperatorSessions.sid} = ${payload.jti})`,
      })
      .from(c.operators)
      .where(eq(c.operators.id, payload.sub))
      .limit(1);
    if (!op?.active || op.revoked || op.sessionEpoch !== payload.epoch) return null;
    return { id: op.id, email: op.email, name: op.name, active: op.active, sessionEpoch: op.sessionEpoch };
  } catch {
    return null;
  }
}

/**
 * Signing out of the console: the session's token is refused from now on, wherever a copy of the
 * cookie went. Only a genuine token is revoked (its signature is checked), until it expires;
 * rows of expired tokens are swept at the same time.
 */
export async function revokeOperatorSession(token: string | undefined) {
  if (!token) return;
  try {
    await jwtVerify(token, key(), { audience: AUDIENCE, algorithms: ["HS256"] });
  } catch {
    return; // forged or already expired: nothing to revoke
  }
  const { jti, exp } = decodeJwt(token);
  if (!jti || !UUID.test(jti) || typeof exp !== "number") return;
  const db = controlDb();
  await db
    .insert(c.revokedOperatorSessions)
    .values({ sid: jti, expiresAt: new Date(exp * 1000) })
    .onConflictDoNothing();
  await db.delete(c.revokedOperatorSessions).where(lt(c.revokedOperatorSessions.expiresAt, sql`now()`));
}

export function operatorCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().SECURE_COOKIES ?? env().NODE_ENV === "production",
    path: "/",
    maxAge: OPERATOR_SESSION_HOURS * 3600,
  };
}
