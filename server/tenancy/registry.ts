import { eq } from "drizzle-orm";
import { c, controlDb } from "@/server/db/control";
import { databaseUnavailable } from "@/server/db/errors";
import { isLocale, type Locale } from "@/server/i18n/locale";
import { TENANT_SCHEMA_VERSION } from "./version";

export type Tenant = typeof c.tenants.$inferSelect;

const TTL_MS = 5_000;
// One cache per process, like the pools: Next loads a separate copy of this module for pages and
// for route handlers, and invalidateTenant (called from the tRPC routes) must reach the pages' copy.
type Cache = Map<string, { tenant: Tenant; until: number }>;
const g = globalThis as unknown as { __entraideTenantCache?: Cache };
const cache: Cache = (g.__entraideTenantCache ??= new Map());

/**
 * Looks a centre up by slug. Only hits are cached (briefly), so a new centre is reachable at once.
 * While the control plane is out of reach, what was last known of the centre is answered (nothing
 * about it can change meanwhile): its pages, its sign-in page too, then say "temporarily unavailable"
 * in its own words instead of failing whole.
 */
export async function findTenantBySlug(slug: string): Promise<Tenant | null> {
  const hit = cache.get(slug);
  if (hit && hit.until > Date.now()) return hit.tenant;
  let tenant: Tenant | undefined;
  try {
    [tenant] = await controlDb().select().from(c.tenants).where(eq(c.tenants.slug, slug)).limit(1);
  } catch (e) {
    if (hit && databaseUnavailable(e)) return hit.tenant;
    throw e;
  }
  if (!tenant) {
    cache.delete(slug);
    return null;
  }
  cache.set(slug, { tenant, until: Date.now() + TTL_MS });
  return tenant;
}

/**
 * A centre's own language (what its system notes and holidays are written in). A request has just
 * looked its centre up, so this is usually answered from that cache, asking the control plane for no
 * second connection while the request holds one (the embedded database has only one).
 */
export async function centreLocaleOf(tenantId: string): Promise<Locale> {
  let tenant: Pick<Tenant, "defaultLocale"> | undefined;
  for (const hit of cache.values()) if (hit.tenant.id === tenantId && hit.until > Date.now()) tenant = hit.tenant;
  tenant ??= (
    await controlDb()
      .select({ defaultLocale: c.tenants.defaultLocale })
      .from(c.tenants)
      .where(eq(c.tenants.id, tenantId))
  )[0];
  return isLocale(tenant?.defaultLocale) ? tenant.defaultLocale : "fr";
}

export function invalidateTenant(slug: string) {
  cache.delete(slug);
}

export type Availability = "served" | "provisioning" | "suspended" | "maintenance";

/** Whether the app may serve a centre: active, not being moved, and its schema not behind the code. */
export function availability(
  tenant: Pick<Tenant, "status" | "schemaVersion"> & Partial<Pick<Tenant, "movingTo">>,
  codeVersion = TENANT_SCHEMA_VERSION,
): Availability {
  if (tenant.status === "provisioning") return "provisioning";
  if (tenant.status === "suspended" || tenant.status === "deleting") return "suspended";
  if (tenant.schemaVersion < codeVersion || tenant.movingTo) return "maintenance";
  return "served";
}
