import { registry, seedAreas } from "@/server/areas";
import type { SeedCentre } from "@/server/area";
import { runAllCheckers } from "@/server/checks/run";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * Seeds a freshly migrated centre: reference data for every centre; demo and training centres also
 * get each area's demo data, and then, like Lino's demo, the data problems of all of it. Every step
 * is idempotent.
 */
export async function seedTenant(handle: TenantHandle, centre: SeedCentre) {
  await seedAreas(handle, centre);
  if (centre.kind !== "production") await runAllCheckers(handle, registry.checkers);
}
