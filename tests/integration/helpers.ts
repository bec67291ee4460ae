import { randomBytes } from "node:crypto";
import { getErrorShape, getTRPCErrorFromUnknown } from "@trpc/server/unstable-core-do-not-import";
import pg from "pg";
import { hashPassword } from "@/server/auth/password";
import { claimsFor, type SessionClaims } from "@/server/auth/session";
import type { UserType } from "@/server/auth/user-types";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { t as trpc } from "@/server/trpc/init";
import type { AppErrorCode } from "@/server/errors";
import { createTenant, type TenantKind } from "@/server/tenancy/lifecycle";
import type { HostClass } from "@/server/tenancy/host";

export const uniqueSlug = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** A fresh, active centre with reference data. */
export async function newCentre(prefix: string, kind: TenantKind = "training", name = `CPAS ${prefix}`) {
  const { tenant } = await createTenant(
    { slug: uniqueSlug(prefix), names: { fr: name }, defaultLocale: "fr", kind },
    "test",
  );
  return tenant;
}

/** A tRPC caller as a request on that host (with those cookies and session claims) would get it. */
export async function callerOn(
  host: HostClass,
  cookies: Record<string, string> = {},
  claims: SessionClaims | null = null,
) {
  return createCaller(await createInnerContext({ host, cookies, claims }));
}

export const TEST_PASSWORD = "a long test passphrase";
let passwordHash: Promise<string> | undefined;

/** A user of that centre with that user type, and the session claims a sign-in would give. */
export async function newUser(
  tenant: Tenant,
  userType: UserType | null,
  fields: Partial<TenantHandle["t"]["users"]["$inferInsert"]> = {},
) {
  const h = tenantHandle(tenant);
  const [user] = await h.db
    .insert(h.t.users)
    .values({
      username: uniqueSlug(`u${userType ?? "none"}`),
      firstName: "Test",
      lastName: `User ${userType}`,
      userType,
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      ...fields,
    })
    .returning();
  return { user: user!, claims: claimsFor(tenant, user!) };
}

/** A caller signed in on its own centre with a fresh user of that type. */
export async function signedInCaller(tenant: Tenant, userType: UserType) {
  const { claims } = await newUser(tenant, userType);
  return callerOn(centreHost(tenant.slug), {}, claims);
}

export const centreHost = (slug: string): HostClass => ({ kind: "tenant", slug });
export const consoleHost: HostClass = { kind: "operator" };

/** The application error code a rejected call carries. */
export async function appCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return cause?.code ?? (e as { code?: string }).code ?? "unknown";
  }
}

/** A rejected call's error as the browser receives it: the app's error formatter applied (HTTP status, application code, fields). */
export function errorAsSent(e: unknown) {
  const error = getTRPCErrorFromUnknown(e);
  const shape = getErrorShape({
    config: trpc._config,
    error,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return shape.data as {
    httpStatus: number;
    appCode: AppErrorCode;
    params: Record<string, string | number>;
    fieldErrors?: { path: string; code: string }[];
  };
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
/** The SQL statements this process sends to PostgreSQL while `fn` runs (every pooled connection), by text. */
export async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: Query };
  const query = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    statements.push(typeof first === "string" ? first : first.text);
    return query.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    proto.query = query;
  }
}
