import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { seedClientFile } from "./client-file";
import { seedCoachingTypes } from "./coaching-types";
import { seedDemoClients } from "./demo-clients";
import { seedDemoUsers } from "./demo-users";
import { seedReference } from "./reference";

/**
 * Seeds a freshly migrated centre: reference data for every centre; demo and training centres also
 * get the demo cast (and, as areas arrive, their demo data). Every step is idempotent.
 */
export async function seedTenant(handle: TenantHandle, centre: { kind: "production" | "training" | "demo"; defaultLocale: string; slug?: string }) {
  await seedReference(handle);
  await handle.db.insert(handle.t.siteSettings).values({ id: 1 }).onConflictDoNothing();
  await seedCoachingTypes(handle);
  if (centre.kind !== "production") {
    await seedDemoUsers(handle, centre);
    await seedClientFile(handle, centre);
    await seedDemoClients(handle, centre);
  }
}
