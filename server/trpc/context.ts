import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Registry } from "@/server/area";
import { registry } from "@/server/areas";
import { requestLogger } from "@/server/logger";
import { OPERATOR_COOKIE, readOperatorSession } from "@/server/operator/session";
import { env } from "@/server/env";
import { trustedHost, type HostClass } from "@/server/tenancy/host";
import { ACT_AS_COOKIE, resolveSessionUser, type SessionClaims, type SessionUser } from "@/server/auth/session";
import { availability, findTenantBySlug, type Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/server/i18n/locale";
import { auditSupportRequest } from "@/server/support/session";

export interface Context {
  requestId: string;
  host: HostClass;
  /** The centre of the host, whatever its status; procedures decide what they serve. */
  tenant: Tenant | null;
  operator: { id: string; email: string; name: string } | null;
  /** The signed-in centre user, only when the session belongs to this host's centre. */
  user: SessionUser | null;
  log: Logger;
  /** The language the user reads: their choice (cookie), else their profile, else the centre's. */
  locale: Locale;
  /** Every area's declarations (resources, relations, checkers…). */
  registry: Registry;
}

/** Builds a context from what the request says; tests call this with a host and cookies directly. */
export async function createInnerContext(opts: {
  host: HostClass;
  cookies?: Record<string, string>;
  claims?: SessionClaims | null;
  requestId?: string;
}): Promise<Context> {
  const requestId = opts.requestId ?? randomUUID();
  const tenant = opts.host.kind === "tenant" ? await findTenantBySlug(opts.host.slug) : null;
  const operator = opts.host.kind === "operator" ? await readOperatorSession(opts.cookies?.[OPERATOR_COOKIE]) : null;
  const actAs = Number(opts.cookies?.[ACT_AS_COOKIE]) || null;
  const user =
    tenant && availability(tenant) === "served"
      ? await resolveSessionUser(tenantHandle(tenant), tenant, opts.claims, actAs)
      : null;
  const log = requestLogger({ requestId, tenantId: tenant?.id, operatorId: operator?.id, userId: user?.id });
  const chosen = opts.cookies?.[LOCALE_COOKIE];
  const locale = [chosen, user?.language, tenant?.defaultLocale].find(isLocale) ?? "fr";
  return { requestId, host: opts.host, tenant, operator, user, log, locale, registry };
}

export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** The host of a request, from its Host header (see trustedHost). */
export function hostOf(req: Request): HostClass {
  return trustedHost((name) => req.headers.get(name), env().BASE_DOMAIN);
}

/**
 * `claims` come from the Auth.js session, read by the route (next-auth only loads inside Next).
 * A route handler's request made by an operator's support session is written to the centre's
 * audit here; tRPC passes `perProcedureAudit`, as it audits each procedure call instead.
 */
export async function createContext({
  req,
  claims,
  perProcedureAudit = false,
}: {
  req: Request;
  claims: SessionClaims | null;
  perProcedureAudit?: boolean;
}) {
  const ctx = await createInnerContext({
    host: hostOf(req),
    cookies: parseCookies(req.headers.get("cookie")),
    claims,
    requestId: req.headers.get("x-request-id") ?? undefined,
  });
  if (ctx.user?.support && ctx.tenant && !perProcedureAudit)
    await auditSupportRequest(tenantHandle(ctx.tenant), ctx.user.support, req);
  return ctx;
}
