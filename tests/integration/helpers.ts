import { randomBytes } from "node:crypto";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { createTenant, type TenantKind } from "@/server/tenancy/lifecycle";
import type { HostClass } from "@/server/tenancy/host";

export const uniqueSlug = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** A fresh, active centre with reference data. */
export async function newCentre(prefix: string, kind: TenantKind = "training", name = `CPAS ${prefix}`) {
  const { tenant } = await createTenant({ slug: uniqueSlug(prefix), names: { fr: name }, defaultLocale: "fr", kind }, "test");
  return tenant;
}

/** A tRPC caller as a request on that host (with those cookies) would get it. */
export async function callerOn(host: HostClass, cookies: Record<string, string> = {}) {
  return createCaller(await createInnerContext({ host, cookies }));
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
