import { eq, sql } from "drizzle-orm";
import { generateNiss } from "@/server/clients/rules/niss";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * The demo centres' clients, shaped like Lino's demo (domain-people §20): about sixty per centre,
 * birth dates 170 days apart from age 16 upwards with valid national numbers, states cycling
 * (odd: coached; even: newcomer, every 5th even: former), every 10th obsolete, coaching stories,
 * the three "Dorothée" look-alikes without national number or birth date, households with their
 * members and human links, addresses mirrored into the partner. Seeded once per centre.
 */

type Name = [first: string, last: string, gender: "M" | "F"];
interface Flavour {
  names: Name[];
  dorothees: [string, string, string];
  streets: string[];
  zip: string;
  languages: string[];
}

/** "First Gender Last; …" (an underscore stands for a space within a name). */
const split = (list: string) =>
  list
    .split(";")
    .map((s) =>
      s
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/_/g, " ")),
    )
    .map(([first, gender, ...last]) => [first!, last.join(" "), gender as "M" | "F"] as Name);

// Names common in German-speaking East Belgium.
const EUPEN: Flavour = {
  names:
    split(`Eberhart M Evers; Daniel M Emonts; Edgar M Engels; Luc M Faymonville; Gregorius M Groteclaes; Hildegard F Hilgers;
    Jacqueline F Jacobs; Josef M Jonas; Karl M Kaivers; Guido M Lambertz; Laura F Lazarus; Marc M Malmendier; Melissa F Meessen;
    Christian M Radermacher; Erna F Emonts-Gast; Alfons M Ausdemwald; Bernd M Brecht; Charlotte F Collard; Didier M Dericum;
    Gerda F Gerkens; Helmut M Hennen; Irene F Ingenhoven; Jürgen M Johnen; Käthe F Kessler; Leo M Langer; Maria F Mreyen;
    Norbert M Nelles; Otto M Offermann; Paula F Pauels; Rainer M Reuter; Sabine F Schmitz; Thomas M Thönnissen; Ulrike F Ulmen;
    Volker M Velz; Waltraud F Willems; Xaver M Xhonneux; Yvonne F Ydens; Zacharias M Zimmermann; Anna F Arens; Bruno M Brüll;
    Claudia F Cloot; Dieter M Dahmen; Elke F Elsen; Franz M Frank; Gisela F Gehlen; Heinz M Heinen; Ingrid F Ivens;
    Johann M Jousten; Klara F Kreusch; Lothar M Lentz; Monika F Mertes; Nikolaus M Noel; Olga F Ortmann; Peter M Pankert;
    Rita F Rauw; Stefan M Steffens; Theresa F Thissen`),
  dorothees: ["Dobbelstein", "Dobbelstein-Demeulenaere", "Demeulenaere"],
  streets: [
    "Aachener Straße",
    "Bergstraße",
    "Gospertstraße",
    "Herbesthaler Straße",
    "Klosterstraße",
    "Neustraße",
    "Paveestraße",
  ],
  zip: "4700",
  // Partner languages 10:3:1 (de:fr:en), as in Lino's Eupen demo.
  languages: [...Array<string>(10).fill("de"), "fr", "fr", "fr", "en"],
};

// Walloon and French names, as in Châtelet (and the training centre).
const CHATELET: Flavour = {
  names: split(`Jean M Dubois; Fatima F El_Amrani; Kevin M Lambert; Marcel M Gilson; Nathalie F Renard; Mehmet M Yilmaz;
    Sophie F Leclercq; Angelo M Russo; Chantal F Lemaire; Albert M Absil; Béatrice F Bodart; Christophe M Collignon;
    Delphine F Delvaux; Émile M Englebert; Françoise F Fontaine; Ghislain M Gérard; Hélène F Henrard; Isabelle F Istasse;
    Jacques M Jadot; Léon M Lejeune; Martine F Mathy; Nicolas M Noël; Odette F Olivier; Pascal M Piron; Quentin M Quintin;
    Régine F Rousseau; Serge M Simon; Thierry M Thiry; Valérie F Vandenberghe; Xavier M Wauthier; Yves M Bastin; Zoé F Minet;
    André M Hubert; Brigitte F Charlier; Claude M Denis; Denise F Laurent; Eric M Hanquet; Fabienne F Warnier; Georges M Moreau;
    Huguette F Lefèvre; Joseph M Piette; Lucie F Dethier; Michel M Lecocq; Nadine F Gillet; Olivier M Masset; Paulette F Goffin;
    René M Poncelet; Sylvie F Bertrand; Thibaut M Delhaye; Véronique F Sépul; Willy M Dumonceau; Arlette F Hallet; Benoît M Baudoux;
    Corinne F Stiernon; Damien M Thonon; Élise F Marchal; Fernand M Colson`),
  dorothees: ["Delhaize", "Delhaize-Dumont", "Dumont"],
  streets: [
    "Rue de la Station",
    "Rue du Moulin",
    "Place Franco",
    "Rue de Gilly",
    "Rue des Hayettes",
    "Rue Neuve",
    "Rue Jean Jaurès",
  ],
  zip: "6200",
  languages: ["fr"],
};

const today = () => new Date();
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (from: Date, days: number) => new Date(from.getTime() - days * 86_400_000);
const yearsBefore = (from: Date, years: number) =>
  new Date(Date.UTC(from.getUTCFullYear() - years, from.getUTCMonth(), from.getUTCDate()));

/** Lino's demo cycle: odd rows coached, even rows newcomers except every 5th even one, former. */
export function demoClientState(index: number): "30" | "10" | "50" {
  const n = index + 1;
  if (n % 2 === 1) return "30";
  return (n / 2) % 5 === 0 ? "50" : "10";
}

export async function seedDemoClients({ db, t }: TenantHandle, centre: { defaultLocale: string }) {
  // Seeded once: a centre with clients has them. (Its users' own person records are no clients.)
  if ((await db.select({ id: t.partners.id }).from(t.partners).where(eq(t.partners.isClient, true)).limit(1)).length)
    return;
  const flavour = centre.defaultLocale === "de" ? EUPEN : CHATELET;
  const [place] = await db
    .select({ id: t.places.id })
    .from(t.places)
    .where(sql`${t.places.zipCode} = ${flavour.zip}`)
    .orderBy(t.places.id)
    .limit(1);
  const users = new Map(
    (await db.select({ id: t.users.id, username: t.users.username }).from(t.users)).map((u) => [u.username, u.id]),
  );
  const services = (await db.select({ id: t.coachingTypes.id }).from(t.coachingTypes).orderBy(t.coachingTypes.id)).map(
    (s) => s.id,
  );
  const [gss, integration] = [services[0] ?? null, services[1] ?? null];
  const [householdType] = await db
    .select({ id: t.householdTypes.id })
    .from(t.householdTypes)
    .orderBy(t.householdTypes.id)
    .limit(1);
  const now = today();
  const mailbox = (name: string) =>
    name
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase();
  const address = (i: number) => ({
    countryCode: "BE",
    placeId: place?.id ?? null,
    zipCode: flavour.zip,
    street: flavour.streets[i % flavour.streets.length]!,
    streetNo: String(3 + ((i * 7) % 90)),
  });

  await db.transaction(async (tx) => {
    const rows = flavour.names.map(([firstName, lastName, gender], i) => {
      const birth = isoDate(daysBefore(yearsBefore(now, 16), 170 * i));
      return {
        kind: "person",
        isClient: true,
        clientState: demoClientState(i),
        isObsolete: i % 10 === Math.floor(i / 10) % 10,
        firstName,
        lastName,
        name: `${lastName} ${firstName}`,
        gender,
        birthDate: birth,
        nationalId: generateNiss(birth, gender, (gender === "M" ? 501 : 502) + 2 * (i % 200)),
        language: flavour.languages[i % flavour.languages.length]!,
        gsm: `+32 47${i % 10} ${String(10 + i).padStart(2, "0")} ${String(20 + i).padStart(2, "0")} 00`,
        // Every other client gives an e-mail address, so that the demo's mails to clients have somewhere to go.
        email: i % 2 === 0 ? `${mailbox(firstName)}.${mailbox(lastName)}@example.org` : "",
        phoneticWords: personPhoneticWords({ lastName, firstName }),
        ...address(i),
      };
    });
    // The look-alikes Lino's duplicate detection is shown with: no national number, no birth date.
    const dorothees = flavour.dorothees.map((lastName, i) => ({
      kind: "person",
      isClient: true,
      clientState: "10",
      firstName: "Dorothée",
      lastName,
      name: `${lastName} Dorothée`,
      gender: "F",
      language: flavour.languages[0]!,
      phoneticWords: personPhoneticWords({ lastName, firstName: "Dorothée" }),
      ...address(rows.length + i),
    }));
    const clients = await tx
      .insert(t.partners)
      .values([...rows, ...dorothees])
      .returning({
        id: t.partners.id,
        clientState: t.partners.clientState,
        street: t.partners.street,
        streetNo: t.partners.streetNo,
      });
    await tx.insert(t.addresses).values(
      clients.map((c) => ({
        partnerId: c.id,
        addressType: "01",
        primary: true,
        ...address(0),
        street: c.street,
        streetNo: c.streetNo,
      })),
    );

    // Coaching stories: the coached client's current coach is primary; every 3rd coached client
    // was coached by two colleagues before; every 4th has GSS and integration coachings at once.
    const coaches = ["alicia", "hubert", "melanie", "caroline", "judith"]
      .map((u) => users.get(u))
      .filter((id): id is number => id !== undefined);
    const coachings: (typeof t.coachings.$inferInsert)[] = [];
    if (coaches.length) {
      clients.slice(0, rows.length).forEach((c, i) => {
        const coach = (k: number) => coaches[(i + k) % coaches.length]!;
        const start = daysBefore(now, 60 + 37 * i);
        if (c.clientState === "30") {
          coachings.push({
            clientId: c.id,
            userId: coach(0),
            coachingTypeId: gss,
            startDate: isoDate(start),
            primary: true,
          });
          if (i % 3 === 0) {
            coachings.push({
              clientId: c.id,
              userId: coach(1),
              coachingTypeId: gss,
              startDate: isoDate(daysBefore(start, 400)),
              endDate: isoDate(daysBefore(start, 201)),
            });
            coachings.push({
              clientId: c.id,
              userId: coach(2),
              coachingTypeId: gss,
              startDate: isoDate(daysBefore(start, 200)),
              endDate: isoDate(daysBefore(start, 1)),
            });
          }
          if (i % 4 === 0)
            coachings.push({
              clientId: c.id,
              userId: coach(3),
              coachingTypeId: integration,
              startDate: isoDate(daysBefore(start, -30)),
            });
        } else if (c.clientState === "50") {
          coachings.push({
            clientId: c.id,
            userId: coach(0),
            coachingTypeId: gss,
            startDate: isoDate(daysBefore(start, 300)),
            endDate: isoDate(start),
            primary: true,
          });
        }
      });
      if (coachings.length) await tx.insert(t.coachings).values(coachings);
    }

    // Households: 14 of them, a head, a spouse or partner, and from the 5th on a child.
    const people = clients.slice(0, rows.length).map((c, i) => ({ ...c, ...rows[i]! }));
    const homes = Array.from({ length: 14 }, (_, h) => ({
      head: people[3 * h]!,
      partner: people[3 * h + 1]!,
      child: h >= 4 ? people[3 * h + 2] : undefined,
    }));
    const created = await tx
      .insert(t.partners)
      .values(
        homes.map(({ head, partner }, h) => ({
          kind: "household",
          name: `${head.lastName}-${partner.lastName}`,
          prefix: `${head.firstName} & ${partner.firstName}`,
          language: head.language,
          ...address(3 * h),
        })),
      )
      .returning({ id: t.partners.id });
    await tx.insert(t.households).values(created.map((c) => ({ partnerId: c.id, typeId: householdType?.id ?? null })));
    await tx
      .insert(t.householdMembers)
      .values(
        homes.flatMap(({ head, partner, child }, h) => [
          { householdId: created[h]!.id, personId: head.id, role: "01", primary: true },
          { householdId: created[h]!.id, personId: partner.id, role: h % 2 ? "03" : "02", primary: true },
          ...(child
            ? [{ householdId: created[h]!.id, personId: child.id, role: "05", dependency: "01", primary: true }]
            : []),
        ]),
      );
    // Human links: spouses or partners, parents of the child, and a few friends between households.
    await tx.insert(t.humanLinks).values(
      homes.flatMap(({ head, partner, child }, h) => [
        { parentId: head.id, childId: partner.id, type: h % 2 ? "07" : "05" },
        ...(child
          ? [
              { parentId: head.id, childId: child.id, type: "01" },
              { parentId: partner.id, childId: child.id, type: "01" },
            ]
          : []),
        ...(h % 3 === 0 && homes[h + 1] ? [{ parentId: head.id, childId: homes[h + 1]!.head.id, type: "06" }] : []),
      ]),
    );
  });
}
