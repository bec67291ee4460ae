import { and, asc, eq } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { belgianToday } from "@/lib/format";
import { addDays } from "@/server/calendar/rules/reminders";
import { CANDIDATURE_STATE } from "@/server/jobs/rules";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** Lino's work schedules (jobs/fixtures/std.py), for every centre. */
const SCHEDULES: LocalizedText[] = [
  { fr: "5 jours/semaine", nl: "5 dagen/week", de: "5-Tage-Woche", en: "5 days/week" },
  { fr: "Individuel", nl: "Individueel", de: "Individuell", en: "Individual" },
  {
    fr: "lundi, mercredi, vendredi",
    nl: "maandag, woensdag, vrijdag",
    de: "Montag, Mittwoch, Freitag",
    en: "Monday, Wednesday, Friday",
  },
];

export async function seedJobSchedules({ db, t }: TenantHandle) {
  if ((await db.select({ id: t.jobSchedules.id }).from(t.jobSchedules).limit(1)).length) return;
  await db.insert(t.jobSchedules).values(SCHEDULES.map((names) => ({ names })));
}

interface DemoShape {
  types: [name: string, isSocial: boolean][];
  providers: string[];
  /** Lino's demo names the jobs after the CV's functions, in turn. */
  functions: string[];
  remarks: string[];
  jobs: number;
  /** Candidatures for a job, then without a job, then one per function (Lino: 40, 30, 4). */
  candidatures: [forJobs: number, open: number, perFunction: boolean];
  offer: { name: string; remark: string };
}

const EUPEN: DemoShape = {
  types: [
    ['Sozialwirtschaft = "majorés"', true],
    ["Intern", false],
    ["Extern (Öffentl. VoE mit Kostenrückerstattung)", false],
    ["Extern (Privat Kostenrückerstattung)", false],
    ["Sonstige", false],
  ],
  providers: ["R-Cycle Sperrgutsortierzentrum", "BISA", "Pro Aktiv V.o.G."],
  functions: ["Kellner", "Koch", "Küchenassistent", "Tellerwäscher"],
  remarks: ["Eine sehr harte Arbeit.", "", "Kein Vorgesetzter. Nur für selbständige Leute.", "", "", ""],
  jobs: 8,
  candidatures: [40, 30, true],
  offer: {
    name: "Übersetzer DE-FR (m/w)",
    remark:
      "Wir sind auf der Suche nach einem Deutsch-Französisch Übersetzer (M/F), um einen Selbständigen zu Geschäftsessen " +
      "und kommerziellen Terminen zu begleiten. Regelmäßigkeit: 1-2 Mal pro Monat, je nach Bedarf.",
  },
};

const CHATELET: DemoShape = {
  types: [
    ["Économie sociale (« majorés »)", true],
    ["Interne", false],
    ["Externe (public, avec remboursement)", false],
    ["Externe (privé, avec remboursement)", false],
    ["Autres", false],
  ],
  providers: ["Régie des quartiers de Châtelet", "Recyclerie du Val de Sambre"],
  functions: ["Ouvrier polyvalent", "Aide-cuisinier", "Agent d'entretien"],
  remarks: ["", "Travail en équipe, horaires de jour.", ""],
  jobs: 3,
  candidatures: [6, 2, false],
  offer: {
    name: "Agent d'entretien des espaces verts (h/f)",
    remark: "Entretien des parcs et des abords des logements sociaux, à temps plein, à Châtelet et Châtelineau.",
  },
};

const cycle = <T>(items: readonly T[], i: number) => items[i % items.length]!;

/**
 * Art. 60§7 demo (domain-integ-money §2.5, Lino's welfare demo fixture): job types, providers (new
 * organisations of the contacts), jobs named after functions in turn, one offer and candidatures
 * of the coached clients cycling through the states. Eupen gets Lino's 8 jobs and 74
 * candidatures, Châtelet a few. Only into a centre without jobs.
 */
export async function seedDemoJobs({ db, t }: TenantHandle, centre: { defaultLocale: string }) {
  if ((await db.select({ id: t.jobs.id }).from(t.jobs).limit(1)).length) return;
  const shape = centre.defaultLocale === "de" ? EUPEN : CHATELET;
  const coached = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(and(eq(t.partners.isClient, true), eq(t.partners.clientState, "30")))
    .orderBy(asc(t.partners.id));
  const clients = coached.length
    ? coached
    : await db
        .select({ id: t.partners.id })
        .from(t.partners)
        .where(eq(t.partners.isClient, true))
        .orderBy(asc(t.partners.id));
  if (!clients.length) return;
  const today = belgianToday();
  const states = Object.values(CANDIDATURE_STATE);
  await db.transaction(async (tx) => {
    const types = await tx
      .insert(t.jobTypes)
      .values(shape.types.map(([name, isSocial], i) => ({ seqno: i + 1, name, isSocial })))
      .returning({ id: t.jobTypes.id });
    const providers: number[] = [];
    for (const name of shape.providers) {
      const [org] = await tx
        .insert(t.partners)
        .values({ kind: "organisation", name, language: centre.defaultLocale, countryCode: "BE" })
        .returning({ id: t.partners.id });
      await tx.insert(t.jobProviders).values({ companyId: org!.id });
      providers.push(org!.id);
    }
    const jobs = await tx
      .insert(t.jobs)
      .values(
        Array.from({ length: shape.jobs }, (_, i) => ({
          name: cycle(shape.functions, i),
          providerId: cycle(providers, i),
          typeId: cycle(types, i).id,
          remark: cycle(shape.remarks, i),
          hourlyRate: 1150 + 50 * (i % 4),
        })),
      )
      .returning({ id: t.jobs.id });
    await tx.insert(t.jobOffers).values({
      ...shape.offer,
      providerId: cycle(providers, shape.jobs),
      selectionFrom: addDays(today, -120),
      selectionUntil: addDays(today, -20),
      startDate: addDays(today, 10),
    });
    const [forJobs, open, perFunction] = shape.candidatures;
    let n = 0;
    const next = () => ({ clientId: cycle(clients, n).id, state: cycle(states, n++), art60: true });
    const rows = [
      ...Array.from({ length: forJobs }, (_, i) => ({
        ...next(),
        jobId: cycle(jobs, i).id,
        dateSubmitted: addDays(today, -40 + i),
      })),
      ...Array.from({ length: open }, (_, i) => ({ ...next(), dateSubmitted: addDays(today, -20 - i * 2) })),
      // Lino: one candidature per function, active, of the clients in turn (the function is the CV's; named in the remark here).
      ...(perFunction
        ? shape.functions.map((fn, i) => ({
            clientId: cycle(clients, i).id,
            state: CANDIDATURE_STATE.active,
            art60: true,
            remark: fn,
            dateSubmitted: addDays(today, -i),
          }))
        : []),
    ];
    await tx.insert(t.candidatures).values(rows);
  });
}
