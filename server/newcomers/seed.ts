import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { CLIENT_STATE } from "@/server/clients/choices";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** Lino's demo faculties with their work effort (domain-people §9), in the four languages. */
const FACULTIES: { weight: number; names: LocalizedText }[] = [
  {
    weight: 10,
    names: {
      fr: "Revenu d'intégration sociale (RIS)",
      nl: "Leefloon (LL)",
      de: "Eingliederungseinkommen (EiEi)",
      en: "Social integration income (SII)",
    },
  },
  {
    weight: 5,
    names: {
      fr: "Service d'insertion socio-professionnelle",
      nl: "Socio-professionele inschakeling",
      de: "DSBE",
      en: "Socio-professional integration",
    },
  },
  {
    weight: 4,
    names: {
      fr: "Aide sociale équivalente (pour étrangers)",
      nl: "Equivalent leefloon (voor vreemdelingen)",
      de: "Ausländerbeihilfe",
      en: "Equivalent social aid (foreigners)",
    },
  },
  {
    weight: 6,
    names: {
      fr: "Accompagnement budgétaire",
      nl: "Budgetbegeleiding",
      de: "Finanzielle Begleitung",
      en: "Budget counselling",
    },
  },
  {
    weight: 2,
    names: { fr: "Aide complémentaire", nl: "Aanvullende steun", de: "Laufende Beihilfe", en: "Supplementary aid" },
  },
];

/** Every centre starts with Lino's faculties, which it renames, reweighs or extends. Seeded once. */
export async function seedFaculties({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.faculties.id }).from(t.faculties).limit(1)).length) return;
  await db.insert(t.faculties).values(FACULTIES);
}

// Lino's demo (newcomers/fixtures/demo.py): quotas 100, 60, 50 and seven competences cycling over
// the integration agents and the faculties; every client who is not former gets a faculty in turn.
const QUOTAS: [string, number][] = [
  ["alicia", 100],
  ["hubert", 60],
  ["melanie", 50],
];
const COMPETENT = ["alicia", "hubert", "melanie"];
const COMPETENCES = 7;

/** Lino's demo brokers (domain-people §9: Police, Other PCSW), named in the centre's language. */
const BROKERS: Record<string, string[]> = {
  fr: ["Police", "Autre CPAS"],
  nl: ["Politie", "Ander OCMW"],
  de: ["Polizei", "Anderes ÖSHZ"],
  en: ["Police", "Other PCSW"],
};

/** Demo centres: the brokers, one newcomer in three sent by one of them in turn. Seeded once. */
async function seedBrokersDemo({ db, t }: TenantHandle, locale: string) {
  if ((await db.select({ id: t.brokers.id }).from(t.brokers).limit(1)).length) return;
  const brokers = await db
    .insert(t.brokers)
    .values((BROKERS[locale] ?? BROKERS.fr!).map((name) => ({ name })))
    .returning({ id: t.brokers.id });
  const newcomers = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(and(eq(t.partners.isClient, true), eq(t.partners.clientState, CLIENT_STATE.newcomer)))
    .orderBy(asc(t.partners.id));
  for (const [i, c] of newcomers.entries())
    if (i % 3 === 0)
      await db
        .update(t.partners)
        .set({ brokerId: brokers[(i / 3) % brokers.length]!.id })
        .where(eq(t.partners.id, c.id));
}

/** Demo centres: newcomer quotas, competences and the clients' faculties, as in Lino's demo. Idempotent. */
export async function seedNewcomersDemo(handle: TenantHandle, centre: { defaultLocale: string }) {
  await seedBrokersDemo(handle, centre.defaultLocale);
  const { db, t } = handle;
  if ((await db.select({ id: t.competences.id }).from(t.competences).limit(1)).length) return;
  const faculties = await db
    .select({ id: t.faculties.id, weight: t.faculties.weight })
    .from(t.faculties)
    .orderBy(asc(t.faculties.id));
  const users = new Map(
    (
      await db
        .select({ id: t.users.id, username: t.users.username })
        .from(t.users)
        .where(inArray(t.users.username, COMPETENT))
    ).map((u) => [u.username, u.id]),
  );
  if (faculties.length === 0 || users.size < COMPETENT.length) return;
  await db.transaction(async (tx) => {
    for (const [username, quota] of QUOTAS)
      await tx
        .update(t.users)
        .set({ newcomerQuota: quota })
        .where(eq(t.users.id, users.get(username)!));
    const competences = Array.from({ length: COMPETENCES }, (_, i) => ({
      userId: users.get(COMPETENT[i % COMPETENT.length]!)!,
      faculty: faculties[i % faculties.length]!,
      seqno: Math.floor(i / COMPETENT.length) + 1,
    }));
    await tx.insert(t.competences).values(
      competences.map((c) => ({
        userId: c.userId,
        facultyId: c.faculty.id,
        weight: c.faculty.weight,
        seqno: c.seqno,
      })),
    );
    const clients = await tx
      .select({ id: t.partners.id })
      .from(t.partners)
      .where(and(eq(t.partners.isClient, true), ne(t.partners.clientState, CLIENT_STATE.former)))
      .orderBy(asc(t.partners.id));
    // Lino's fixture pops the next faculty for each client: the cycle goes on after the competences'.
    let next = COMPETENCES;
    for (const c of clients)
      await tx
        .update(t.partners)
        .set({ facultyId: faculties[next++ % faculties.length]!.id })
        .where(eq(t.partners.id, c.id));
  });
}
