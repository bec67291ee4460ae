import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import { rowChange, writeAudit } from "@/server/audit";
import type { SeedCentre } from "@/server/area";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";
import { insertSeededContracts } from "@/server/isip/base";
import { defaultDateEnded } from "@/server/isip/rules";
import { seedIsipReference } from "@/server/isip/seed";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { art60Kind } from "./kind";
import { CANDIDATURE_STATE, deactivatesCandidatures, jobSupplymentDefaults } from "./rules";

/**
 * Lino's Art. 60§7 contract types (domain-integ-money §2.5), for every centre: in the "contracts"
 * overlap group with ISIPs (§2.3), evaluated every three months (Lino's demo).
 */
const TYPES = [
  {
    ref: "art60-7a",
    names: { fr: "Économie sociale", nl: "Sociale economie", de: "Sozialökonomie", en: "Social economy" },
    printedClauses: "socialEconomy",
  },
  {
    ref: "art60-7b",
    names: {
      fr: "Économie sociale — majorés",
      nl: "Sociale economie — verhoogd",
      de: "Sozialökonomie — majoré",
      en: "Social economy — increased",
    },
  },
  {
    ref: "art60-7c",
    names: { fr: "Avec remboursement", nl: "Met terugbetaling", de: "Mit Rückerstattung", en: "With refund" },
    printedClauses: "refund",
  },
  {
    ref: "art60-7d",
    names: {
      fr: "Avec remboursement (école)",
      nl: "Met terugbetaling (school)",
      de: "Mit Rückerstattung Schule",
      en: "With refund (school)",
    },
    printedClauses: "refund",
  },
  {
    ref: "art60-7e",
    names: { fr: "Ville d'Eupen", nl: "Stad Eupen", de: "Stadt Eupen", en: "City of Eupen" },
    printedClauses: "city",
  },
];

export async function seedArt60Reference(handle: TenantHandle) {
  const { db, t } = handle;
  if ((await db.select({ id: t.jobContractTypes.id }).from(t.jobContractTypes).limit(1)).length) return;
  // The exam policies are the contracts' base's (isip), seeded once whichever area comes first.
  await seedIsipReference(handle);
  const [quarterly] = await db
    .select({ id: t.examPolicies.id })
    .from(t.examPolicies)
    .where(eq(t.examPolicies.ref, "quarterly"));
  await db
    .insert(t.jobContractTypes)
    .values(TYPES.map((ty) => ({ ...ty, examPolicyId: quarterly?.id ?? null, overlapGroup: "contracts" })));
}

/**
 * Demo Art. 60§7 contracts (Lino's demo shape: Eupen 16 on its 8 jobs, other centres 4): the jobs get
 * a contract type in turn; coached clients without an integration coaching (those have the demo's
 * ISIPs, in the same overlap group) work on the jobs in turn, authored by the integration agents,
 * started from 14 months ago a month apart (without enough such clients, the first ones have an
 * earlier contract too), their duration and planned end by the client's age.
 * Their evaluation meetings are generated, and the candidatures of those still working are inactive.
 */
export async function seedArt60Demo(handle: TenantHandle, centre: SeedCentre) {
  const { db, t } = handle;
  if ((await db.select({ id: t.jobContracts.id }).from(t.jobContracts).limit(1)).length) return;
  const count = centre.defaultLocale === "de" ? 16 : 4;
  const jobs = await db
    .select({ id: t.jobs.id, providerId: t.jobs.providerId, hourlyRate: t.jobs.hourlyRate })
    .from(t.jobs)
    .orderBy(asc(t.jobs.id));
  const types = await db
    .select({ id: t.jobContractTypes.id, policy: t.jobContractTypes.examPolicyId })
    .from(t.jobContractTypes)
    .orderBy(asc(t.jobContractTypes.id));
  const agents = await db
    .select({ id: t.users.id })
    .from(t.users)
    .where(inArray(t.users.userType, ["100", "110", "120"]))
    .orderBy(asc(t.users.id));
  const integ = db
    .select({ id: t.coachings.id })
    .from(t.coachings)
    .innerJoin(t.coachingTypes, eq(t.coachingTypes.id, t.coachings.coachingTypeId))
    .where(and(eq(t.coachings.clientId, t.partners.id), eq(t.coachingTypes.doesIntegration, true)));
  const clients = await db
    .select({ id: t.partners.id, birthDate: t.partners.birthDate })
    .from(t.partners)
    .where(and(eq(t.partners.isClient, true), eq(t.partners.clientState, "30"), notExists(integ)))
    .orderBy(asc(t.partners.id))
    .limit(count);
  if (!jobs.length || !types.length || !clients.length) return;
  const today = belgianToday();
  const who = { actor: "seed:jobs", actingFor: null };
  await db.transaction(async (tx) => {
    // Each job names its contract type (Lino's demo: the types in turn).
    for (const [i, job] of jobs.entries())
      await tx
        .update(t.jobs)
        .set({ contractTypeId: types[i % types.length]!.id })
        .where(and(eq(t.jobs.id, job.id), isNull(t.jobs.contractTypeId)));
    // Fewer clients than contracts: the first clients get an earlier contract too, two years before.
    const rows = Array.from({ length: count }, (_, i) => {
      const client = clients[i % clients.length]!;
      const round = Math.floor(i / clients.length);
      const job = jobs[i % jobs.length]!;
      const type = types[jobs.indexOf(job) % types.length]!;
      const appliesFrom = addDays(addMonths(today, -14 - 24 * round), 30 * (i % clients.length));
      const dates = jobSupplymentDefaults(
        { appliesFrom, appliesUntil: null, duration: null },
        client.birthDate || null,
      );
      const appliesUntil = dates.appliesUntil ?? addDays(addMonths(appliesFrom, 12), -1);
      return {
        clientId: client.id,
        userId: agents.length ? agents[i % agents.length]!.id : null,
        typeId: type.id,
        examPolicyId: type.policy,
        language: centre.defaultLocale,
        jobId: job.id,
        companyId: job.providerId,
        hourlyRate: job.hourlyRate,
        refundRate: ["0%", "25%", "50%", "100%"][i % 4]!,
        duration: dates.duration ?? 312,
        appliesFrom,
        appliesUntil,
        dateEnded: defaultDateEnded({ appliesFrom, appliesUntil, dateEnded: null }),
      };
    });
    await insertSeededContracts(tx as never, t, who, art60Kind, rows);
    const working = rows.filter((r) => deactivatesCandidatures(r, today)).map((r) => r.clientId);
    if (working.length) {
      const changed = await tx
        .update(t.candidatures)
        .set({ state: CANDIDATURE_STATE.inactive, version: sql`${t.candidatures.version} + 1` })
        .where(and(inArray(t.candidatures.clientId, working), eq(t.candidatures.state, CANDIDATURE_STATE.active)))
        .returning({ id: t.candidatures.id });
      await writeAudit(
        tx as never,
        t,
        who,
        ...changed.map((r) =>
          rowChange("jobs.candidatures", "update", r.id, {
            state: { from: CANDIDATURE_STATE.active, to: CANDIDATURE_STATE.inactive },
          }),
        ),
      );
    }
  });
}
