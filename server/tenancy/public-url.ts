import { eq } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { c, controlDb } from "@/server/db/control";
import { env } from "@/server/env";

/** The address a centre is reached at from outside: what links in mails, SMS and the console point to. */
export function centreUrl(slug: string) {
  const { BASE_DOMAIN, PORT, NODE_ENV } = env();
  const secure = NODE_ENV === "production" && BASE_DOMAIN !== "localhost";
  return `${secure ? "https" : "http"}://${slug}.${BASE_DOMAIN}${secure ? "" : `:${PORT}`}`;
}

/** A centre known by its id (a background job's handle): its address and its names. */
export async function centreOf(tenantId: string): Promise<{ url: string; names: LocalizedText }> {
  const [tenant] = await controlDb()
    .select({ slug: c.tenants.slug, names: c.tenants.names })
    .from(c.tenants)
    .where(eq(c.tenants.id, tenantId))
    .limit(1);
  if (!tenant) throw new Error(`no centre ${tenantId}`);
  return { url: centreUrl(tenant.slug), names: tenant.names };
}
