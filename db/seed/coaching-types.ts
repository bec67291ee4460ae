import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The three services of a Belgian centre; a centre renames or extends them. Seeded once. */
export async function seedCoachingTypes({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.coachingTypes.id }).from(t.coachingTypes).limit(1)).length) return;
  await db.insert(t.coachingTypes).values([
    { names: { fr: "Service social général", nl: "Algemene sociale dienst", de: "Allgemeiner Sozialdienst", en: "General social service" }, doesGss: true },
    { names: { fr: "Service d'insertion", nl: "Integratiedienst", de: "Integrationsdienst", en: "Integration service" }, doesIntegration: true },
    { names: { fr: "Médiation de dettes", nl: "Schuldbemiddeling", de: "Schuldnerberatung", en: "Debt mediation" } },
  ]);
}
