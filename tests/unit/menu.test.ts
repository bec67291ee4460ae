import { describe, expect, it } from "vitest";
import { rolesOf, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { registry } from "@/server/areas";
import { menuFor, TOP_MENUS, translatedMenuFor, type MenuContribution } from "@/server/shell/menu";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const RESOURCES = registry.resources;

/** A menu as "menu > section > entry" lines of message keys, easy to compare and to read in a failure. */
const linesOf = (userType: UserType) =>
  menuFor({ roles: rolesOf(userType) }, registry).flatMap((m) =>
    m.sections.flatMap((s) =>
      s.items.map((i) => [m.label, s.label, i.label].filter(Boolean).join(" > ") + ` (${i.href})`),
    ),
  );

const ACCOUNT = "menu.site > account.menu (/account)";
const CLIENTS = "menu.contacts > resources.clients.title (/clients/clients)";
/** Everyone signed in finds persons and organisations next to the clients (SimpleContactsUser). */
const CONTACTS = [
  CLIENTS,
  "menu.contacts > resources.persons.title (/contacts/persons)",
  "menu.contacts > resources.organisations.title (/contacts/organisations)",
];
const HOUSEHOLDS = "menu.contacts > resources.households.title (/households/households)";
const EID = "menu.reception > menu.eid (/reception/eid)";
const PCSW_CLIENTS = "menu.pcsw > resources.clients.title (/clients/coached)";
/** The other client tables (§3.6): reception (OfficeUser or OfficeOperator: everyone signed in), integration (IntegUser), newcomers (NewcomersUser), all clients (SocialStaff). */
const RECEPTION_CLIENTS = "menu.reception > resources.clients.title (/reception/clients)";
const INTEG_CLIENTS = "menu.integration > resources.clients.title (/integ/clients)";
/** The integration service's statistics and activity report (issue 17 item 7, domain-integ-money §2.9): IntegUser. */
const INTEG_REPORTS = [
  "menu.integration > menu.integStatistics (/integ/statistics)",
  "menu.integration > menu.integActivityReport (/integ/activity-report)",
  "menu.integration > menu.integEsf (/integ/esf)",
];
/** Integration users follow their own ISIPs; social staff configure ISIP types, exam policies and endings and explore the contracts active today (domain-integ-money §1, §2.4). */
const MY_ISIPS = "menu.integration > isip.contracts.mine (/isip/mine)";
const ISIP_CONFIG = [
  "menu.configure > menu.sections.integration > isip.types.title (/isip/types)",
  "menu.configure > menu.sections.integration > isip.examPolicies.title (/isip/examPolicies)",
  "menu.configure > menu.sections.integration > isip.endings.title (/isip/endings)",
];
const ISIP_EXPLORER =
  "menu.explorer > menu.sections.integration > isip.contracts.title (/isip/contracts?s=%7B%22filters%22%3A%7B%22observedEvent%22%3A%22active%22%7D%7D)";
const NEW_CLIENTS = "menu.newcomers > resources.clients.newTitle (/newcomers/clients)";
const ALL_CLIENTS = "menu.explorer > menu.sections.pcsw > resources.clients.allTitle (/clients/all)";
/** Coaching users follow their own coachings; coaching staff configure termination reasons and explore coachings (active today by default) (§8). */
const MY_COACHINGS = "menu.pcsw > resources.coachings.myTitle (/coachings/mine)";
const ENDINGS = "menu.configure > menu.sections.pcsw > resources.coachingEndings.title (/coachings/endings)";
const COACHINGS_EXPLORER =
  "menu.explorer > menu.sections.pcsw > resources.coachings.title (/coachings/coachings?s=%7B%22filters%22%3A%7B%22observedEvent%22%3A%22active%22%7D%7D)";
const PLACES = [
  "menu.configure > menu.sections.places > resources.countries.title (/geo/countries)",
  "menu.configure > menu.sections.places > resources.places.title (/geo/places)",
];
/** Contacts staff configure organisation types, functions, client contact types and household types. */
const CONTACTS_CONFIG = [
  "menu.configure > menu.sections.contacts > resources.companyTypes.title (/contacts/companyTypes)",
  "menu.configure > menu.sections.contacts > resources.roleTypes.title (/contacts/roleTypes)",
  "menu.configure > menu.sections.contacts > resources.clientContactTypes.title (/contacts/clientContactTypes)",
  "menu.configure > menu.sections.contacts > resources.householdTypes.title (/households/types)",
];
const SERVICES = "menu.configure > menu.sections.pcsw > resources.coachingTypes.title (/coachings/types)";
const SYSTEM = "menu.configure > menu.sections.system > resources.choiceExtras.title (/settings/choices)";
/** The waiting room's lounge screens and their tokens: the centre's administrators (§11 board). */
const DISPLAYS = "menu.configure > menu.sections.reception > resources.receptionDisplays.title (/reception/displays)";
const MY_TASKS = "menu.calendar > resources.myTasks.title (/calendar/myTasks)";
/** The calendar (§10.6, Lino's Calendar menu): office users their appointments, tasks and guests. */
const MY_CALENDAR = [
  "menu.calendar > resources.calendarEntries.mine (/calendar/myAppointments)",
  "menu.calendar > resources.calendarEntries.unconfirmed (/calendar/myUnconfirmed)",
  MY_TASKS,
  "menu.calendar > resources.calendarGuests.mine (/calendar/myGuests)",
  "menu.calendar > resources.calendarEntries.myOverdue (/calendar/myOverdue)",
];
/** The planners and "find a date" (issue 15 §4–5): first in the Calendar menu, for all who plan (OfficeUser or OfficeOperator: everyone signed in). */
const PLANNERS = [
  "menu.calendar > menu.planner (/calendar/planner)",
  "menu.calendar > menu.teamPlanner (/calendar/planner?view=team)",
  "menu.calendar > menu.roomPlanner (/calendar/planner?view=rooms)",
  "menu.calendar > menu.findDate (/calendar/find-date)",
  "menu.calendar > resources.workingHours.myTitle (/calendar/myWorkingHours)",
];
/** Office staff set the users' working hours (Configure → Calendar, after the entry types). */
const WORKING_HOURS = "menu.configure > menu.sections.calendar > resources.workingHours.title (/calendar/workingHours)";
/** A menu with the planners inserted where the Calendar menu begins (before Reception when it has nothing else). */
const withPlanners = (lines: string[]) => {
  if (lines.length === 0) return lines;
  const at = lines.findIndex(
    (l) => l.startsWith("menu.calendar") || l.startsWith("menu.reception") || l.startsWith("menu.pcsw"),
  );
  const out = [...lines.slice(0, at), ...PLANNERS, ...lines.slice(at)];
  const types = out.indexOf(
    "menu.configure > menu.sections.calendar > resources.entryTypes.title (/calendar/entryTypes)",
  );
  if (types !== -1) out.splice(types + 1, 0, WORKING_HOURS);
  return out;
};
/** Appointments today, in the Reception menu (Lino's EntriesByDay: OfficeUser or OfficeOperator). */
const TODAY = "menu.reception > resources.calendarEntries.today (/calendar/today)";
/**
 * Office staff also see everybody's overdue appointments, configure the calendar (Configure →
 * Calendar) and explore every entry, guest and subscription.
 */
const asOfficeStaff = (lines: string[]) =>
  lines.flatMap((line) => {
    if (line === MY_CALENDAR[0]) return [line, "menu.calendar > resources.calendarEntries.overdue (/calendar/overdue)"];
    if (line === EXCERPT_TYPES)
      return [
        line,
        "menu.configure > menu.sections.calendar > resources.calendars.title (/calendar/calendars)",
        "menu.configure > menu.sections.calendar > resources.rooms.title (/calendar/rooms)",
        "menu.configure > menu.sections.calendar > resources.guestRoles.title (/calendar/guestRoles)",
        "menu.configure > menu.sections.calendar > resources.entryTypes.title (/calendar/entryTypes)",
        // The holidays and other days the centre closes on (Lino's recurrent events, issue 15 §3).
        "menu.configure > menu.sections.calendar > resources.recurrentEvents.title (/calendar/recurrentEvents)",
      ];
    if (line === ALL_UPLOADS)
      return [
        line,
        "menu.explorer > menu.sections.calendar > resources.calendarEntries.title (/calendar/entries)",
        "menu.explorer > menu.sections.calendar > resources.calendarGuests.title (/calendar/guests)",
        "menu.explorer > menu.sections.calendar > resources.calendarSubscriptions.title (/calendar/subscriptions)",
      ];
    return [line];
  });
/** Social staff configure the client file's lists and see every client's dispenses, exclusions and convictions (§3.8). */
const SOCIAL_CONFIG = [
  "menu.configure > menu.sections.pcsw > resources.personGroups.title (/clients/personGroups)",
  "menu.configure > menu.sections.pcsw > resources.dispenseReasons.title (/clients/dispenseReasons)",
  "menu.configure > menu.sections.pcsw > resources.exclusionTypes.title (/clients/exclusionTypes)",
];
const SOCIAL_EXPLORER = [
  ALL_CLIENTS,
  "menu.explorer > menu.sections.pcsw > resources.dispenses.title (/clients/dispenses)",
  "menu.explorer > menu.sections.pcsw > resources.exclusions.title (/clients/exclusions)",
  "menu.explorer > menu.sections.pcsw > resources.convictions.title (/clients/convictions)",
];
/** The CV (domain-integ-money §1, §2.1): career staff (110 120 420 900 910) configure its lists and explore every client's CV. */
const CAREER_CONFIG = [
  "menu.configure > menu.sections.career > cv.educationLevels (/cv/educationLevels)",
  "menu.configure > menu.sections.career > cv.studyTypes (/cv/studyTypes)",
  "menu.configure > menu.sections.career > cv.sectors (/cv/sectors)",
  "menu.configure > menu.sections.career > cv.functions (/cv/functions)",
  "menu.configure > menu.sections.career > cv.statuses (/cv/statuses)",
  "menu.configure > menu.sections.career > cv.regimes (/cv/regimes)",
  "menu.configure > menu.sections.career > cv.durations (/cv/durations)",
  "menu.configure > menu.sections.career > cv.proofs (/cv/proofs)",
  "menu.configure > menu.sections.career > cv.softSkillTypes (/cv/softSkillTypes)",
  "menu.configure > menu.sections.career > cv.obstacleTypes (/cv/obstacleTypes)",
  "menu.configure > menu.sections.career > cv.propGroups (/cv/propGroups)",
  "menu.configure > menu.sections.career > cv.propTypes (/cv/propTypes)",
  "menu.configure > menu.sections.career > cv.properties (/cv/properties)",
];
const CAREER_EXPLORER = [
  "menu.explorer > menu.sections.career > cv.languageKnowledge (/cv/languageKnowledge)",
  "menu.explorer > menu.sections.career > cv.studies (/cv/studies)",
  "menu.explorer > menu.sections.career > cv.trainings (/cv/trainings)",
  "menu.explorer > menu.sections.career > cv.experiences (/cv/experiences)",
];
/** Newcomers (§9): social staff configure the faculties and explore the agents' competences. */
const FACULTIES = "menu.configure > menu.sections.newcomers > resources.faculties.title (/newcomers/faculties)";
const BROKERS = "menu.configure > menu.sections.newcomers > resources.brokers.title (/newcomers/brokers)";
const COMPETENCES = "menu.explorer > menu.sections.newcomers > resources.competences.title (/newcomers/competences)";
/** Site staff (900, 910 here) review merged duplicate clients. */
const MERGES = "menu.explorer > menu.sections.contacts > resources.clientMerges.title (/clients/merges)";
/** Data problems (§18): assigned to me for data-check users (CheckdataUser), all of them for site staff (900, 910). */
const MY_PROBLEMS = "menu.office > checks.myProblems (/checks/myProblems)";
/** Notes (§12): my notes for whoever writes notes (OfficeUser or OfficeOperator: everyone signed in); office staff configure their types and explore them all. */
const MY_NOTES = "menu.office > resources.notes.myTitle (/notes/mine)";
const NOTES_CONFIG = [
  "menu.configure > menu.sections.office > resources.noteTypes.title (/notes/noteTypes)",
  "menu.configure > menu.sections.office > resources.noteEventTypes.title (/notes/eventTypes)",
];
const ALL_NOTES = "menu.explorer > menu.sections.office > resources.notes.title (/notes/notes)";
const ALL_PROBLEMS = "menu.explorer > menu.sections.system > checks.allProblems (/checks/allProblems)";
/** Notifications (§16): everyone signed in reads their own; administrators see the centre's failed background jobs. */
const MY_NOTIFICATIONS = "menu.office > notify.myMessages (/notify/messages)";
const FAILED_JOBS = "menu.explorer > menu.sections.system > jobs.failures.title (/jobs/failures)";
/** The outbox (§15): office users their own mails and SMS; administrators every mail and SMS, the mail server and the SMS provider. */
const MY_OUTBOX = "menu.office > outbox.mine (/outbox/mine)";
const MY_SMS = "menu.office > outbox.sms.mine (/outbox/mySms)";
const ALL_MAILS = "menu.explorer > menu.sections.system > outbox.all (/outbox/mails)";
const ALL_SMS = "menu.explorer > menu.sections.system > outbox.sms.all (/outbox/sms)";
const MAIL_SERVER = "menu.site > menu.sections.administration > outbox.settings (/outbox/settings)";
const SMS_PROVIDER = "menu.site > menu.sections.administration > outbox.sms.settings (/outbox/smsSettings)";
/** Records deleted in the last 30 days, which administrators may restore (issue 11 §2). */
const DELETED = "menu.explorer > menu.sections.system > resources.deleted.title (/history/deleted)";
/** Scanned documents (§13): everyone handling documents (OfficeUser, OfficeOperator) has their own; office staff configure the types and explore all. */
const MY_UPLOADS = "menu.office > resources.uploads.myTitle (/uploads/mine)";
const UPLOAD_TYPES = "menu.configure > menu.sections.office > resources.uploadTypes.title (/uploads/types)";
const ALL_UPLOADS = "menu.explorer > menu.sections.office > resources.uploads.title (/uploads/uploads)";
/** Printed documents (§14): whoever prints (OfficeUser, OfficeOperator) has their excerpts; office staff configure the types, administrators the letterhead. */
const MY_EXCERPTS = "menu.office > documents.mine (/documents/mine)";
const EXCERPT_TYPES = "menu.configure > menu.sections.office > documents.types.title (/documents/types)";
const LETTERHEAD = "menu.site > menu.sections.administration > documents.letterhead.title (/documents/letterhead)";
/** Reminders to clients and calendar feeds (issue 15 §6–7): the centre's defaults are its administrators'. */
const CALENDAR_SETTINGS = "menu.site > menu.sections.administration > remind.settings.title (/calendar/settings)";
/** Art. 60§7 job supply (domain-integ-money §2.5, Lino's integ menus): integration users find their contracts,
 * providers, jobs, offers and the contracts situation in Integration; social staff configure job types,
 * schedules and contract types and explore all candidatures and contracts. */
const JOB_SUPPLY = [
  "menu.integration > jobs.contracts.mine (/jobs/myContracts)",
  "menu.integration > jobs.providers.title (/jobs/providers)",
  "menu.integration > jobs.jobs.title (/jobs/jobs)",
  "menu.integration > jobs.offers.title (/jobs/offers)",
  "menu.integration > jobs.situation.title (/jobs/situation)",
];
/** Which calendar entry types count in which ESF field (domain-integ-money §2.10): integration staff (110 120 420 900 910). */
const ESF_CONFIG = "menu.configure > menu.sections.integration > integReports.esf.entryTypes (/integ/esfEntryTypes)";
const JOB_CONFIG = [
  "menu.configure > menu.sections.integration > jobs.types.title (/jobs/types)",
  "menu.configure > menu.sections.integration > jobs.schedules.title (/jobs/schedules)",
  "menu.configure > menu.sections.integration > jobs.contractTypes.title (/jobs/contractTypes)",
];
const ALL_CANDIDATURES = "menu.explorer > menu.sections.integration > jobs.candidatures.title (/jobs/candidatures)";
const ALL_ART60 = "menu.explorer > menu.sections.integration > jobs.contracts.title (/jobs/contracts)";
const ADMINISTRATION = [
  "menu.site > menu.sections.administration > resources.users.title (/users/users)",
  "menu.site > menu.sections.administration > menu.centreSettings (/admin/settings)",
  "menu.site > menu.sections.administration > menu.supportAccess (/admin/support)",
];
/** Social workers: clients in Contacts, Reception and PCSW, their data problems, reading eID cards, their coachings. */
const SOCIAL = [
  ...CONTACTS,
  HOUSEHOLDS,
  MY_PROBLEMS,
  MY_NOTES,
  MY_UPLOADS,
  MY_EXCERPTS,
  MY_NOTIFICATIONS,
  MY_OUTBOX,
  MY_SMS,
  ...MY_CALENDAR,
  RECEPTION_CLIENTS,
  EID,
  TODAY,
  PCSW_CLIENTS,
  MY_COACHINGS,
];
const ADMIN = asOfficeStaff([
  ...SOCIAL,
  INTEG_CLIENTS,
  ...INTEG_REPORTS,
  ...JOB_SUPPLY,
  MY_ISIPS,
  NEW_CLIENTS,
  ...PLACES,
  ...CONTACTS_CONFIG,
  ...NOTES_CONFIG,
  UPLOAD_TYPES,
  EXCERPT_TYPES,
  ...SOCIAL_CONFIG,
  SERVICES,
  ENDINGS,
  SYSTEM,
  DISPLAYS,
  ESF_CONFIG,
  ...JOB_CONFIG,
  ...ISIP_CONFIG,
  ...CAREER_CONFIG,
  FACULTIES,
  BROKERS,
  MERGES,
  ALL_NOTES,
  ALL_UPLOADS,
  ...SOCIAL_EXPLORER,
  COACHINGS_EXPLORER,
  ALL_PROBLEMS,
  DELETED,
  FAILED_JOBS,
  ALL_MAILS,
  ALL_SMS,
  ALL_CANDIDATURES,
  ALL_ART60,
  ISIP_EXPLORER,
  ...CAREER_EXPLORER,
  COMPETENCES,
  ACCOUNT,
  ...ADMINISTRATION,
  CALENDAR_SETTINGS,
  LETTERHEAD,
  MAIL_SERVER,
  SMS_PROVIDER,
]);

// domain-people §1.4, §3.6, §12 (Configure's sections in Lino's order: places, contacts, office, PCSW): everyone signed in finds clients in Contacts and Reception; social users (SocialUser) also in
// PCSW with their own coachings (CoachingsUser; all coachings are in Explorer for CoachingsStaff, "PCSW → only My coachings" for 210), integration users in Integration, newcomers users in Newcomers, social staff all clients in Explorer; contacts staff (110 120 210 410 420 800 900 910) configure
// places and household types, coachings staff the services, social staff (110 120 410 420 900 910) the
// integration phases, dispense reasons and exclusion types; calendar users (OfficeUser) their appointments, tasks and guests, office staff (110 120 410 420 900 910) configure the calendar, and the reception (OfficeUser or OfficeOperator) sees today's appointments; contacts users (all but 220) see households; all but 500/510 read eID cards (BeIdUser, §7); only administrators (900, 910) see users and support
// access; anonymous sees nothing.
const EXPECTED: Record<UserType, string[]> = {
  "000": [],
  "100": [...SOCIAL, INTEG_CLIENTS, ...INTEG_REPORTS, ...JOB_SUPPLY, MY_ISIPS, ACCOUNT],
  "110": asOfficeStaff([
    ...SOCIAL,
    INTEG_CLIENTS,
    ...INTEG_REPORTS,
    ...JOB_SUPPLY,
    MY_ISIPS,
    ...PLACES,
    ...CONTACTS_CONFIG,
    ...NOTES_CONFIG,
    UPLOAD_TYPES,
    EXCERPT_TYPES,
    ...SOCIAL_CONFIG,
    SERVICES,
    ENDINGS,
    ESF_CONFIG,
    ...JOB_CONFIG,
    ...ISIP_CONFIG,
    ...CAREER_CONFIG,
    FACULTIES,
    BROKERS,
    ALL_NOTES,
    ALL_UPLOADS,
    ...SOCIAL_EXPLORER,
    COACHINGS_EXPLORER,
    ALL_CANDIDATURES,
    ALL_ART60,
    ISIP_EXPLORER,
    ...CAREER_EXPLORER,
    COMPETENCES,
    ACCOUNT,
  ]),
  "120": asOfficeStaff([
    ...SOCIAL,
    INTEG_CLIENTS,
    ...INTEG_REPORTS,
    ...JOB_SUPPLY,
    MY_ISIPS,
    NEW_CLIENTS,
    ...PLACES,
    ...CONTACTS_CONFIG,
    ...NOTES_CONFIG,
    UPLOAD_TYPES,
    EXCERPT_TYPES,
    ...SOCIAL_CONFIG,
    SERVICES,
    ENDINGS,
    ESF_CONFIG,
    ...JOB_CONFIG,
    ...ISIP_CONFIG,
    ...CAREER_CONFIG,
    FACULTIES,
    BROKERS,
    ALL_NOTES,
    ALL_UPLOADS,
    ...SOCIAL_EXPLORER,
    COACHINGS_EXPLORER,
    ALL_CANDIDATURES,
    ALL_ART60,
    ISIP_EXPLORER,
    ...CAREER_EXPLORER,
    COMPETENCES,
    ACCOUNT,
  ]),
  "200": [...SOCIAL, NEW_CLIENTS, ACCOUNT],
  "210": [
    ...CONTACTS,
    HOUSEHOLDS,
    MY_NOTES,
    MY_UPLOADS,
    MY_EXCERPTS,
    MY_NOTIFICATIONS,
    RECEPTION_CLIENTS,
    EID,
    TODAY,
    MY_COACHINGS,
    ...PLACES,
    ...CONTACTS_CONFIG,
    SERVICES,
    ENDINGS,
    COACHINGS_EXPLORER,
    ACCOUNT,
  ],
  "220": [
    ...CONTACTS,
    MY_NOTES,
    MY_UPLOADS,
    MY_EXCERPTS,
    MY_NOTIFICATIONS,
    RECEPTION_CLIENTS,
    EID,
    TODAY,
    NEW_CLIENTS,
    ACCOUNT,
  ],
  "300": [...SOCIAL, NEW_CLIENTS, ACCOUNT],
  "400": [...SOCIAL, ACCOUNT],
  "410": asOfficeStaff([
    ...SOCIAL,
    ...PLACES,
    ...CONTACTS_CONFIG,
    ...NOTES_CONFIG,
    UPLOAD_TYPES,
    EXCERPT_TYPES,
    ...SOCIAL_CONFIG,
    SERVICES,
    ENDINGS,
    ...JOB_CONFIG,
    ...ISIP_CONFIG,
    FACULTIES,
    BROKERS,
    ALL_NOTES,
    ALL_UPLOADS,
    ...SOCIAL_EXPLORER,
    COACHINGS_EXPLORER,
    ALL_CANDIDATURES,
    ALL_ART60,
    ISIP_EXPLORER,
    COMPETENCES,
    ACCOUNT,
  ]),
  "420": asOfficeStaff([
    ...SOCIAL,
    INTEG_CLIENTS,
    ...INTEG_REPORTS,
    ...JOB_SUPPLY,
    MY_ISIPS,
    NEW_CLIENTS,
    ...PLACES,
    ...CONTACTS_CONFIG,
    ...NOTES_CONFIG,
    UPLOAD_TYPES,
    EXCERPT_TYPES,
    ...SOCIAL_CONFIG,
    SERVICES,
    ENDINGS,
    ESF_CONFIG,
    ...JOB_CONFIG,
    ...ISIP_CONFIG,
    ...CAREER_CONFIG,
    FACULTIES,
    BROKERS,
    ALL_NOTES,
    ALL_UPLOADS,
    ...SOCIAL_EXPLORER,
    COACHINGS_EXPLORER,
    ALL_CANDIDATURES,
    ALL_ART60,
    ISIP_EXPLORER,
    ...CAREER_EXPLORER,
    COMPETENCES,
    ACCOUNT,
  ]),
  "500": [
    ...CONTACTS,
    HOUSEHOLDS,
    MY_NOTES,
    MY_UPLOADS,
    MY_EXCERPTS,
    MY_NOTIFICATIONS,
    MY_OUTBOX,
    MY_SMS,
    ...MY_CALENDAR,
    RECEPTION_CLIENTS,
    TODAY,
    ACCOUNT,
  ],
  "510": [
    ...CONTACTS,
    HOUSEHOLDS,
    MY_NOTES,
    MY_UPLOADS,
    MY_EXCERPTS,
    MY_NOTIFICATIONS,
    MY_OUTBOX,
    MY_SMS,
    ...MY_CALENDAR,
    RECEPTION_CLIENTS,
    TODAY,
    ACCOUNT,
  ],
  "800": [
    ...CONTACTS,
    HOUSEHOLDS,
    MY_NOTES,
    MY_UPLOADS,
    MY_EXCERPTS,
    MY_NOTIFICATIONS,
    RECEPTION_CLIENTS,
    EID,
    TODAY,
    ...PLACES,
    ...CONTACTS_CONFIG,
    ACCOUNT,
  ],
  "900": ADMIN,
  "910": [...ADMIN, "menu.site > menu.sections.security > resources.history.accessTitle (/history/accessLog)"],
};

// §1.3, §11: the waiting room's lists follow the reception's clients; the expected guests are the reception's
// (OfficeOperator), "… for me" the agents' (OfficeUser), the others everyone's who has either role.
const OFFICE_USERS = ["100", "110", "120", "200", "300", "400", "410", "420", "500", "510", "900", "910"];
const OFFICE_OPERATORS = ["110", "120", "200", "210", "220", "300", "410", "420", "800", "900", "910"];
const visitorLines = (userType: string) => {
  const line = (id: string, label: string) =>
    `menu.reception > resources.receptionVisitors.${label} (/reception/${id})`;
  const operator = OFFICE_OPERATORS.includes(userType);
  const agent = OFFICE_USERS.includes(userType);
  return [
    ...(operator ? [line("expected", "expected")] : []),
    ...(operator || agent ? [line("waiting", "waiting"), line("busy", "busy"), line("gone", "gone")] : []),
    ...(agent
      ? [line("waitingForMe", "waitingForMe"), line("busyWithMe", "busyWithMe"), line("myGone", "myGone")]
      : []),
  ];
};
const withVisitors = (userType: string, lines: string[]) =>
  lines.flatMap((l) => (l === RECEPTION_CLIENTS ? [l, ...visitorLines(userType)] : [l]));
// Social users (the agents newcomers are given to) read their own competences in Newcomers, after PCSW and Integration.
const MY_COMPETENCES = "menu.newcomers > resources.competences.mine (/newcomers/myCompetences)";
const withMyCompetences = (userType: UserType, lines: string[]) => {
  if (!rolesOf(userType).has("SocialUser")) return lines;
  const at = lines.findLastIndex((l) => /^menu\.(pcsw|integration|newcomers) /.test(l)) + 1;
  return [...lines.slice(0, at), MY_COMPETENCES, ...lines.slice(at)];
};

// Polls (domain-integ-money §1, Lino's polls menus): polls users find the polls and their responses in their own
// menu; polls staff configure the choice sets and explore questions, choices and every response. Each goes after
// the lines of the menus before it. (A centre not using Châtelet's field set takes these roles away.)
const POLLS_USERS = ["100", "110", "120", "200", "300", "400", "410", "420", "900", "910"];
const POLLS_STAFF = ["110", "120", "410", "420", "900", "910"];
const menuRank = (line: string) => TOP_MENUS.indexOf(line.split(" > ")[0]!.replace("menu.", "") as never);
const afterMenu = (lines: string[], add: string[]) => {
  const at = lines.findIndex((l) => menuRank(l) > menuRank(add[0]!));
  return at === -1 ? [...lines, ...add] : [...lines.slice(0, at), ...add, ...lines.slice(at)];
};
const withPolls = (userType: string, lines: string[]) => {
  if (!POLLS_USERS.includes(userType)) return lines;
  let out = afterMenu(lines, [
    "menu.polls > polls.polls.title (/polls/polls)",
    "menu.polls > polls.responses.mine (/polls/myResponses)",
  ]);
  if (!POLLS_STAFF.includes(userType)) return out;
  out = afterMenu(out, ["menu.configure > polls.menu > polls.choiceSets.title (/polls/choiceSets)"]);
  return afterMenu(out, [
    "menu.explorer > polls.menu > polls.questions.title (/polls/questions)",
    "menu.explorer > polls.menu > polls.choices.title (/polls/choices)",
    "menu.explorer > polls.menu > polls.responses.all (/polls/responses)",
  ]);
};

// Art. 61 (domain-integ-money §1, §2.6): integration users (IntegUser) follow their own contracts after their
// ISIPs; integration staff configure the types and explore the contracts active today, after the ISIPs'.
const MY_ART61 = "menu.integration > art61.contracts.mine (/art61/mine)";
const ART61_CONFIG = "menu.configure > menu.sections.integration > art61.types.title (/art61/types)";
const ART61_EXPLORER =
  "menu.explorer > menu.sections.integration > art61.contracts.title (/art61/contracts?s=%7B%22filters%22%3A%7B%22observedEvent%22%3A%22active%22%7D%7D)";
const withArt61 = (userType: UserType, lines: string[]) => {
  const roles = rolesOf(userType);
  return lines.flatMap((l) => {
    if (l === MY_ISIPS && roles.has("IntegUser")) return [l, MY_ART61];
    if (l === ISIP_CONFIG.at(-1) && roles.has("IntegrationStaff")) return [l, ART61_CONFIG];
    if (l === ISIP_EXPLORER && roles.has("IntegrationStaff")) return [l, ART61_EXPLORER];
    return [l];
  });
};

// Immersion trainings and proofs of job search (domain-integ-money §2.7–2.8, Lino's immersion and active_job_search
// menus, Châtelet only): integration users (IntegUser) find their trainings in Integration and all of them in
// Explorer; integration staff (IntegrationStaff) configure types and goals and explore every proof of search.
const IMMERSION_USERS = ["100", "110", "120", "420", "900", "910"];
const IMMERSION_STAFF = ["110", "120", "420", "900", "910"];
const afterLast = (lines: string[], prefix: string, add: string[]) => {
  const at = lines.findLastIndex((l) => l.startsWith(prefix));
  return at === -1 ? afterMenu(lines, add) : [...lines.slice(0, at + 1), ...add, ...lines.slice(at + 1)];
};
const withImmersion = (userType: string, lines: string[]) => {
  if (!IMMERSION_USERS.includes(userType)) return lines;
  let out = afterLast(lines, "menu.integration >", ["menu.integration > immersion.contracts.mine (/immersion/mine)"]);
  if (IMMERSION_STAFF.includes(userType))
    out = afterLast(out, "menu.configure > menu.sections.integration >", [
      "menu.configure > menu.sections.integration > immersion.types.title (/immersion/types)",
      "menu.configure > menu.sections.integration > immersion.goals.title (/immersion/goals)",
    ]);
  return afterLast(out, "menu.explorer > menu.sections.integration >", [
    "menu.explorer > menu.sections.integration > immersion.contracts.title (/immersion/contracts?s=%7B%22filters%22%3A%7B%22observedEvent%22%3A%22active%22%7D%7D)",
    ...(IMMERSION_STAFF.includes(userType)
      ? ["menu.explorer > menu.sections.integration > jobsearch.proofs.title (/jobsearch/proofs)"]
      : []),
  ]);
};

describe("the main menu per user type", () => {
  for (const userType of USER_TYPES) {
    it(`user type ${userType} gets its menu`, () => {
      expect(linesOf(userType)).toEqual(
        withImmersion(
          userType,
          withPolls(
            userType,
            withMyCompetences(userType, withVisitors(userType, withPlanners(withArt61(userType, EXPECTED[userType])))),
          ),
        ),
      );
    });
  }

  it("administrators see Users, an integration agent does not, anonymous sees no menu at all", () => {
    expect(linesOf("900").some((l) => l.includes("/users/users"))).toBe(true);
    expect(linesOf("100").some((l) => l.includes("/users/users"))).toBe(false);
    expect(menuFor({ roles: rolesOf("000") }, registry)).toEqual([]);
  });

  it("leaves personal entries (my account) out of an operator's support session", () => {
    const support = {
      grantId: "g",
      operatorId: "o",
      operatorEmail: "op@example.org",
      operatorName: "Op",
      endsAt: new Date(),
    };
    const lines = menuFor({ roles: rolesOf("900"), support }, registry).flatMap((m) =>
      m.sections.flatMap((s) => s.items.map((i) => i.href)),
    );
    expect(lines).not.toContain("/account");
    expect(lines).toContain("/users/users");
  });

  it("keeps Lino's order of top-level menus and leaves empty ones out", () => {
    const contributions: MenuContribution[] = [
      { menu: "site", entries: [{ href: "/x", label: "x", roles: ["SiteUser"] }] },
      { menu: "contacts", entries: [{ href: "/y", label: "y", roles: ["SiteUser"] }] },
      { menu: "debts", entries: [{ href: "/z", label: "z", roles: ["DebtsStaff"] }] },
    ];
    expect(menuFor({ roles: rolesOf("100") }, { ...registry, menu: contributions }).map((m) => m.id)).toEqual([
      "contacts",
      "site",
    ]);
    expect(menuFor({ roles: rolesOf("900") }, { ...registry, menu: contributions }).map((m) => m.id)).toEqual([
      "contacts",
      "debts",
      "site",
    ]);
  });

  it("an entry for a resource follows the resource's own view rule", () => {
    const contributions: MenuContribution[] = [{ menu: "site", entries: [{ resource: "users.users" }] }];
    for (const userType of USER_TYPES) {
      const canView = RESOURCES.get("users.users")!.access.view.some((r) => rolesOf(userType).has(r));
      expect(menuFor({ roles: rolesOf(userType) }, { ...registry, menu: contributions }).length, userType).toBe(
        canView ? 1 : 0,
      );
    }
  });

  it("every declared entry names an existing resource and every label is translated in the four languages", () => {
    const keys = new Set<string>(TOP_MENUS.map((m) => `menu.${m}`));
    for (const c of registry.menu) {
      if (c.section) keys.add(c.section);
      for (const e of c.entries) {
        if ("resource" in e) {
          const def = RESOURCES.get(e.resource);
          expect(def, e.resource).toBeDefined();
          keys.add(e.label ?? def!.title);
        } else keys.add(e.label);
      }
    }
    for (const [lang, catalogue] of Object.entries({ fr, nl, de, en })) {
      for (const key of keys) {
        const text = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
        expect(typeof text, `${lang}: ${key}`).toBe("string");
      }
    }
  });
});

describe("the translated menu (header and quick links)", () => {
  it("is menuFor with its labels in the reader's language, built once per set of roles and language", () => {
    const agent = { roles: rolesOf("100") };
    const fr1 = translatedMenuFor(agent, registry, "fr");
    const contacts = fr1.find((m) => m.id === "contacts")!;
    expect(contacts.label).toBe(fr.menu.contacts);
    expect(contacts.sections[0]!.items[0]).toEqual({ label: fr.resources.clients.title, href: "/clients/clients" });
    expect(fr1.map((m) => m.sections.flatMap((s) => s.items.map((i) => i.href)))).toEqual(
      menuFor(agent, registry).map((m) => m.sections.flatMap((s) => s.items.map((i) => i.href))),
    );
    // Another user with the same roles gets the same menu, built once; another language or type its own.
    expect(translatedMenuFor({ roles: new Set(rolesOf("100")) }, registry, "fr")).toBe(fr1);
    const de1 = translatedMenuFor(agent, registry, "de");
    expect(de1.find((m) => m.id === "contacts")!.label).toBe(de.menu.contacts);
    expect(translatedMenuFor({ roles: rolesOf("900") }, registry, "fr")).not.toEqual(fr1);
    // An operator's support session has no personal entries (My account): a menu of its own.
    const support = translatedMenuFor({ roles: rolesOf("100"), support: {} as never }, registry, "fr");
    const hrefs = (menus: typeof fr1) => menus.flatMap((m) => m.sections.flatMap((s) => s.items.map((i) => i.href)));
    expect(hrefs(fr1)).toContain("/account");
    expect(hrefs(support)).not.toContain("/account");
  });
});
