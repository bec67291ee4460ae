import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { seedReference } from "./reference";

export type SeedKind = "production" | "training" | "demo";

/**
 * Seeds a freshly migrated centre: reference data for every centre. Areas that bring demo data
 * (users, clients, …) add it here for `demo` and `training` centres.
 */
export async function seedTenant(handle: TenantHandle, _kind: SeedKind) {
  await seedReference(handle);
}
