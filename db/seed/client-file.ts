import { eq } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

const PHASES: [refName: string, names: LocalizedText, active: boolean][] = [
  ["1", { fr: "Évaluation", nl: "Evaluatie", de: "Evaluierung", en: "Evaluation" }, true],
  ["2", { fr: "Formation", nl: "Opleiding", de: "Ausbildung", en: "Formation" }, true],
  ["4", { fr: "Recherche", nl: "Zoeken", de: "Suche", en: "Search" }, true],
  ["4bis", { fr: "Travail", nl: "Werk", de: "Arbeit", en: "Work" }, true],
  ["9", { fr: "Standby", nl: "Stand-by", de: "Standby", en: "Standby" }, false],
];
const DISPENSE_REASONS: LocalizedText[] = [
  { fr: "Santé", nl: "Gezondheid", de: "Gesundheit", en: "Health" },
  { fr: "Études", nl: "Studies", de: "Studium", en: "Studies" },
  { fr: "Familiale", nl: "Familiaal", de: "Familiär", en: "Familiar" },
  { fr: "Autre", nl: "Andere", de: "Sonstige", en: "Other" },
];
const EXCLUSION_TYPES: LocalizedText[] = [
  {
    fr: "Rendez-vous manqué",
    nl: "Afspraak niet nagekomen",
    de: "Termin nicht eingehalten",
    en: "Appointment not kept",
  },
  {
    fr: "Exigences de l'ONEM non respectées",
    nl: "Vereisten van de RVA niet nageleefd",
    de: "LfA-Anforderungen nicht erfüllt",
    en: "ONEM requirements not met",
  },
];
/** Which demo centre uses which optional field set of the client file. */
const FIELD_SETS: Record<string, string[]> = { eupen: ["eupen"], chatelet: ["chatelet"] };

/**
 * The client file's lists of a demo centre (domain-people §3.8, §20): integration phases, dispense
 * reasons, exclusion types; and the centre's optional field sets. Each list is seeded once.
 */
export async function seedClientFile({ db, t }: TenantHandle, centre: { slug?: string }) {
  const sets = centre.slug ? FIELD_SETS[centre.slug] : undefined;
  const fresh = !(await db.select({ id: t.personGroups.id }).from(t.personGroups).limit(1)).length;
  if (fresh) {
    await db.insert(t.personGroups).values(PHASES.map(([refName, names, active]) => ({ refName, names, active })));
  }
  if (!(await db.select({ id: t.dispenseReasons.id }).from(t.dispenseReasons).limit(1)).length) {
    await db.insert(t.dispenseReasons).values(DISPENSE_REASONS.map((names) => ({ names })));
  }
  if (!(await db.select({ id: t.exclusionTypes.id }).from(t.exclusionTypes).limit(1)).length) {
    await db.insert(t.exclusionTypes).values(EXCLUSION_TYPES.map((names) => ({ names })));
  }
  // Set once, with the phases: afterwards the field sets are the administrators' choice.
  if (fresh && sets) await db.update(t.siteSettings).set({ clientFieldSets: sets }).where(eq(t.siteSettings.id, 1));
}
