import { asc, eq } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { SeedCentre } from "@/server/area";

/** Lino's standard CV data (xl cv fixtures std, domain-integ-money §2.1), in the four languages. */
const n = (fr: string, nl: string, de: string, en: string): LocalizedText => ({ fr, nl, de, en });

const EDUCATION_LEVELS = [
  n("Primaire", "Lager", "Primär", "Primary"),
  n("Secondaire", "Middelbaar", "Sekundär", "Secondary"),
  n("Supérieur", "Hoger", "Hochschule", "Higher"),
  n("Bachelier", "Bachelor", "Bachelor", "Bachelor"),
  n("Master", "Master", "Master", "Master"),
];
const STUDY_TYPES: [LocalizedText, "study" | "training"][] = [
  [n("École", "School", "Schule", "School"), "study"],
  [n("École spéciale", "Buitengewoon onderwijs", "Sonderschule", "Special school"), "study"],
  [n("Formation", "Opleiding", "Ausbildung", "Training"), "study"],
  [n("Apprentissage", "Leertijd", "Lehre", "Apprenticeship"), "study"],
  [n("École supérieure", "Hogeschool", "Hochschule", "Highschool"), "study"],
  [n("Université", "Universiteit", "Universität", "University"), "study"],
  [n("Cours à temps partiel", "Deeltijds onderwijs", "Teilzeitunterricht", "Part-time study"), "study"],
  [n("Cours à distance", "Afstandsonderwijs", "Fernkurs", "Remote study"), "study"],
  [n("Préqualification", "Voorkwalificatie", "Vorqualifizierung", "Prequalifying"), "training"],
  [n("Qualification", "Kwalificatie", "Qualifizierung", "Qualifying"), "training"],
  [n("Alpha", "Alfa", "Alpha", "Alpha"), "training"],
];
const DURATIONS = [
  n("Durée indéterminée", "Onbepaalde duur", "Unbefristet", "Unlimited duration"),
  n("Durée déterminée", "Bepaalde duur", "Befristet", "Limited duration"),
  n("Travail nettement défini", "Duidelijk omschreven werk", "Klar definierte Arbeit", "Clearly defined job"),
  n("Remplacement", "Vervanging", "Ersatz", "Replacement"),
  n("Intérim", "Uitzendarbeid", "Interim", "Interim"),
];
const STATUSES = [
  n("Ouvrier", "Arbeider", "Arbeiter", "Worker"),
  n("Employé", "Bediende", "Angestellter", "Employee"),
  n("Indépendant", "Zelfstandige", "Selbstständiger", "Freelancer"),
  n("Bénévole", "Vrijwilliger", "Ehrenamtlicher", "Voluntary"),
  n("Étudiant", "Student", "Student", "Student"),
  n("Stage", "Stage", "Praktikum", "Laboratory (internship)"),
  n("Intérim", "Uitzendkracht", "Interim", "Interim"),
];
const REGIMES = [
  n("Temps plein", "Voltijds", "Vollzeit", "Full-time"),
  n("Temps partiel", "Deeltijds", "Teilzeit", "Part-time"),
  n("Autre", "Andere", "Andere", "Other"),
];
const PROOFS = [
  n("Déclaratif", "Verklaring", "Erklärung", "Declarative"),
  n("Certificat", "Certificaat", "Zertifikat", "Certificate"),
  n("Attestation", "Attest", "Bescheinigung", "Attestation"),
  n("Diplôme", "Diploma", "Diplom", "Diploma"),
];
const OBSTACLE_TYPES = [
  n("Alcool", "Alcohol", "Alkohol", "Alcohol"),
  n("Santé", "Gezondheid", "Gesundheit", "Health"),
  n("Dettes", "Schulden", "Schulden", "Debts"),
  n("Problèmes familiaux", "Familiale problemen", "Familiäre Probleme", "Family problems"),
];
const SOFT_SKILL_TYPES = [
  n("Ponctualité", "Stiptheid", "Pünktlichkeit", "Punctuality"),
  n("Travail en équipe", "Teamwerk", "Teamfähigkeit", "Teamwork"),
  n("Autonomie", "Zelfstandigheid", "Selbstständigkeit", "Autonomy"),
  n("Communication", "Communicatie", "Kommunikation", "Communication"),
];
/** Lino's demo sectors (14) and its four Horeca functions. */
const SECTORS = [
  n("Agriculture & horticulture", "Landbouw & tuinbouw", "Landwirtschaft & Garten", "Agriculture & horticulture"),
  n("Maritime", "Maritiem", "Seefahrt", "Maritime"),
  n("Médical & paramédical", "Medisch & paramedisch", "Medizin & Paramedizin", "Medical & paramedical"),
  n("Construction & bâtiment", "Bouw", "Bauwesen & Gebäudepflege", "Construction & buildings"),
  n("Horeca", "Horeca", "Horeca", "Tourism"),
  n("Enseignement", "Onderwijs", "Unterricht", "Education"),
  n("Nettoyage", "Schoonmaak", "Reinigung", "Cleaning"),
  n("Transport", "Transport", "Transport", "Transport"),
  n("Textile", "Textiel", "Textil", "Textile"),
  n("Culture", "Cultuur", "Kultur", "Cultural"),
  n("Informatique", "Informatica", "Informatik", "Information Technology"),
  n("Esthétique", "Schoonheidszorg", "Kosmetik", "Esthetical"),
  n("Vente", "Verkoop", "Verkauf", "Sales"),
  n("Administration & finance", "Administratie & financiën", "Verwaltung & Finanzwesen", "Administration & Finance"),
];
const HORECA_FUNCTIONS = [
  n("Serveur", "Kelner", "Kellner", "Waiter"),
  n("Cuisinier", "Kok", "Koch", "Cook"),
  n("Aide cuisinier", "Hulpkok", "Küchenassistent", "Cook assistant"),
  n("Plongeur", "Afwasser", "Tellerwäscher", "Dishwasher"),
];

/** Every centre gets Lino's standard lists once, which it renames or extends (Configure → Career). */
export async function seedCvReference({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.cvEducationLevels.id }).from(t.cvEducationLevels).limit(1)).length) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(t.cvEducationLevels)
      .values(EDUCATION_LEVELS.map((names, i) => ({ names, seq: (i + 1) * 10, isStudy: true })));
    await tx
      .insert(t.cvStudyTypes)
      .values(
        STUDY_TYPES.map(([names, kind]) => ({ names, isStudy: kind === "study", isTraining: kind === "training" })),
      );
    await tx.insert(t.cvDurations).values(DURATIONS.map((names) => ({ names })));
    await tx.insert(t.cvStatuses).values(STATUSES.map((names) => ({ names })));
    await tx.insert(t.cvRegimes).values(REGIMES.map((names) => ({ names })));
    await tx.insert(t.cvProofs).values(PROOFS.map((names) => ({ names })));
    await tx.insert(t.cvObstacleTypes).values(OBSTACLE_TYPES.map((names) => ({ names })));
    await tx.insert(t.cvSoftSkillTypes).values(SOFT_SKILL_TYPES.map((names) => ({ names })));
    const sectors = await tx
      .insert(t.cvSectors)
      .values(SECTORS.map((names) => ({ names })))
      .returning({ id: t.cvSectors.id });
    await tx.insert(t.cvFunctions).values(HORECA_FUNCTIONS.map((names) => ({ names, sectorId: sectors[4]!.id })));
  });
}

const LANGUAGES = ["fr", "de", "nl", "en", "ar", "tr", "ru", "it", "es"] as const;
const CEF = ["A1", "A2", "B1", "B2", "C1", null] as const;
const COMPANIES = ["Restaurant du Parc", "Carrefour", "Intérim Plus", "Hôtel Central", "Ville de Liège", "Delhaize"];

/**
 * Lino's demo CV, shaped alike and deterministic: most clients know two or three languages (their own
 * as mother tongue), one in three has a study, one in four a work experience (Horeca functions), one in
 * six a training going on, and (Châtelet) one in five an obstacle.
 */
export async function seedCvDemo({ db, t }: TenantHandle, centre: SeedCentre) {
  if ((await db.select({ id: t.cvLanguageKnowledge.id }).from(t.cvLanguageKnowledge).limit(1)).length) return;
  const clients = await db
    .select({ id: t.partners.id, language: t.partners.language })
    .from(t.partners)
    .where(eq(t.partners.isClient, true))
    .orderBy(asc(t.partners.id))
    .limit(200);
  if (!clients.length) return;
  const ids = async <T extends { id: number }>(q: Promise<T[]>) => (await q).map((r) => r.id);
  const functions = await ids(db.select({ id: t.cvFunctions.id }).from(t.cvFunctions).orderBy(asc(t.cvFunctions.id)));
  const [horeca] = await db.select({ id: t.cvFunctions.sectorId }).from(t.cvFunctions).limit(1);
  const studyTypes = await ids(
    db.select({ id: t.cvStudyTypes.id }).from(t.cvStudyTypes).orderBy(asc(t.cvStudyTypes.id)),
  );
  const statuses = await ids(db.select({ id: t.cvStatuses.id }).from(t.cvStatuses).orderBy(asc(t.cvStatuses.id)));
  const regimes = await ids(db.select({ id: t.cvRegimes.id }).from(t.cvRegimes).orderBy(asc(t.cvRegimes.id)));
  const obstacleTypes = await ids(
    db.select({ id: t.cvObstacleTypes.id }).from(t.cvObstacleTypes).orderBy(asc(t.cvObstacleTypes.id)),
  );
  // Who detected an obstacle: the client's primary coach, as an agent records it in Lino's demo.
  const coaches = new Map(
    (
      await db
        .select({ client: t.coachings.clientId, user: t.coachings.userId })
        .from(t.coachings)
        .where(eq(t.coachings.primary, true))
    ).map((r) => [r.client, r.user]),
  );
  const at = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const knowledge: (typeof t.cvLanguageKnowledge.$inferInsert)[] = [];
  const studies: (typeof t.cvStudies.$inferInsert)[] = [];
  const trainings: (typeof t.cvTrainings.$inferInsert)[] = [];
  const experiences: (typeof t.cvExperiences.$inferInsert)[] = [];
  const obstacles: (typeof t.cvObstacles.$inferInsert)[] = [];
  for (const [i, c] of clients.entries()) {
    if (i % 7 === 6) continue; // some clients have no CV at all
    const own = c.language ?? "fr";
    knowledge.push({ clientId: c.id, language: own, native: true, spoken: "4", written: i % 5 ? "4" : "2" });
    const second = at(LANGUAGES, i + 1) === own ? at(LANGUAGES, i + 2) : at(LANGUAGES, i + 1);
    knowledge.push({ clientId: c.id, language: second, cefLevel: at(CEF, i), spoken: "2", written: "1" });
    if (i % 3 === 0) {
      const year = 1995 + (i % 20);
      studies.push({
        clientId: c.id,
        typeId: at(studyTypes.slice(0, 8), i),
        content: at(["Secondaire général", "CESS", "Comptabilité", "Électricité"], i),
        startDate: `${year}-09-01`,
        endDate: `${year + 3}-06-30`,
        state: "0",
      });
    }
    if (i % 4 === 1 && functions.length) {
      const year = 2005 + (i % 15);
      experiences.push({
        clientId: c.id,
        company: at(COMPANIES, i),
        functionId: at(functions, i),
        sectorId: horeca?.id ?? null,
        statusId: at(statuses, i),
        regimeId: at(regimes, i),
        startDate: `${year}-03-01`,
        endDate: i % 8 === 1 ? null : `${year + 1}-02-28`,
      });
    }
    if (i % 6 === 2)
      trainings.push({
        clientId: c.id,
        typeId: at(studyTypes.slice(8), i),
        content: at(["Alphabétisation", "Cuisine de collectivité", "Français langue étrangère"], i),
        functionId: functions.length ? at(functions, i) : null,
        sectorId: horeca?.id ?? null,
        startDate: "2026-09-01",
        endDate: "2027-06-30",
        state: "2",
      });
    if (centre.slug !== "eupen" && i % 5 === 3 && obstacleTypes.length)
      obstacles.push({
        clientId: c.id,
        typeId: at(obstacleTypes, i),
        userId: coaches.get(c.id) ?? null,
        detectedDate: "2026-10-15",
      });
  }
  await db.transaction(async (tx) => {
    await tx.insert(t.cvLanguageKnowledge).values(knowledge);
    if (studies.length) await tx.insert(t.cvStudies).values(studies);
    if (trainings.length) await tx.insert(t.cvTrainings).values(trainings);
    if (experiences.length) await tx.insert(t.cvExperiences).values(experiences);
    if (obstacles.length) await tx.insert(t.cvObstacles).values(obstacles);
  });
}
