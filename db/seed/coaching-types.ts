import { eq } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The three services of a Belgian centre; a centre renames or extends them. Seeded once. */
export async function seedCoachingTypes({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.coachingTypes.id }).from(t.coachingTypes).limit(1)).length) return;
  await db.insert(t.coachingTypes).values([
    {
      names: {
        fr: "Service social général",
        nl: "Algemene sociale dienst",
        de: "Allgemeiner Sozialdienst",
        en: "General social service",
      },
      doesGss: true,
    },
    {
      names: {
        fr: "Service d'insertion",
        nl: "Integratiedienst",
        de: "Integrationsdienst",
        en: "Integration service",
      },
      doesIntegration: true,
    },
    { names: { fr: "Médiation de dettes", nl: "Schuldbemiddeling", de: "Schuldnerberatung", en: "Debt mediation" } },
  ]);
}

/** Demo termination reasons; "found a job" only ends coachings of the integration service. Seeded once. */
export async function seedCoachingEndings({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.coachingEndings.id }).from(t.coachingEndings).limit(1)).length) return;
  const [integration] = await db
    .select({ id: t.coachingTypes.id })
    .from(t.coachingTypes)
    .where(eq(t.coachingTypes.doesIntegration, true))
    .orderBy(t.coachingTypes.id)
    .limit(1);
  await db.insert(t.coachingEndings).values([
    {
      names: {
        fr: "Transfert vers collègue",
        nl: "Overdracht aan collega",
        de: "Übergabe an Kollege",
        en: "Transfer to colleague",
      },
    },
    {
      names: {
        fr: "Fin du droit à l'aide sociale",
        nl: "Einde recht op maatschappelijke hulp",
        de: "Einstellung des Anrechts auf Sozialhilfe",
        en: "End of right on social aid",
      },
    },
    {
      names: {
        fr: "Déménagement dans une autre commune",
        nl: "Verhuisd naar een andere gemeente",
        de: "Umzug in andere Gemeinde",
        en: "Moved to another town",
      },
    },
    {
      names: {
        fr: "A trouvé du travail",
        nl: "Heeft werk gevonden",
        de: "Hat selber Arbeit gefunden",
        en: "Found a job",
      },
      coachingTypeId: integration?.id ?? null,
    },
  ]);
}
