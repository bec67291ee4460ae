import { and, eq, isNotNull } from "drizzle-orm";
import type { SeedCentre } from "@/server/area";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";
import { belgianToday } from "@/lib/format";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { insertSeededContracts, isipKind } from "./base";
import { defaultDateEnded } from "./rules";

/**
 * Reference data every centre gets (domain-integ-money §2.3–2.4, Lino's std and demo fixtures): the
 * standard exam policies, contract endings and the five ISIP types. Demo centres get contracts shaped
 * like Lino's demo (Eupen 33 ISIPs, Châtelet a few PIIS) with their evaluation meetings.
 */

const POLICIES = [
  {
    ref: "monthly",
    names: { fr: "Tous les mois", nl: "Maandelijks", de: "Monatlich", en: "Every month" },
    every: 1,
    everyUnit: "monthly",
    startTime: "09:00:00",
  },
  {
    ref: "bimonthly",
    names: { fr: "Tous les deux mois", nl: "Om de twee maanden", de: "Alle zwei Monate", en: "Every 2 months" },
    every: 2,
    everyUnit: "monthly",
    startTime: "09:00:00",
  },
  {
    ref: "quarterly",
    names: { fr: "Tous les trois mois", nl: "Om de drie maanden", de: "Alle drei Monate", en: "Every 3 months" },
    every: 3,
    everyUnit: "monthly",
    startTime: null,
  },
  {
    ref: "biweekly",
    names: { fr: "Toutes les deux semaines", nl: "Om de twee weken", de: "Alle zwei Wochen", en: "Every 2 weeks" },
    every: 2,
    everyUnit: "weekly",
    startTime: "09:00:00",
  },
  {
    ref: "once10",
    names: {
      fr: "Une fois après 10 jours",
      nl: "Eenmalig na 10 dagen",
      de: "Einmalig nach 10 Tagen",
      en: "Once after 10 days",
    },
    every: 10,
    everyUnit: "daily",
    startTime: "09:00:00",
    maxEvents: 1,
  },
  {
    ref: "other",
    names: { fr: "Autre", nl: "Andere", de: "Andere", en: "Other" },
    every: 1,
    everyUnit: null,
    startTime: null,
    noType: true,
  },
] as const;

const ENDINGS = [
  { names: { fr: "Normal", nl: "Normaal", de: "Normal", en: "Normal" }, isSuccess: true },
  { names: { fr: "Alcool", nl: "Alcohol", de: "Alkohol", en: "Alcohol" }, needsDateEnded: true },
  { names: { fr: "Santé", nl: "Gezondheid", de: "Gesundheit", en: "Health" }, needsDateEnded: true },
  { names: { fr: "Force majeure", nl: "Overmacht", de: "Höhere Gewalt", en: "Force majeure" }, needsDateEnded: true },
];

const TYPES = [
  {
    ref: "vsea",
    names: { fr: "PIIS formation", nl: "GPMI opleiding", de: "VSE Ausbildung", en: "ISIP training" },
    needsStudyType: true,
    printedClauses: "training",
  },
  {
    ref: "vseb",
    names: { fr: "PIIS recherche d'emploi", nl: "GPMI werkzoeken", de: "VSE Arbeitssuche", en: "ISIP job search" },
  },
  {
    ref: "vsec",
    names: { fr: "PIIS apprentissage", nl: "GPMI leertijd", de: "VSE Lehre", en: "ISIP apprenticeship" },
    printedClauses: "apprenticeship",
  },
  {
    ref: "vsed",
    names: {
      fr: "PIIS études de plein exercice",
      nl: "GPMI voltijdse studie",
      de: "VSE Vollzeitstudium",
      en: "ISIP full-time studies",
    },
    needsStudyType: true,
    printedClauses: "studies",
  },
  {
    ref: "vsee",
    names: { fr: "PIIS cours de langue", nl: "GPMI taalcursus", de: "VSE Sprachkurs", en: "ISIP language course" },
  },
];

export async function seedIsipReference({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.examPolicies.id }).from(t.examPolicies).limit(1)).length) return;
  const [evaluation] = await db
    .select({ id: t.entryTypes.id })
    .from(t.entryTypes)
    .where(eq(t.entryTypes.ref, "evaluation"));
  const policies = await db
    .insert(t.examPolicies)
    .values(
      POLICIES.map(({ noType, ...p }: (typeof POLICIES)[number] & { noType?: boolean; maxEvents?: number }) => ({
        ...p,
        entryTypeId: noType ? null : (evaluation?.id ?? null),
      })),
    )
    .returning({ id: t.examPolicies.id, ref: t.examPolicies.ref });
  const monthly = policies.find((p) => p.ref === "monthly")!.id;
  await db.insert(t.contractEndings).values(ENDINGS.map((e) => ({ ...e, useInIsip: true, useInJobs: true })));
  await db
    .insert(t.isipContractTypes)
    .values(TYPES.map((ty) => ({ ...ty, examPolicyId: monthly, overlapGroup: "contracts" })));
}

/**
 * Demo ISIPs (Lino's demo shape): the coached clients of the integration agents, one contract each
 * (Eupen up to 33, other centres 8), types cycling, a year long, started from a year and a half ago up
 * to recently, so that some are over (ended normally) and the others run with monthly evaluations.
 */
export async function seedIsipDemo(handle: TenantHandle, centre: SeedCentre) {
  const { db, t } = handle;
  if ((await db.select({ id: t.isipContracts.id }).from(t.isipContracts).limit(1)).length) return;
  const count = centre.defaultLocale === "de" ? 33 : 8;
  const coached = await db
    .selectDistinctOn([t.coachings.clientId], { clientId: t.coachings.clientId, userId: t.coachings.userId })
    .from(t.coachings)
    .innerJoin(t.coachingTypes, eq(t.coachingTypes.id, t.coachings.coachingTypeId))
    .where(and(eq(t.coachingTypes.doesIntegration, true), isNotNull(t.coachings.userId)))
    .orderBy(t.coachings.clientId, t.coachings.startDate)
    .limit(count);
  if (!coached.length) return;
  const types = await db
    .select({
      id: t.isipContractTypes.id,
      policy: t.isipContractTypes.examPolicyId,
      needsStudyType: t.isipContractTypes.needsStudyType,
    })
    .from(t.isipContractTypes)
    .orderBy(t.isipContractTypes.id);
  const [normal] = await db
    .select({ id: t.contractEndings.id })
    .from(t.contractEndings)
    .orderBy(t.contractEndings.id)
    .limit(1);
  // Lino's demo: the contracts of a type needing a study type take the study types in turn.
  const studyTypes = await db.select({ id: t.cvStudyTypes.id }).from(t.cvStudyTypes).orderBy(t.cvStudyTypes.id);
  let nextStudyType = 0;
  const today = belgianToday();
  const rows = coached.map((c, i) => {
    const appliesFrom = addDays(addMonths(today, -18), i * 15);
    const appliesUntil = addDays(addMonths(appliesFrom, 12), -1);
    const type = types[i % types.length]!;
    const over = appliesUntil < today;
    return {
      clientId: c.clientId,
      userId: c.userId,
      typeId: type.id,
      studyTypeId:
        type.needsStudyType && studyTypes.length ? studyTypes[nextStudyType++ % studyTypes.length]!.id : null,
      examPolicyId: type.policy,
      language: centre.defaultLocale,
      appliesFrom,
      appliesUntil,
      dateEnded: defaultDateEnded({ appliesFrom, appliesUntil, dateEnded: null }),
      endingId: over ? (normal?.id ?? null) : null,
      goals: "<p>Insertion socio-professionnelle</p>",
    };
  });
  const who = { actor: "seed:isip", actingFor: null };
  await db.transaction(async (tx) => {
    await insertSeededContracts(tx as never, t, who, isipKind, rows);
  });
}
