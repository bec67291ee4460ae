import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** Contacts configuration for every centre, and demo organisations with contact persons (domain-people §2). */

const n = (fr: string, nl: string, de: string, en: string) => ({ fr, nl, de, en });

const COMPANY_TYPES = [
  [
    n("Société anonyme", "Naamloze vennootschap", "Aktiengesellschaft", "Public limited company"),
    n("SA", "NV", "AG", "plc"),
  ],
  [
    n(
      "Société privée à responsabilité limitée",
      "Besloten vennootschap",
      "Private Gesellschaft mit beschränkter Haftung",
      "Private limited company",
    ),
    n("SPRL", "BV", "PGmbH", "Ltd"),
  ],
  [
    n(
      "Association sans but lucratif",
      "Vereniging zonder winstoogmerk",
      "Vereinigung ohne Gewinnzweck",
      "Non-profit organisation",
    ),
    n("ASBL", "VZW", "VoG", "NPO"),
  ],
  [n("Service public", "Openbare dienst", "Öffentlicher Dienst", "Public service"), n("", "", "", "")],
] as const;

const ROLE_TYPES = [
  [n("Directeur", "Directeur", "Direktor", "Director"), true],
  [n("Gérant", "Zaakvoerder", "Geschäftsführer", "Manager"), true],
  [n("Assistant social", "Maatschappelijk werker", "Sozialarbeiter", "Social worker"), false],
  [n("Secrétaire", "Secretaris", "Sekretär", "Secretary"), false],
  [n("Médecin", "Arts", "Arzt", "Physician"), false],
] as const;

/** The ten client contact types of the Eupen demo (domain-people §2.7). */
const CLIENT_CONTACT_TYPES = [
  [n("Mutuelle", "Ziekenfonds", "Krankenkasse", "Health insurance"), false, false],
  [n("Pharmacie", "Apotheek", "Apotheke", "Pharmacy"), false, false],
  [n("Avocat", "Advocaat", "Rechtsanwalt", "Advocate"), false, false],
  [n("Huissier de justice", "Gerechtsdeurwaarder", "Gerichtsvollzieher", "Bailiff"), false, true],
  [n("Société de recouvrement", "Incassobureau", "Inkassounternehmen", "Debt collecting company"), false, false],
  [n("Office de l'emploi", "Arbeidsbureau", "Arbeitsamt", "Employment office"), false, false],
  [n("Médecin", "Arts", "Arzt", "Physician"), true, false],
  [n("Médecin de famille", "Huisarts", "Hausarzt", "Family doctor"), true, false],
  [n("Dentiste", "Tandarts", "Zahnarzt", "Dentist"), true, false],
  [n("Pédiatre", "Kinderarts", "Kinderarzt", "Pediatrician"), true, false],
] as const;

/** Organisation types, functions and client contact types; seeded once, then the centre's own. */
export async function seedContactTypes({ db, t }: TenantHandle) {
  if (!(await db.select({ id: t.companyTypes.id }).from(t.companyTypes).limit(1)).length) {
    await db.insert(t.companyTypes).values(COMPANY_TYPES.map(([names, abbreviation]) => ({ names, abbreviation })));
  }
  if (!(await db.select({ id: t.roleTypes.id }).from(t.roleTypes).limit(1)).length) {
    await db.insert(t.roleTypes).values(ROLE_TYPES.map(([names, canSign]) => ({ names, canSign })));
  }
  if (!(await db.select({ id: t.clientContactTypes.id }).from(t.clientContactTypes).limit(1)).length) {
    await db
      .insert(t.clientContactTypes)
      .values(CLIENT_CONTACT_TYPES.map(([names, canRefund, isBailiff]) => ({ names, canRefund, isBailiff })));
  }
}

type DemoOrganisation = [
  name: string,
  type: number | null,
  contactType: string | null,
  street: string,
  contact?: [first: string, last: string, gender: "M" | "F", fn: string],
];
// Type = index in COMPANY_TYPES; contact type and function = English name.
const EUPEN: DemoOrganisation[] = [
  ["Christliche Krankenkasse", 2, "Health insurance", "Klosterstraße", ["Hans", "Altenberg", "M", "Director"]],
  ["Apotheke Reul", 1, "Pharmacy", "Hufengasse", ["Annette", "Arens", "F", "Manager"]],
  ["Arbeitsamt der DG", 3, "Employment office", "Hütte", ["Bernd", "Brecht", "M", "Social worker"]],
  ["Bäckerei Ausdemwald", 1, null, "Aachener Straße", ["Erna", "Emonts", "F", "Manager"]],
  ["Garage Mergelsberg", 0, null, "Gospert"],
];
const CHATELET: DemoOrganisation[] = [
  ["Mutualité chrétienne", 2, "Health insurance", "Rue du Marché", ["Jean", "Mairesse", "M", "Director"]],
  ["Pharmacie du Centre", 1, "Pharmacy", "Rue de la Station", ["Isabelle", "Stévenart", "F", "Manager"]],
  ["Forem Châtelet", 3, "Employment office", "Place du Marché", ["Luc", "Denis", "M", "Social worker"]],
  ["Étude Dubois, huissiers", 1, "Bailiff", "Boulevard Pierre Mayence", ["Marc", "Dubois", "M", "Director"]],
  ["Boulangerie Lambotte", 1, null, "Rue Neuve"],
];

/** A family doctor of the centre's town, a person who is a client contact (of type "Family doctor"). */
const DOCTORS = { de: ["Klaus", "Dederichs", "M"], fr: ["Anne", "Dufrasne", "F"] } as const;

/** A few organisations with their contact person, each with a primary address mirrored into the partner row. Seeded once. */
export async function seedDemoContacts({ db, t }: TenantHandle, centre: { defaultLocale: string }) {
  if (
    (
      await db
        .select({ id: t.partners.id })
        .from(t.partners)
        .where(sql`${t.partners.kind} = 'organisation'`)
        .limit(1)
    ).length
  )
    return;
  const german = centre.defaultLocale === "de";
  const zipCode = german ? "4700" : "6200";
  const [place] = await db
    .select({ id: t.places.id })
    .from(t.places)
    .where(sql`${t.places.zipCode} = ${zipCode}`)
    .limit(1);
  const companyTypes = await db.select({ id: t.companyTypes.id }).from(t.companyTypes).orderBy(t.companyTypes.id);
  const byEnglish = async (table: typeof t.roleTypes | typeof t.clientContactTypes) =>
    new Map((await db.select({ id: table.id, names: table.names }).from(table)).map((r) => [r.names.en ?? "", r.id]));
  const [functions, contactTypes] = await Promise.all([byEnglish(t.roleTypes), byEnglish(t.clientContactTypes)]);
  await db.transaction(async (tx) => {
    for (const [i, [name, type, contactType, street, contact]] of (german ? EUPEN : CHATELET).entries()) {
      const address = { countryCode: "BE", placeId: place?.id ?? null, zipCode, street, streetNo: String(3 + 7 * i) };
      const [org] = await tx
        .insert(t.partners)
        .values({
          kind: "organisation",
          name,
          language: centre.defaultLocale,
          companyTypeId: type === null ? null : (companyTypes[type]?.id ?? null),
          clientContactTypeId: contactType ? (contactTypes.get(contactType) ?? null) : null,
          phone: `+32 87 55 ${String(10 + i)} 0${i}`,
          ...address,
        })
        .returning({ id: t.partners.id });
      await tx.insert(t.addresses).values({ partnerId: org!.id, primary: true, ...address });
      if (!contact) continue;
      const [first, last, gender, fn] = contact;
      const [person] = await tx
        .insert(t.partners)
        .values({
          kind: "person",
          firstName: first,
          lastName: last,
          name: `${last} ${first}`,
          gender,
          language: centre.defaultLocale,
          email: `${first.toLowerCase()}.${last.toLowerCase()}@example.org`,
        })
        .returning({ id: t.partners.id });
      await tx.insert(t.roles).values({ companyId: org!.id, personId: person!.id, typeId: functions.get(fn) ?? null });
    }
    const [first, last, gender] = DOCTORS[german ? "de" : "fr"];
    const address = {
      countryCode: "BE",
      placeId: place?.id ?? null,
      zipCode,
      street: german ? "Bergstraße" : "Rue de Gilly",
      streetNo: "21",
    };
    const [doctor] = await tx
      .insert(t.partners)
      .values({
        kind: "person",
        firstName: first,
        lastName: last,
        name: `${last} ${first}`,
        gender,
        language: centre.defaultLocale,
        clientContactTypeId: contactTypes.get("Family doctor") ?? null,
        phone: german ? "+32 87 55 77 01" : "+32 71 38 77 01",
        ...address,
      })
      .returning({ id: t.partners.id });
    await tx.insert(t.addresses).values({ partnerId: doctor!.id, primary: true, ...address });
  });
}

/**
 * One to three client contacts for three demo clients out of four: the health insurance (with its
 * contact person) for each, the pharmacy for every other one, the family doctor for every third
 * (domain-people §2.7). Follows the demo clients and contacts; seeded once; deterministic.
 */
export async function seedDemoClientContacts({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.clientContacts.id }).from(t.clientContacts).limit(1)).length) return;
  const clients = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(and(eq(t.partners.isClient, true), eq(t.partners.kind, "person")))
    .orderBy(asc(t.partners.id));
  // The first partner of each contact type, by its English name, with its first contact person (organisations).
  const partners = await db
    .select({
      id: t.partners.id,
      kind: t.partners.kind,
      typeId: t.partners.clientContactTypeId,
      typeNames: t.clientContactTypes.names,
    })
    .from(t.partners)
    .innerJoin(t.clientContactTypes, eq(t.clientContactTypes.id, t.partners.clientContactTypeId))
    .where(isNotNull(t.partners.clientContactTypeId))
    .orderBy(asc(t.partners.id));
  const roles = await db
    .select({ companyId: t.roles.companyId, personId: t.roles.personId, typeId: t.roles.typeId })
    .from(t.roles)
    .orderBy(asc(t.roles.id));
  const byType = new Map<string, (typeof partners)[number]>();
  for (const p of partners) if (!byType.has(p.typeNames.en ?? "")) byType.set(p.typeNames.en ?? "", p);
  const contactOf = (
    type: string,
    withPerson: boolean,
  ): Omit<typeof t.clientContacts.$inferInsert, "clientId"> | null => {
    const p = byType.get(type);
    if (!p) return null;
    if (p.kind !== "organisation") return { typeId: p.typeId, contactPersonId: p.id };
    const role = withPerson ? roles.find((r) => r.companyId === p.id) : undefined;
    return {
      typeId: p.typeId,
      companyId: p.id,
      contactPersonId: role?.personId ?? null,
      roleTypeId: role?.typeId ?? null,
    };
  };
  const rows = clients.flatMap(({ id }, i) => {
    if (i % 4 === 3) return [];
    const wanted = [
      contactOf("Health insurance", i % 3 !== 1),
      i % 2 === 0 ? contactOf("Pharmacy", false) : null,
      i % 3 === 0 ? contactOf("Family doctor", false) : null,
    ];
    return wanted.filter((c) => c !== null).map((c) => ({ clientId: id, ...c }));
  });
  if (rows.length) await db.insert(t.clientContacts).values(rows);
}
