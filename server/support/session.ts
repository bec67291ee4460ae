import { operatorActor, writeAudit } from "@/server/audit";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SessionClaims, SessionUser } from "@/server/auth/session";
import { rolesInCentre } from "@/server/auth/user-types";
import { c, controlDb } from "@/server/db/control";
import { AppError } from "@/server/errors";
import { findActiveOperator } from "@/server/operator/accounts";
import type { Tenant } from "@/server/tenancy/registry";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { activeGrant } from "./grants";

/**
 * An operator's support session in a centre. It is no user row of the centre: the session token
 * names the grant and the operator, and every request checks that both are still active. The
 * identity reads with an administrator's user type (900) and may change nothing.
 */
export interface SupportIdentity {
  grantId: string;
  operatorId: string;
  operatorEmail: string;
  operatorName: string;
  endsAt: Date;
}

/** The user type the support identity reads with. */
export const SUPPORT_USER_TYPE = "900" as const;

/** Session claims of a support session (uid 0: no user of the centre has that id). */
export function supportClaimsFor(
  tenant: Pick<Tenant, "id" | "sessionEpoch">,
  grantId: string,
  operatorId: string,
  now = Date.now(),
): SessionClaims {
  return {
    sid: randomUUID(),
    tid: tenant.id,
    tep: tenant.sessionEpoch,
    uid: 0,
    ep: 0,
    la: Math.floor(now / 1000),
    sup: grantId,
    op: operatorId,
  };
}

/** The support identity of a support session's claims, or null once its grant ended or was revoked, or its operator was deactivated. */
export async function resolveSupportSession(
  _h: TenantHandle,
  tenant: Pick<Tenant, "id" | "defaultLocale">,
  claims: Partial<SessionClaims>,
  now = new Date(),
  fieldSets: readonly string[] = [],
): Promise<SessionUser | null> {
  if (typeof claims.sup !== "string" || typeof claims.op !== "string") return null;
  const grant = await activeGrant(tenant.id, claims.sup, now).catch(() => null);
  if (!grant) return null;
  const operator = await findActiveOperator(claims.op).catch(() => null);
  if (!operator) return null;
  return {
    id: 0,
    username: operator.email,
    firstName: operator.name,
    lastName: "",
    language: tenant.defaultLocale,
    userType: SUPPORT_USER_TYPE,
    roles: rolesInCentre(SUPPORT_USER_TYPE, fieldSets),
    mustEnrollTotp: false,
    realUser: null,
    support: {
      grantId: grant.id,
      operatorId: operator.id,
      operatorEmail: operator.email,
      operatorName: operator.name,
      endsAt: grant.endsAt,
    },
  };
}

type CallResult = { ok: boolean };

/**
 * Runs one procedure for the support identity: a mutation is refused (SUPPORT_READ_ONLY, a
 * FORBIDDEN), a query runs; either way the call is written to the centre's audit with the
 * operator as actor.
 */
export async function supportCall<R extends CallResult>(
  h: Pick<TenantHandle, "db" | "t">,
  support: SupportIdentity,
  call: { path: string; type: string },
  run: () => Promise<R>,
): Promise<R> {
  const operator = operatorActor(support.operatorEmail);
  if (call.type !== "query") {
    await writeAudit(h.db, h.t, operator, { action: "support.refused", entity: "procedure", id: call.path });
    throw new AppError("SUPPORT_READ_ONLY");
  }
  const result = await run();
  await writeAudit(h.db, h.t, operator, {
    action: result.ok ? "support.read" : "support.read_failed",
    entity: "procedure",
    id: call.path,
  });
  return result;
}

/** Pages read centre data on the server without a procedure: each page a support session renders is audited too. */
export async function auditSupportPage(h: Pick<TenantHandle, "db" | "t">, support: SupportIdentity, path: string) {
  await writeAudit(h.db, h.t, operatorActor(support.operatorEmail), {
    action: "support.page",
    entity: "page",
    id: path.slice(0, 300),
  });
}

/**
 * Route handlers (downloads, exports, the eID lookup, …) serve a support session outside tRPC:
 * each such request is audited with its method, path and query, so an export names its filters.
 * `refused` marks a request the support session may not make (it changed nothing).
 */
export async function auditSupportRequest(
  h: Pick<TenantHandle, "db" | "t">,
  support: SupportIdentity,
  req: Pick<Request, "method" | "url">,
  refused = false,
) {
  const url = new URL(req.url);
  await writeAudit(h.db, h.t, operatorActor(support.operatorEmail), {
    action: refused ? "support.refused" : "support.request",
    entity: "request",
    id: `${req.method} ${url.pathname}${url.search}`.slice(0, 300),
  });
}

/** A support session signed out: the end is written to the centre's audit. */
export async function endSupportSession(h: Pick<TenantHandle, "db" | "t">, claims: Partial<SessionClaims>) {
  if (typeof claims.op !== "string" || typeof claims.sup !== "string") return;
  const [operator] = await controlDb()
    .select({ email: c.operators.email })
    .from(c.operators)
    .where(eq(c.operators.id, claims.op))
    .limit(1);
  if (!operator) return;
  await writeAudit(h.db, h.t, operatorActor(operator.email), {
    action: "support.session_end",
    entity: "support_grants",
    id: claims.sup,
  });
}
