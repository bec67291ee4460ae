import { runAllCheckers } from "@/server/checks/run";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { seedClientFile } from "./client-file";
import { seedCoachingEndings, seedCoachingTypes } from "./coaching-types";
import { seedContactTypes, seedDemoClientContacts, seedDemoContacts } from "./contacts";
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
  await seedContactTypes(handle);
  if (centre.kind !== "production") {
    await seedDemoUsers(handle, centre);
    await seedCoachingEndings(handle);
    await seedClientFile(handle, centre);
    await seedDemoClients(handle, centre);
    // After the clients: their seeding only runs on a centre without partners.
    await seedDemoContacts(handle, centre);
    await seedDemoClientContacts(handle);
    // Last, like Lino's demo: the data problems of everything seeded above.
    await runAllCheckers(handle);
  }
}
