import { sql } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type DemoClient = [first: string, last: string, gender: "M" | "F", birth: string, state: "10" | "20" | "30" | "50", coach?: string];

// Names typical of each region (domain-people §20 shape: states spread, the "Dorothée" duplicates).
const EUPEN: DemoClient[] = [
  ["Eberhart", "Evers", "M", "1968-06-01", "30", "hubert"], ["Dorothée", "Dobbelstein", "F", "1970-03-12", "30", "alicia"],
  ["Dorothée", "Dobbelstein-Demeulenaere", "F", "1970-03-12", "10"], ["Dorothée", "Demeulenaere", "F", "1970-00-00", "10"],
  ["Luc", "Faymonville", "M", "1981-11-02", "30", "hubert"], ["Gregorius", "Groteclaes", "M", "1955-02-28", "50"],
  ["Hildegard", "Hilgers", "F", "1990-07-19", "30", "caroline"], ["Jacqueline", "Jacobs", "F", "1976-09-09", "20"],
  ["Karl", "Kaivers", "M", "1962-04-14", "30", "melanie"], ["Laura", "Lazarus", "F", "1999-12-24", "10"],
  ["Josef", "Jonas", "M", "1948-01-05", "30", "alicia"], ["Marie-Louise", "Meessen", "F", "1985-05-30", "30", "kerstin"],
];
const CHATELET: DemoClient[] = [
  ["Jean", "Dupont", "M", "1972-08-15", "30", "hubert"], ["Dorothée", "Delhaize", "F", "1970-03-12", "30", "alicia"],
  ["Dorothée", "Delhaize-Dumont", "F", "1970-03-12", "10"], ["Dorothée", "Dumont", "F", "1970-00-00", "10"],
  ["Fatima", "El Amrani", "F", "1988-02-03", "30", "caroline"], ["Kevin", "Lambert", "M", "1995-10-21", "20"],
  ["Marcel", "Gilson", "M", "1950-06-30", "50"], ["Nathalie", "Renard", "F", "1983-12-01", "30", "melanie"],
  ["Mehmet", "Yilmaz", "M", "1979-04-04", "30", "hubert"], ["Sophie", "Leclercq", "F", "2001-01-17", "10"],
  ["Angelo", "Russo", "M", "1966-03-08", "30", "kerstin"], ["Chantal", "Lemaire", "F", "1958-11-11", "30", "alicia"],
];

/** A few clients with coachings, so that a demo centre's lists are not empty. Seeded once. */
export async function seedDemoClients({ db, t }: TenantHandle, centre: { defaultLocale: string }) {
  if ((await db.select({ id: t.partners.id }).from(t.partners).limit(1)).length) return;
  const people = centre.defaultLocale === "de" ? EUPEN : CHATELET;
  const [eupenPlace] = await db.select({ id: t.places.id }).from(t.places).where(sql`${t.places.zipCode} = ${centre.defaultLocale === "de" ? "4700" : "6200"}`).limit(1);
  const users = new Map((await db.select({ id: t.users.id, username: t.users.username }).from(t.users)).map((u) => [u.username, u.id]));
  const [service] = await db.select({ id: t.coachingTypes.id }).from(t.coachingTypes).orderBy(t.coachingTypes.id).limit(1);
  await db.transaction(async (tx) => {
    for (const [i, [firstName, lastName, gender, birthDate, clientState, coach]] of people.entries()) {
      const [client] = await tx.insert(t.partners).values({
        kind: "person", isClient: true, clientState, firstName, lastName, name: `${lastName} ${firstName}`, gender, birthDate,
        language: centre.defaultLocale, countryCode: "BE", placeId: eupenPlace?.id ?? null, zipCode: centre.defaultLocale === "de" ? "4700" : "6200",
        street: centre.defaultLocale === "de" ? "Aachener Straße" : "Rue de la Station", streetNo: String(10 + i),
        gsm: `+32 47${i} 12 34 ${String(10 + i)}`, refusalReason: clientState === "20" ? "30" : null,
      }).returning({ id: t.partners.id });
      const userId = coach && users.get(coach);
      if (userId) {
        await tx.insert(t.coachings).values({ clientId: client!.id, userId, coachingTypeId: service?.id ?? null, startDate: `202${i % 6}-0${1 + (i % 9)}-01`, primary: true });
      }
    }
  });
}
