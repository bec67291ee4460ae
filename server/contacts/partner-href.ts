import "server-only";
import { eq } from "drizzle-orm";
import { resourceHref } from "@/lib/resources";
import { currentUser } from "@/server/auth/current";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { partnerResourceOf } from "./partners";

/**
 * The detail address of a partner's own kind (a client's file, a person, an organisation, a
 * household), for a signed-in user of a served centre; null when there is no such partner.
 */
export async function partnerDetailHref(rawId: string): Promise<string | null> {
  const id = Number(decodeURIComponent(rawId));
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const found = await currentTenant();
  if (!found || found.availability !== "served" || !(await currentUser())) return null;
  const { db, t } = tenantHandle(found.tenant);
  const [partner] = await db
    .select({ kind: t.partners.kind, isClient: t.partners.isClient })
    .from(t.partners)
    .where(eq(t.partners.id, id));
  return partner ? resourceHref(partnerResourceOf(partner.kind, partner.isClient), id) : null;
}
