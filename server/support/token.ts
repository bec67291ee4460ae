import { created, operatorActor, writeAudit } from "@/server/audit";
import { createHmac, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";
import { c, controlDb } from "@/server/db/control";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { findActiveOperator } from "@/server/operator/accounts";
import type { Tenant } from "@/server/tenancy/registry";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { activeGrant, currentGrant } from "./grants";

/** How long the console's link into a centre stays valid: long enough to follow it, no longer. */
export const SUPPORT_TOKEN_SECONDS = 120;
const ISSUER = "entraide:console";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A key of its own, derived from SESSION_SECRET, so no other token of the platform can pass for this one. */
const key = () =>
  new Uint8Array(createHmac("sha256", env().SESSION_SECRET).update("entraide support token v1").digest());
/** The audience names the centre: a token issued for one centre is refused by every other. */
const audienceOf = (tenantId: string) => `entraide:support:${tenantId}`;

/**
 * A single-use signed token that opens a support session on the centre, for an operator. Refused
 * (SUPPORT_NOT_GRANTED) unless the centre's administrators granted support access that is active now.
 */
export async function issueSupportToken(
  operator: { id: string; email: string },
  tenant: Pick<Tenant, "id" | "slug">,
  now = new Date(),
) {
  const grant = await currentGrant(tenant.id, now);
  if (!grant) throw new AppError("SUPPORT_NOT_GRANTED", { slug: tenant.slug });
  const jti = randomUUID();
  const expiresAt = new Date(now.getTime() + SUPPORT_TOKEN_SECONDS * 1000);
  await controlDb()
    .insert(c.supportTokens)
    .values({ jti, grantId: grant.id, operatorId: operator.id, issuedAt: now, expiresAt });
  await controlDb()
    .insert(c.controlAudit)
    .values({
      actor: `operator:${operator.email}`,
      action: "support.token_issued",
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      details: { grantId: grant.id, jti },
    });
  const token = await new SignJWT({ gid: grant.id })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(audienceOf(tenant.id))
    .setSubject(operator.id)
    .setJti(jti)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { token, grant };
}

/**
 * Checks a token on the centre it is presented to and uses it up: signature, audience (this
 * centre), expiry, its `jti` not used before, the grant still active, the operator still active.
 * The start of the session is written to the centre's audit. Returns who the session is for.
 */
export async function redeemSupportToken(
  h: Pick<TenantHandle, "db" | "t">,
  tenant: Pick<Tenant, "id" | "slug">,
  token: string,
  now = new Date(),
) {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(), {
      issuer: ISSUER,
      audience: audienceOf(tenant.id),
      algorithms: ["HS256"],
      currentDate: now,
    }));
  } catch {
    throw new AppError("SUPPORT_TOKEN_INVALID");
  }
  const { jti, sub, gid } = payload;
  if (!jti || !UUID.test(jti) || !sub || !UUID.test(sub) || typeof gid !== "string" || !UUID.test(gid))
    throw new AppError("SUPPORT_TOKEN_INVALID");
  // Used up atomically: of two requests with the same token, one wins.
  const [used] = await controlDb()
    .update(c.supportTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(c.supportTokens.jti, jti),
        isNull(c.supportTokens.usedAt),
        eq(c.supportTokens.grantId, gid),
        eq(c.supportTokens.operatorId, sub),
        gt(c.supportTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!used) throw new AppError("SUPPORT_TOKEN_INVALID");
  const grant = await activeGrant(tenant.id, gid, now);
  if (!grant) throw new AppError("SUPPORT_NOT_GRANTED", { slug: tenant.slug });
  const operator = await findActiveOperator(sub);
  if (!operator) throw new AppError("SUPPORT_TOKEN_INVALID");
  await writeAudit(h.db, h.t, operatorActor(operator.email), {
    action: "support.session_start",
    entity: "support_grants",
    id: grant.id,
    changes: created({ operator: operator.name }),
  });
  await controlDb()
    .insert(c.controlAudit)
    .values({
      actor: `operator:${operator.email}`,
      action: "support.session_start",
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      details: { grantId: grant.id, jti },
    });
  return { grant, operator };
}
