import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { SeedCentre } from "@/server/area";
import { addDays, addMonths } from "@/server/calendar/rules/reminders";
import { belgianToday } from "@/lib/format";
import { insertSeededContracts } from "@/server/isip/base";
import { defaultDateEnded } from "@/server/isip/rules";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { immersionKind } from "./kind";

/**
 * Lino's standard immersion training types and goals (lino_welfare/modlib/immersion/fixtures/std.py),
 * for every centre (the area's roles switch it on only where Châtelet's field set is used). As in Lino,
 * the types name neither an evaluation policy nor an overlap group: a centre sets them.
 */
const TYPES = [
  {
    names: {
      fr: "Mise en situation interne",
      nl: "Interne werkervaring",
      de: "Interne Arbeitserprobung",
      en: "Internal engagement",
    },
  },
  { names: { fr: "Stage d'immersion", nl: "Inleefstage", de: "Immersionspraktikum", en: "Immersion training" } },
  { names: { fr: "MISIP", nl: "MISIP", de: "MISIP", en: "MISIP" } },
];
const GOALS = [
  {
    names: { fr: "Découvrir un métier", nl: "Een beroep ontdekken", de: "Einen Beruf entdecken", en: "Discover a job" },
  },
  {
    names: {
      fr: "Confirmer un projet professionnel",
      nl: "Een beroepsproject bevestigen",
      de: "Ein berufliches Vorhaben bestätigen",
      en: "Confirm a professional project",
    },
  },
  {
    names: {
      fr: "Acquérir une expérience professionnelle",
      nl: "Werkervaring opdoen",
      de: "Berufserfahrung sammeln",
      en: "Gain work experience",
    },
  },
  {
    names: {
      fr: "Montrer ses compétences",
      nl: "Zijn competenties tonen",
      de: "Seine Kompetenzen zeigen",
      en: "Show competences",
    },
  },
];

export async function seedImmersionReference({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.immersionGoals.id }).from(t.immersionGoals).limit(1)).length) return;
  await db.insert(t.immersionGoals).values(GOALS);
  await db.insert(t.immersionContractTypes).values(TYPES);
}

/**
 * Châtelet's demo (Lino: 6 immersion trainings): six trainings of coached clients at the centre's
 * organisations, types and goals cycling, three months each, begun from eight months ago up to last
 * month, evaluated monthly (the demo chooses the policy on the contract), the first ones over.
 */
export async function seedImmersionDemo(handle: TenantHandle, centre: SeedCentre) {
  const { db, t } = handle;
  const [settings] = await db.select({ sets: t.siteSettings.clientFieldSets }).from(t.siteSettings);
  if (!settings?.sets.includes("chatelet")) return;
  if ((await db.select({ id: t.immersionContracts.id }).from(t.immersionContracts).limit(1)).length) return;
  const coached = await db
    .selectDistinctOn([t.coachings.clientId], { clientId: t.coachings.clientId, userId: t.coachings.userId })
    .from(t.coachings)
    .innerJoin(t.coachingTypes, eq(t.coachingTypes.id, t.coachings.coachingTypeId))
    .where(and(eq(t.coachingTypes.doesIntegration, true), isNotNull(t.coachings.userId)))
    .orderBy(t.coachings.clientId, t.coachings.startDate)
    .limit(6);
  const companies = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(eq(t.partners.kind, "organisation"))
    .orderBy(asc(t.partners.id))
    .limit(6);
  if (!coached.length || !companies.length) return;
  const ids = async (rows: Promise<{ id: number }[]>) => (await rows).map((r) => r.id);
  const types = await ids(
    db.select({ id: t.immersionContractTypes.id }).from(t.immersionContractTypes).orderBy(t.immersionContractTypes.id),
  );
  const goals = await ids(db.select({ id: t.immersionGoals.id }).from(t.immersionGoals).orderBy(t.immersionGoals.id));
  const functions = await db
    .select({ id: t.cvFunctions.id, sectorId: t.cvFunctions.sectorId })
    .from(t.cvFunctions)
    .orderBy(t.cvFunctions.id);
  const [monthly] = await db
    .select({ id: t.examPolicies.id })
    .from(t.examPolicies)
    .where(eq(t.examPolicies.ref, "monthly"));
  const [normal] = await db.select({ id: t.contractEndings.id }).from(t.contractEndings).orderBy(t.contractEndings.id);
  const at = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const today = belgianToday();
  const rows = coached.map((c, i) => {
    const appliesFrom = addDays(addMonths(today, -8), i * 30);
    const appliesUntil = addDays(addMonths(appliesFrom, 3), -1);
    const fn = functions.length ? at(functions, i) : null;
    return {
      clientId: c.clientId,
      userId: c.userId,
      typeId: at(types, i),
      goalId: at(goals, i),
      companyId: at(companies, i).id,
      sectorId: fn?.sectorId ?? null,
      functionId: fn?.id ?? null,
      examPolicyId: monthly?.id ?? null,
      language: centre.defaultLocale,
      appliesFrom,
      appliesUntil,
      dateEnded: defaultDateEnded({ appliesFrom, appliesUntil, dateEnded: null }),
      endingId: appliesUntil < today ? (normal?.id ?? null) : null,
      referencePerson: at(["M. Dupont", "Mme Lambert", "M. Renard"], i),
    };
  });
  const who = { actor: "seed:immersion", actingFor: null };
  await db.transaction(async (tx) => {
    await insertSeededContracts(tx as never, t, who, immersionKind, rows);
  });
}
