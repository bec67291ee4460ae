import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { created, rowChange, writeAudit } from "@/server/audit";
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
      goals:
        centre.defaultLocale === "de"
          ? "<p>Sozial-berufliche Eingliederung</p>"
          : "<p>Insertion socio-professionnelle</p>",
    };
  });
  const german = centre.defaultLocale === "de";
  const partnered = (i: number) => i % 3 === 0;
  // A contract with external partners says what the centre undertakes too, so that it can be printed (§2.4).
  const duties = DEMO_DUTIES[german ? "de" : "fr"];
  const withDuties = rows.map((r, i) => (partnered(i) ? { ...r, ...duties } : r));
  const partners = await demoPartnersOf(handle, german);
  const who = { actor: "seed:isip", actingFor: null };
  await db.transaction(async (tx) => {
    const ids = await insertSeededContracts(tx as never, t, who, isipKind, withDuties);
    if (!partners.length) return;
    const links = ids.flatMap((contractId, i) => {
      if (!partnered(i)) return [];
      const n = i / 3;
      const first = partners[n % partners.length]!;
      const second = partners[(n + 1) % partners.length]!;
      // One partner, a second one every other time (when there is another organisation).
      const chosen = n % 2 === 0 && second !== first ? [first, second] : [first];
      return chosen.map((p) => ({ contractId, companyId: p.id, contactPersonId: p.contact, dutiesCompany: p.duties }));
    });
    if (!links.length) return;
    const inserted = await tx.insert(t.isipPartners).values(links).returning({ id: t.isipPartners.id });
    await writeAudit(
      tx,
      t,
      who,
      ...inserted.map((r, i) => rowChange("isip.partners", "create", r.id, created(links[i]!))),
    );
  });
}

/** What the centre and the client undertake in a demo contract that has external partners (§2.4), in the centre's language. */
const DEMO_DUTIES = {
  de: {
    dutiesPcsw:
      "<p>Das ÖSHZ zahlt das Eingliederungseinkommen weiter, begleitet den Klienten in einem monatlichen Gespräch und übernimmt die Fahrtkosten zu den Partnern.</p>",
    dutiesPerson:
      "<p>Der Klient nimmt an allen vereinbarten Terminen teil, meldet jede Abwesenheit im Voraus und sucht aktiv Arbeit.</p>",
  },
  fr: {
    dutiesPcsw:
      "<p>Le CPAS maintient le revenu d'intégration, rencontre le bénéficiaire une fois par mois et prend en charge ses frais de déplacement vers les partenaires.</p>",
    dutiesPerson:
      "<p>Le bénéficiaire participe à tous les rendez-vous convenus, prévient de toute absence à l'avance et recherche activement un emploi.</p>",
  },
} as const;

/**
 * The demo's external partners of ISIPs (§2.4 "partners with their duties"): organisations of the
 * demo contacts (db/seed/contacts.ts) by name, each with its contact person when it has one and its
 * duties in the centre's language; those the centre does not have are left out.
 */
const DEMO_PARTNERS: Record<"de" | "fr", [name: string, duties: string][]> = {
  de: [
    [
      "Arbeitsamt der DG",
      "<p>Das Arbeitsamt begleitet die Arbeitssuche: ein Gespräch im Monat mit dem Berater, passende Stellenangebote und ein Bewerbungstraining.</p>",
    ],
    [
      "Bäckerei Ausdemwald",
      "<p>Die Bäckerei bietet ein vierwöchiges Praktikum im Verkauf an und benennt einen Tutor, der den Praktikanten einarbeitet und am Ende bewertet.</p>",
    ],
    [
      "Garage Mergelsberg",
      "<p>Die Werkstatt nimmt den Klienten zwei Tage pro Woche zum Kennenlernen der Fahrzeugpflege auf und meldet Abwesenheiten dem ÖSHZ.</p>",
    ],
  ],
  fr: [
    [
      "Forem Châtelet",
      "<p>Le Forem accompagne la recherche d'emploi : un entretien par mois avec le conseiller, des offres d'emploi adaptées et un atelier de rédaction du CV.</p>",
    ],
    [
      "Boulangerie Lambotte",
      "<p>La boulangerie accueille le bénéficiaire pour un stage de quatre semaines à la vente et désigne un tuteur qui l'encadre et l'évalue en fin de stage.</p>",
    ],
  ],
};

async function demoPartnersOf({ db, t }: TenantHandle, german: boolean) {
  const wanted = DEMO_PARTNERS[german ? "de" : "fr"];
  const orgs = await db
    .select({ id: t.partners.id, name: t.partners.name })
    .from(t.partners)
    .where(
      and(
        eq(t.partners.kind, "organisation"),
        inArray(
          t.partners.name,
          wanted.map(([name]) => name),
        ),
      ),
    );
  const contacts = orgs.length
    ? await db
        .select({ companyId: t.roles.companyId, personId: t.roles.personId })
        .from(t.roles)
        .where(
          inArray(
            t.roles.companyId,
            orgs.map((o) => o.id),
          ),
        )
        .orderBy(asc(t.roles.id))
    : [];
  return wanted.flatMap(([name, duties]) => {
    const org = orgs.find((o) => o.name === name);
    if (!org) return [];
    const contact = contacts.find((c) => c.companyId === org.id)?.personId ?? null;
    return [{ id: org.id, contact, duties }];
  });
}
