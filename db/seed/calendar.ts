import { and, asc, eq, sql } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { belgianToday } from "@/lib/format";
import type { SeedCentre } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Names = Required<LocalizedText>;
type Locale = keyof Names;

interface EntryTypeSeed {
  ref: string;
  names: Names;
  eventLabel?: Names;
  isAppointment?: boolean;
  allRooms?: boolean;
  /** Blocks its user's planning (absences, issue 15 §3). */
  locksUser?: boolean;
  fillPresences?: boolean;
  maxConflicting?: number;
  maxDays?: number;
  transparent?: boolean;
  plannerColumn?: "external" | "internal";
  defaultDuration?: number;
  inviteClient?: boolean;
}

/** Lino Welfare's calendar entry types (domain-people §10.4), in the four languages. */
const ENTRY_TYPES: EntryTypeSeed[] = [
  {
    ref: "absences",
    names: { fr: "Absences", nl: "Afwezigheden", de: "Abwesenheiten", en: "Absences" },
    locksUser: true,
    fillPresences: true,
    maxDays: 0,
  },
  {
    ref: "holidays",
    names: { fr: "Jours fériés", nl: "Feestdagen", de: "Feiertage", en: "Holidays" },
    isAppointment: false,
    allRooms: true,
  },
  {
    ref: "meeting",
    names: { fr: "Réunion", nl: "Vergadering", de: "Versammlung", en: "Meeting" },
    defaultDuration: 60,
  },
  {
    ref: "internal",
    names: { fr: "Interne", nl: "Intern", de: "Intern", en: "Internal" },
    transparent: true,
    defaultDuration: 30,
    plannerColumn: "internal",
  },
  {
    ref: "client",
    names: {
      fr: "Rendez-vous internes avec client",
      nl: "Interne afspraken met cliënt",
      de: "Interne Termine mit Klient",
      en: "Internal meetings with client",
    },
    maxConflicting: 4,
    inviteClient: true,
    plannerColumn: "internal",
    defaultDuration: 30,
  },
  {
    ref: "evaluation",
    names: { fr: "Évaluation", nl: "Evaluatie", de: "Auswertung", en: "Evaluation" },
    eventLabel: { fr: "Évaluation", nl: "Evaluatie", de: "Auswertung", en: "Evaluation" },
    maxConflicting: 4,
    inviteClient: true,
    plannerColumn: "internal",
    defaultDuration: 60,
  },
  {
    ref: "prompt",
    names: {
      fr: "Consultations avec client",
      nl: "Consultaties met cliënt",
      de: "Beratungen mit Klient",
      en: "Consultations with client",
    },
    isAppointment: false,
    plannerColumn: "internal",
  },
  {
    ref: "external",
    names: {
      fr: "Rendez-vous externes avec client",
      nl: "Externe afspraken met cliënt",
      de: "Externe Termine mit Klient",
      en: "External meetings with client",
    },
    inviteClient: true,
    plannerColumn: "external",
    defaultDuration: 60,
  },
  {
    ref: "information",
    names: {
      fr: "Séances d'information",
      nl: "Informatiesessies",
      de: "Informationsversammlungen",
      en: "Informational meetings",
    },
    inviteClient: true,
    plannerColumn: "internal",
    defaultDuration: 60,
  },
  {
    ref: "internalMeetings",
    names: {
      fr: "Réunions internes",
      nl: "Interne vergaderingen",
      de: "Interne Versammlungen",
      en: "Internal meetings",
    },
    plannerColumn: "internal",
    defaultDuration: 60,
  },
  {
    ref: "externalMeetings",
    names: {
      fr: "Réunions externes",
      nl: "Externe vergaderingen",
      de: "Externe Versammlungen",
      en: "External meetings",
    },
    plannerColumn: "external",
    defaultDuration: 60,
  },
  { ref: "private", names: { fr: "Privé", nl: "Privé", de: "Privat", en: "Private" } },
];

/** Lino's guest roles (§10.1): the client's role is the one entries invite clients in. */
const GUEST_ROLES: { ref: string; names: Names }[] = [
  { ref: "colleague", names: { fr: "Collègue", nl: "Collega", de: "Kollege", en: "Colleague" } },
  { ref: "client", names: { fr: "Visiteur", nl: "Bezoeker", de: "Besucher", en: "Visitor" } },
  { ref: "chairman", names: { fr: "Président", nl: "Voorzitter", de: "Vorsitzender", en: "Chairman" } },
  { ref: "reporter", names: { fr: "Rapporteur", nl: "Verslaggever", de: "Schriftführer", en: "Reporter" } },
];

/** Entry types and guest roles: reference data of every centre, seeded once. */
export async function seedCalendarReference({ db, t }: TenantHandle) {
  if (!(await db.select({ id: t.entryTypes.id }).from(t.entryTypes).limit(1)).length)
    await db.insert(t.entryTypes).values(
      ENTRY_TYPES.map((et, i) => ({
        ...et,
        eventLabel: et.eventLabel ?? null,
        plannerColumn: et.plannerColumn ?? null,
        defaultDuration: et.defaultDuration ?? null,
        seqno: i + 1,
      })),
    );
  if (!(await db.select({ id: t.guestRoles.id }).from(t.guestRoles).limit(1)).length) {
    await db.insert(t.guestRoles).values(GUEST_ROLES);
    // Lino's demo services: the general social service's and the integration service's coaches are
    // invited as colleagues to the evaluation meetings of their clients' contracts (§8, §10.3).
    await db.execute(sql`update ${t.coachingTypes} set eval_guest_role_id =
      (select ${t.guestRoles.id} from ${t.guestRoles} where ${t.guestRoles.ref} = 'colleague')
      where (${t.coachingTypes.doesGss} or ${t.coachingTypes.doesIntegration}) and eval_guest_role_id is null`);
  }
}

const LEAVE: Names = { fr: "Congé", nl: "Verlof", de: "Urlaub", en: "Leave" };
const TRAINING: Names = { fr: "Formation", nl: "Opleiding", de: "Weiterbildung", en: "Training" };

/**
 * A few absences of the demo agents around today (§10.4 "Absences": they lock their user's planning),
 * so that "Find a date" and the planners show them: days off beyond the week of appointments, an
 * afternoon of training after the appointments of the next working day, a past week off. Seeded once.
 */
export async function seedDemoAbsences({ db, t }: TenantHandle, centre: SeedCentre) {
  const [type] = await db.select({ id: t.entryTypes.id }).from(t.entryTypes).where(eq(t.entryTypes.ref, "absences"));
  if (!type) return;
  if (
    (
      await db
        .select({ id: t.calendarEntries.id })
        .from(t.calendarEntries)
        .where(eq(t.calendarEntries.typeId, type.id))
        .limit(1)
    ).length
  )
    return;
  const locale = (["fr", "de", "nl", "en"] as const).find((l) => l === centre.defaultLocale) ?? "fr";
  const users = new Map(
    (await db.select({ id: t.users.id, username: t.users.username }).from(t.users)).map((u) => [u.username, u.id]),
  );
  const today = belgianToday();
  const workingDay = (from: string) => {
    let d = from;
    while (isWeekend(d)) d = plusDays(d, 1);
    return d;
  };
  const next = workingDay(plusDays(today, 1));
  const absences: { user: string; from: string; to: string | null; times?: [string, string]; summary: Names }[] = [
    { user: "alicia", from: workingDay(plusDays(today, 5)), to: workingDay(plusDays(today, 7)), summary: LEAVE },
    { user: "hubert", from: next, to: null, times: ["15:30:00", "17:00:00"], summary: TRAINING },
    { user: "melanie", from: workingDay(plusDays(today, 9)), to: workingDay(plusDays(today, 13)), summary: LEAVE },
    { user: "judith", from: plusDays(today, -9), to: plusDays(today, -7), summary: LEAVE },
  ];
  const rows = absences
    .filter((a) => users.has(a.user))
    .map((a) => ({
      typeId: type.id,
      summary: a.summary[locale],
      startDate: a.from,
      endDate: a.to !== null && a.to > a.from ? a.to : null,
      startTime: a.times?.[0] ?? null,
      endTime: a.times?.[1] ?? null,
      userId: users.get(a.user)!,
      state: "published",
    }));
  if (rows.length) await db.insert(t.calendarEntries).values(rows);
}

const ROOMS: Names[] = [
  { fr: "Salle de réunion", nl: "Vergaderzaal", de: "Sitzungssaal", en: "Meeting room" },
  { fr: "Bureau de consultation 1", nl: "Spreekkamer 1", de: "Sprechzimmer 1", en: "Consultation room 1" },
  { fr: "Bureau de consultation 2", nl: "Spreekkamer 2", de: "Sprechzimmer 2", en: "Consultation room 2" },
];

/** What the demo's appointments are about, in each language. */
const SUMMARIES: Record<Locale, string[]> = {
  fr: ["Entretien de suivi", "Bilan du projet", "Documents à compléter", "Recherche d'emploi", "Budget du ménage"],
  nl: ["Opvolggesprek", "Projectevaluatie", "Documenten aanvullen", "Zoektocht naar werk", "Gezinsbudget"],
  de: ["Folgegespräch", "Projektbilanz", "Unterlagen vervollständigen", "Arbeitssuche", "Haushaltsbudget"],
  en: ["Follow-up talk", "Project review", "Documents to complete", "Job search", "Household budget"],
};
const TEAM_MEETING: Names = { fr: "Réunion d'équipe", nl: "Teamvergadering", de: "Teamsitzung", en: "Team meeting" };

/** The demo's agents, who have appointments with their clients (domain-people §20). */
const AGENTS = ["alicia", "hubert", "melanie", "caroline", "judith"];
const SLOTS = ["09:00", "10:30", "14:00"];

/** `iso` moved by `days` days. */
const plusDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const isWeekend = (iso: string) => [0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());
const later = (time: string, minutes: number) => {
  const [h, m] = time.split(":").map(Number);
  const total = h! * 60 + m! + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}:00`;
};

/**
 * The demo centres' calendar: rooms, a calendar per user (named after the user, as Lino's), and a working week of appointments around today for each agent with their clients
 * as guests, in the centre's language: those past took place (one left open, overdue), today's are
 * published, those to come suggested or published; a team meeting in the meeting room. Seeded once.
 */
export async function seedCalendarDemo({ db, t }: TenantHandle, centre: SeedCentre) {
  // Seeded once. Not "any entry": the reference data already holds the generated holidays.
  if ((await db.select({ id: t.rooms.id }).from(t.rooms).limit(1)).length) return;
  const locale = (["fr", "de", "nl", "en"] as const).find((l) => l === centre.defaultLocale) ?? "fr";
  const rooms = await db
    .insert(t.rooms)
    .values(ROOMS.map((names, i) => ({ names, color: i + 1 })))
    .returning({ id: t.rooms.id });
  const users = await db.select({ id: t.users.id, username: t.users.username }).from(t.users).orderBy(asc(t.users.id));
  await db.insert(t.calendars).values(users.map((user, i) => ({ names: { fr: user.username }, color: (i % 32) + 1 })));
  const types = new Map(
    (await db.select({ id: t.entryTypes.id, ref: t.entryTypes.ref }).from(t.entryTypes)).map((r) => [r.ref, r.id]),
  );
  const [clientRole] = await db
    .select({ id: t.guestRoles.id })
    .from(t.guestRoles)
    .where(eq(t.guestRoles.ref, "client"));
  const agents = users.filter((u) => AGENTS.includes(u.username));
  const today = belgianToday();
  const days = Array.from({ length: 9 }, (_, i) => plusDays(today, i - 4)).filter((d) => !isWeekend(d));
  const appointmentTypes = ["client", "evaluation", "external"].map((ref) => types.get(ref)!);
  for (const [a, agent] of agents.entries()) {
    const clients = (
      await db
        .selectDistinct({ id: t.coachings.clientId })
        .from(t.coachings)
        .innerJoin(t.partners, eq(t.partners.id, t.coachings.clientId))
        .where(and(eq(t.coachings.userId, agent.id), eq(t.partners.isObsolete, false)))
        .orderBy(asc(t.coachings.clientId))
    ).map((c) => c.id);
    if (clients.length === 0) continue;
    let n = 0;
    for (const [d, day] of days.entries()) {
      const past = day < today;
      for (const [s, slot] of SLOTS.entries()) {
        if ((d + s + a) % 3 === 2) continue; // a free slot now and then
        const client = clients[n % clients.length]!;
        const typeId = appointmentTypes[n % appointmentTypes.length]!;
        // The past took place, but for one of each agent's left open (an overdue appointment).
        const state = past ? (n === 1 ? "draft" : "tookPlace") : day === today || n % 2 ? "published" : "suggested";
        const [entry] = await db
          .insert(t.calendarEntries)
          .values({
            typeId,
            summary: SUMMARIES[locale][n % SUMMARIES[locale].length]!,
            clientId: client,
            ownerType: "client",
            ownerId: client,
            startDate: day,
            startTime: `${slot}:00`,
            endTime: later(slot, 60),
            userId: agent.id,
            roomId: rooms[1 + (a % 2)]!.id,
            state,
          })
          .returning({ id: t.calendarEntries.id });
        // The client came, or missed one appointment in five.
        const guestState = past
          ? n % 5 === 4
            ? "missing"
            : state === "tookPlace"
              ? "present"
              : "accepted"
          : "accepted";
        await db
          .insert(t.calendarGuests)
          .values({ entryId: entry!.id, partnerId: client, roleId: clientRole?.id ?? null, state: guestState });
        n++;
      }
    }
  }
  // The team meets in the meeting room on the next working day.
  const meetingDay = days.find((d) => d > today);
  const organiser = agents.find((u) => u.username === "melanie") ?? agents[0];
  if (meetingDay && organiser && types.get("internalMeetings"))
    await db.insert(t.calendarEntries).values({
      typeId: types.get("internalMeetings")!,
      summary: TEAM_MEETING[locale],
      startDate: meetingDay,
      startTime: "11:30:00",
      endTime: "12:30:00",
      userId: organiser.id,
      roomId: rooms[0]!.id,
      state: "published",
    });
}
