import { asc, eq } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import type { SeedCentre } from "@/server/area";
import { clientFieldSetsOf } from "@/server/clients/field-sets";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { howWell } from "./choices";

/**
 * Eupen's property groups, types and properties (Lino: lino_xl properties std fixture and
 * lino_welfare cv/fixtures/props.py), in the four languages, and Lino's demo client properties.
 */
const n = (fr: string, nl: string, de: string, en: string): LocalizedText => ({ fr, nl, de, en });

export const GROUPS = {
  skills: n("Compétences professionnelles", "Vakbekwaamheden", "Fachkompetenzen", "Skills"),
  softSkills: n("Compétences sociales", "Sociale vaardigheden", "Sozialkompetenzen", "Soft skills"),
  obstacles: n("Obstacles", "Belemmeringen", "Hindernisse", "Obstacles"),
} as const;
type Kind = keyof typeof GROUPS;

/** Lino's two property types: present or not (on/off), and a rating on the HowWell scale (appraisal). */
export const ON_OFF = n("Présent ou pas", "Aanwezig of niet", "Vorhanden oder nicht", "Present or not");
export const APPRAISAL = n("Appréciation", "Beoordeling", "Bewertung", "Rating");

/** Lino's properties in its order (skills and obstacles on/off, soft skills appraised). */
export const PROPERTIES: [Kind, LocalizedText][] = [
  ["skills", n("Jardinier", "Tuinier", "Gartenarbeit", "Gardener")],
  ["softSkills", n("Obéissant", "Gehoorzaam", "Gehorsam", "Obedient")],
  ["obstacles", n("Seulement temps plein", "Alleen voltijds", "Nur Vollzeit", "Only full-time")],
  ["obstacles", n("Seulement mi-temps", "Alleen deeltijds", "Nur Teilzeit", "Only part-time")],
  ["skills", n("Vendeur", "Verkoper", "Verkäufer", "Salesman")],
  ["softSkills", n("Leader", "Leiderschap", "Führungsfähigkeit", "Leader")],
  ["skills", n("Aide ménagère", "Huishoudhulp", "Haushaltshilfe", "Household aid")],
  ["skills", n("Pâtisserie", "Bakkerij", "Bäckerei", "Bakery")],
  ["obstacles", n("Pas le week-end", "Niet in het weekend", "Nicht am Wochenende", "No work on weekend")],
  ["obstacles", n("Pas de travail posté", "Geen ploegenarbeid", "Keine Schichtarbeit", "No shift work")],
  ["skills", n("Cuisiner", "Koken", "Kochen", "Cook")],
  ["obstacles", n("Handicap physique", "Lichamelijke beperking", "Körperliche Einschränkung", "Physical handicap")],
  ["skills", n("Permis de conduire", "Rijbewijs", "Führerschein", "Driving licence")],
  ["obstacles", n("Handicap mental", "Verstandelijke beperking", "Geistige Einschränkung", "Mental handicap")],
  ["obstacles", n("Handicap psychique", "Psychische beperking", "Psychische Einschränkung", "Psychological handicap")],
  ["obstacles", n("Handicap santé", "Gezondheidsbeperking", "Gesundheitliche Einschränkung", "Health handicap")],
  ["obstacles", n("Problèmes juridiques", "Juridische problemen", "Juristische Probleme", "Juristic problems")],
  ["obstacles", n("Toxicomanie", "Verslavingsproblemen", "Suchtprobleme", "Addiction problems")],
  [
    "obstacles",
    n(
      "Manque de compétence sociale",
      "Gebrek aan sociale vaardigheden",
      "Mangelnde Sozialkompetenz",
      "Lack of social competence",
    ),
  ],
  ["obstacles", n("Manque de motivation", "Gebrek aan motivatie", "Motivationsmangel", "Lack of motivation")],
  ["obstacles", n("Personnes à charge", "Personen ten laste", "Personen zu Lasten", "Head of a family")],
  ["obstacles", n("Petits enfants à charge", "Jonge kinderen ten laste", "Kleinkinder", "Small children")],
  ["obstacles", n("Analphabète", "Analfabeet", "Analphabet", "Illiterate")],
];

/** Every centre's property groups (pointed to by the client's three lists), types and properties. */
export async function seedPropertiesReference({ db, t }: Pick<TenantHandle, "db" | "t">) {
  if ((await db.select({ id: t.cvPropGroups.id }).from(t.cvPropGroups).limit(1)).length) return;
  await db.transaction(async (tx) => {
    const groups = await tx
      .insert(t.cvPropGroups)
      .values((Object.keys(GROUPS) as Kind[]).map((kind) => ({ kind, names: GROUPS[kind] })))
      .returning({ id: t.cvPropGroups.id, kind: t.cvPropGroups.kind });
    const [onOff, appraisal] = await tx
      .insert(t.cvPropTypes)
      .values([{ names: ON_OFF }, { names: APPRAISAL, choiceList: "howWell" }])
      .returning({ id: t.cvPropTypes.id });
    const groupOf = (kind: Kind) => groups.find((g) => g.kind === kind)!.id;
    await tx.insert(t.cvProperties).values(
      PROPERTIES.map(([kind, names]) => ({
        names,
        groupId: groupOf(kind),
        typeId: kind === "softSkills" ? appraisal!.id : onOff!.id,
      })),
    );
  });
}

/**
 * Lino's demo client properties (cv/fixtures/demo.py): for each property in order, ten rounds over
 * the clients one after the other: an on/off property given to the next client, an appraised one
 * to the next five, with the ratings 0 to 4 in turn. Only in a demo centre using Eupen's field set.
 */
export async function seedPropertiesDemo(handle: Pick<TenantHandle, "db" | "t">, _centre: SeedCentre) {
  const { db, t } = handle;
  if (!(await clientFieldSetsOf(handle)).has("eupen")) return;
  if ((await db.select({ id: t.cvPersonProperties.id }).from(t.cvPersonProperties).limit(1)).length) return;
  const clients = (
    await db
      .select({ id: t.partners.id })
      .from(t.partners)
      .where(eq(t.partners.isClient, true))
      .orderBy(asc(t.partners.id))
  ).map((c) => c.id);
  if (!clients.length) return;
  const properties = await db
    .select({ id: t.cvProperties.id, groupId: t.cvProperties.groupId, choiceList: t.cvPropTypes.choiceList })
    .from(t.cvProperties)
    .innerJoin(t.cvPropTypes, eq(t.cvPropTypes.id, t.cvProperties.typeId))
    .orderBy(asc(t.cvProperties.id));
  let next = 0;
  const client = () => clients[next++ % clients.length]!;
  const rows: (typeof t.cvPersonProperties.$inferInsert)[] = [];
  for (const p of properties)
    for (let round = 0; round < 10; round++) {
      const values = p.choiceList === "howWell" ? howWell.values : [""];
      for (const value of values) rows.push({ clientId: client(), groupId: p.groupId, propertyId: p.id, value });
    }
  await db.insert(t.cvPersonProperties).values(rows);
}
