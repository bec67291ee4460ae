import { jwtVerify, SignJWT } from "jose";
import { env } from "@/server/env";
import { findActiveOperator } from "./accounts";

/** Host-only cookie of the console; centre hosts never see it. */
export const OPERATOR_COOKIE = "entraide_operator";
export const OPERATOR_SESSION_HOURS = 8;
const AUDIENCE = "entraide:operator";

const key = () => new TextEncoder().encode(env().SESSION_SECRET);

export async function signOperatorSession(op: { id: string; sessionEpoch: number }) {
  return new SignJWT({ epoch: op.sessionEpoch })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(op.id)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${OPERATOR_SESSION_HOURS}h`)
    .sign(key());
}

/** The operator behind a session cookie, or null when it is missing, forged, expired or revoked. */
export async function readOperatorSession(token: string | undefined) {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { audience: AUDIENCE, algorithms: ["HS256"] });
    const op = payload.sub ? await findActiveOperator(payload.sub) : null;
    return op && op.sessionEpoch === payload.epoch ? op : null;
  } catch {
    return null;
  }
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
