// What each user type may do with each declared resource, written down from the domain — not
// computed from the role table or the resources' `access` declarations — and compared with what
// the public procedures actually allow, on a real centre with a row of every resource.
//
// Sources: /work/shared/domain/domain-people.md (§1.3 roles and their consequences, §1.4 menus,
// §3.6–3.8 client tables, tabs and sub-entities, §4, §8, §17, §18) and, where it is silent, Lino
// Welfare's own code and doctests (lino-framework/welfare, xl, lino, April 2021):
// - a table's `required_roles` decide who sees it; whoever sees a table may also edit its rows
//   through it (Lino's SubmitDetail and DeleteSelected need only the table's roles; only the
//   anonymous type 000 is read-only: lino/core/boundaction.py, lino/core/permissions.py), unless
//   the table is `editable = False`;
// - a slave table (…ByClient, …ByPerson) gives its rows on the master's detail; the global list of
//   the same rows is another table (Explorer), often for a narrower role;
// - a configuration table (types, reasons, functions) is maintained by its staff role, but its rows
//   are offered in the combo box of every form that refers to them (Lino's Choices view serves the
//   referring table's users: lino/modlib/extjs/views.py), so whoever edits such a form reads them;
// - "visible for" lines of docs/specs/weleup/eupen.rst and clients_eupen.rst (window and tab
//   permissions per user type) are facts checked by Lino's doctests.
//
// A cell that differs today and needs more than a one-line access change is listed in KNOWN with
// what it does now and why; the walk skips exactly those cells (and says so when one of them comes
// right, so the note can go).
import { and, eq } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { regenerateEvaluations } from "@/server/isip/base";
import { art60Kind } from "@/server/jobs/kind";
import { hasRole, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { useEveryFieldSet } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

/**
 * One letter per user type: `-` nothing; `v` read, `e` read and edit — on the master row's detail
 * only (the global list without a master row is refused); `V`, `E` — the global list too.
 */
type Cell = "-" | "v" | "V" | "e" | "E";
const COLUMNS = "000 100 110 120 200 210 220 300 400 410 420 500 510 800 900 910";

// Role sets written out, for reading the rows (from §1.3):
//   signed in (SiteUser, SimpleContactsUser) = all but 000
//   ContactsUser  = all but 000 220             ContactsStaff   = 110 120 210 410 420 800 900 910
//   SocialUser    = 100 110 120 200 300 400 410 420 900 910       SocialStaff = 110 120 410 420 900 910
//   CoachingsUser = 100 110 120 200 210 300 400 410 420 900 910   CoachingsStaff = 110 120 210 410 420 900 910
//   OfficeUser    = 100 110 120 200 300 400 410 420 500 510 900 910
//   SiteAdmin (Lino's SiteStaff in Welfare) = 900 910            SecurityAdvisor = 910
const EXPECTED: Record<string, string> = {
  //                              000 100 110 120 200 210 220 300 400 410 420 500 510 800 900 910
  // §1.1 "only admins (900/910) may open/insert users"; Lino users.AllUsers: SiteAdmin.
  "users.users": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",
  // A centre's own choice values are site configuration: Lino system.SiteConfigs: SiteStaff (= 900, 910).
  "settings.choices": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",

  // ── Clients: the tables of §3.6, each editable by whoever sees it ──
  // Contacts → Clients: pcsw.Clients, SimpleContactsUser (§3.6); eupen.rst: pcsw.Clients.insert and
  // .detail visible for all but 000; §1.3 NewcomersOperator (with 220) edits broker, faculty, refusal reason.
  "clients.clients": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // pcsw.ClientsByNationality extends pcsw.Clients (same roles).
  "clients.byNationality": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // PCSW → Clients: pcsw.CoachedClients, SocialUser.
  "clients.coached": "-   E   E   E   E   -   -   E   E   E   E   -   -   -   E   E",
  // Reception → Clients: reception.Clients, OfficeUser or OfficeOperator (= every signed-in type).
  "reception.clients": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // Integration → Clients: integ.Clients, IntegUser.
  "integ.clients": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // esf.ClientSummaries (domain-integ-money §2.10): the integration service (IntegUser) reads and completes them.
  "integ.esfSummaries": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // Which entry types count in which ESF field (Lino: the entry type's esf_field): IntegrationStaff configure it,
  // integration users read it.
  "integ.esfEntryTypes": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // Explorer → All clients: pcsw.AllClients, SocialStaff.
  "clients.all": "-   -   E   E   -   -   -   -   -   E   E   -   -   -   E   E",
  // Newcomers → New clients: newcomers.NewClients, NewcomersUser.
  "newcomers.clients": "-   -   -   E   E   -   E   E   -   -   E   -   -   -   E   E",
  // newcomers.Faculties: SocialStaff; their rows are offered on the client's faculty, which
  // NewcomersOperator (110 120 200 220 300 420 800 900 910) edits (§3.6).
  "newcomers.faculties": "-   -   E   E   V   -   V   V   -   E   E   -   -   V   E   E",
  "newcomers.brokers": "-   -   E   E   V   -   V   V   -   E   E   -   -   V   E   E",
  // newcomers.Competences: SocialStaff.
  "newcomers.competences": "-   -   E   E   -   -   -   -   -   E   E   -   -   -   E   E",
  // My competences (beyond Lino): read by social users (SocialUser); edited in newcomers.competences.
  "newcomers.myCompetences": "-   V   V   V   V   -   -   V   V   V   V   -   -   -   V   V",

  // ── The CV (domain-integ-money §1, §2.1): CareerUser = 100 110 120 420 900 910, CareerStaff = 110 120 420 900 910 ──
  // cv.LanguageKnowledgesByPerson, StudiesByPerson, … CareerUser on the client; cv.AllLanguageKnowledges,
  // Studies, … (global lists) CareerStaff.
  "cv.languageKnowledge": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.studies": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.trainings": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.experiences": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.skills": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.softSkills": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.obstacles": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // Eupen's properties (cv.SkillsByPerson, SoftSkillsByPerson, ObstaclesByPerson): as Châtelet's rows.
  "cv.personSkills": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.personSoftSkills": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.personObstacles": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // Configuration (EducationLevels, StudyTypes, Sectors, Functions, …): CareerStaff; their rows are offered
  // in the CV forms integration agents (CareerUser) fill in.
  "cv.educationLevels": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.studyTypes": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.statuses": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.regimes": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.durations": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.sectors": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.functions": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.proofs": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.softSkillTypes": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.obstacleTypes": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // properties.PropGroups, PropTypes, Properties (Configure → Properties): as the CV configuration.
  "cv.propGroups": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.propTypes": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "cv.properties": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",

  // ── The client file's small entities (§3.8) ──
  // "All visible to SocialUser on the client; global lists for SocialStaff": pcsw.DispensesByClient,
  // ExclusionsByClient, ConvictionsByClient SocialUser; pcsw.Dispenses, Exclusions, Convictions SocialStaff.
  "clients.dispenses": "-   e   E   E   e   -   -   e   e   E   E   -   -   -   E   E",
  "clients.exclusions": "-   e   E   E   e   -   -   e   e   E   E   -   -   -   E   E",
  "clients.convictions": "-   e   E   E   e   -   -   e   e   E   E   -   -   -   E   E",
  // pcsw.DispenseReasons, ExclusionTypes: SocialStaff; chosen on dispenses and exclusions (SocialUser).
  "clients.dispenseReasons": "-   V   E   E   V   -   -   V   V   E   E   -   -   -   E   E",
  "clients.exclusionTypes": "-   V   E   E   V   -   -   V   V   E   E   -   -   -   E   E",
  // pcsw.PersonGroups: SocialStaff; chosen as a client's integration phase on the Aids tab, which
  // every client editor sees (clients_eupen.rst: aids_tab and `group` without restriction).
  "clients.personGroups": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  // §0 "Merge: admin-only action"; eupen.rst: pcsw.Clients.merge_row visible for admin 910. The
  // merges' record is read by those who may merge.
  "clients.merges": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   V   V",

  // ── Coachings (§8) ──
  // coachings.CoachingsByClient: login_required() (clients_eupen.rst: the Coaches tab and its
  // coachings visible for all but 000); creating and editing need CoachingsUser ("220 has not", §8;
  // a coach edits their own, CoachingsStaff everyone's: Coaching.manager_roles_required); the global
  // list coachings.Coachings (Explorer) is CoachingsStaff.
  "coachings.coachings": "-   e   E   E   e   E   v   e   e   E   E   v   v   v   E   E",
  // PCSW → My coachings: coachings.MyCoachings (CoachingsByUser), CoachingsUser.
  "coachings.mine": "-   E   E   E   E   E   -   E   E   E   E   -   -   -   E   E",
  // coachings.CoachingTypes, CoachingEndings: CoachingsStaff (eupen.rst: CoachingEndings.detail 110
  // 120 210 410 420 admin 910); chosen on the coachings a CoachingsUser edits.
  "coachings.types": "-   V   E   E   V   E   -   V   V   E   E   -   -   -   E   E",
  "coachings.endings": "-   V   E   E   V   E   -   V   V   E   E   -   -   -   E   E",

  // ── History (§17) and the access log ──
  // changes.ChangesByMaster: login_required(), editable = False; changes.Changes (Explorer): SiteStaff.
  "history.clientChanges": "-   v   v   v   v   v   v   v   v   v   v   v   v   v   V   V",
  // Reads of client files are logged for the security advisor (ARCHITECTURE §5; §1.2: 910).
  "history.accessLog": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   -   V",
  // Records deleted in the last 30 days (issue 11 §2), which administrators may restore: Explorer is
  // site staff's (changes.Changes: SiteStaff), and restoring puts back what colleagues deleted.
  "history.deleted": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   V   V",

  // ── Households and human links (§4) ──
  // households.Households: ContactsUser (eupen.rst: Households.detail/insert for all but 000 and 220).
  "households.households": "-   E   E   E   E   E   -   E   E   E   E   E   E   E   E   E",
  // households.MembersByHousehold, MembersByPerson: ContactsUser; households.Members (Explorer): ContactsStaff.
  "households.members": "-   e   E   E   e   E   -   e   e   E   E   e   e   E   E   E",
  // humanlinks.LinksByHuman: ContactsUser (creates links too); humanlinks.Links (Explorer): ContactsStaff.
  "households.humanLinks": "-   e   E   E   e   E   -   e   e   E   E   e   e   E   E   E",
  "households.humanLinksAsChild": "-  e   E   E   e   E   -   e   e   E   E   e   e   E   E   E",
  // households.Types: ContactsStaff; chosen by whoever creates or edits a household (ContactsUser).
  "households.types": "-   V   E   E   V   E   -   V   V   E   E   V   V   E   E   E",

  // ── Contacts (§2) ──
  // contacts.Persons, Companies, Partners: SimpleContactsUser, all editable (eupen.rst: Persons and
  // Companies .insert/.detail, Partners.detail visible for all but 000).
  "contacts.persons": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  "contacts.organisations": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  "contacts.partners": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // contacts.RolesByCompany, RolesByPerson: SimpleContactsUser. The global list stays open: a
  // client's job office contact is chosen among the contact persons of organisations.
  "contacts.roles": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // contacts.CompanyTypes, RoleTypes, clients.ClientContactTypes: ContactsStaff; chosen on
  // organisations, contact persons, client contacts and partners, which every signed-in type edits.
  "contacts.companyTypes": "-   V   E   E   V   E   V   V   V   E   E   V   V   E   E   E",
  "contacts.roleTypes": "-   V   E   E   V   E   V   V   V   E   E   V   V   E   E   E",
  "contacts.clientContactTypes": "-   V   E   E   V   E   V   V   V   E   E   V   V   E   E   E",
  // clients.ContactsByClient: login_required() (clients_eupen.rst: on the Coaches tab for all but
  // 000); clients.ClientContacts (Explorer): ContactsStaff.
  "contacts.clientContacts": "-   e   E   E   e   E   e   e   e   E   E   e   e   E   E   E",
  // addresses.AddressesByPartner: login_required(); addresses.Addresses: SiteStaff (eupen.rst:
  // Addresses.detail visible for admin 910).
  "contacts.addresses": "-   e   e   e   e   e   e   e   e   e   e   e   e   e   E   E",

  // ── Tasks and data problems (§10.5, §18) ──
  // Calendar → My tasks: cal.MyTasks, OfficeUser; a task's owner edits it.
  "calendar.myTasks": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  // cal.TasksByProject (the client's Calendar tab): OfficeUser; a task's owner edits it.
  "calendar.tasksByClient": "-   e   e   e   e   -   -   e   e   e   e   e   e   -   e   e",

  // ── Calendar (§10) ──
  // cal.Calendars, Rooms, EventTypes, GuestRoles: OfficeStaff (Configure → Calendar); chosen on every
  // entry and guest form, which the agents and the reception (OfficeUser or OfficeOperator) fill in.
  "calendar.calendars": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  "calendar.rooms": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  "calendar.entryTypes": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  "calendar.guestRoles": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  // cal.RecurrentEvents (Configure → Calendar, holidays): maintained by OfficeStaff, read by the planners.
  "calendar.recurrentEvents": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  // cal.EntriesByController on the recurrent event: the entries it generated, read there (each is
  // edited on its own detail, as cal.Entries).
  "calendar.byRecurrentEvent": "-   v   v   v   v   v   v   v   v   v   v   v   v   v   v   v",
  // Working hours (issue 15 §5): read by whoever finds a date, set by office staff (Configure → Calendar).
  "calendar.workingHours": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  // Beyond Lino: whoever plans sets their own week (issue 15 §5), never a colleague's (scoped to the reader).
  "calendar.myWorkingHours": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // cal.SubscriptionsByCalendar on the calendar; the global list (Explorer → Calendar) is office staff's.
  "calendar.subscriptions": "-   v   E   E   v   v   v   v   v   E   E   v   v   v   E   E",
  // cal.Entries: OfficeUser or OfficeOperator plan entries (on a room, a type, a client); cal.AllEntries
  // (Explorer → Calendar): OfficeStaff.
  "calendar.entries": "-   e   E   E   e   e   e   e   e   E   E   e   e   e   E   E",
  // cal.MyEntries, MyUnconfirmedAppointments, MyOverdueAppointments: OfficeUser, each their own.
  "calendar.myAppointments": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  "calendar.myUnconfirmed": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  "calendar.myOverdue": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",

  // ── Integration contracts (domain-integ-money §1, §2.3–2.4) ──
  // isip.Contracts: IntegUser write them; SocialUser read them (Explorer: SocialStaff); ContractsByClient
  // also for SocialCoordinator (210, 400, 410).
  "isip.contracts": "-   E   E   E   v   v   -   v   v   V   E   -   -   -   E   E",
  // isip.MyContracts: IntegUser, each their own.
  "isip.mine": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // isip.PartnersByContract: on the contract, written by whoever writes the contract.
  "isip.partners": "-   e   e   e   v   v   -   v   v   v   e   -   -   -   e   e",
  // cal.EntriesByController on the contract: its evaluation meetings, read there by whoever reads the contract.
  "isip.evaluations": "-   v   v   v   v   v   -   v   v   v   v   -   -   -   v   v",
  // isip.ContractTypes, ExamPolicies, ContractEndings: SocialStaff; offered on the contracts' forms.
  "isip.types": "-   V   E   E   V   V   -   V   V   E   E   -   -   -   E   E",
  "isip.examPolicies": "-   V   E   E   V   V   -   V   V   E   E   -   -   -   E   E",
  "isip.endings": "-   V   E   E   V   V   -   V   V   E   E   -   -   -   E   E",
  // art61.Contracts (§2.6): integration data, IntegUser write them (Explorer too); ContractsByClient also for
  // SocialCoordinator (210, 400, 410). art61.MyContracts: IntegUser, each their own.
  "art61.contracts": "-   E   E   E   -   v   -   -   v   v   E   -   -   -   E   E",
  "art61.mine": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // cal.EntriesByController on the Art. 61 contract: read there by whoever reads the contract.
  "art61.evaluations": "-   v   v   v   -   v   -   -   v   v   v   -   -   -   v   v",
  // art61.ContractTypes: IntegrationStaff (110 120 420 900 910); offered on the contracts' forms.
  "art61.types": "-   V   E   E   -   V   -   -   V   V   E   -   -   -   E   E",
  // cal.EntriesByDay (Reception → Appointments today): OfficeUser or OfficeOperator.
  "calendar.today": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // cal.OverdueAppointments: OfficeStaff.
  "calendar.overdue": "-   -   E   E   -   -   -   -   -   E   E   -   -   -   E   E",
  // cal.EntriesByProject on the client's Calendar tab: OfficeUser or OfficeOperator.
  "calendar.byClient": "-   e   e   e   e   e   e   e   e   e   e   e   e   e   e   e",
  // cal.GuestsByEvent on the entry; cal.AllGuests (Explorer → Calendar): OfficeStaff.
  "calendar.guests": "-   e   E   E   e   e   e   e   e   E   E   e   e   e   E   E",
  // cal.MyGuests: OfficeUser, the guests of their own entries.
  "calendar.myGuests": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  // §11 reception.WaitingVisitors, BusyVisitors, GoneVisitors: OfficeUser or OfficeOperator (all signed in).
  "reception.waiting": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  "reception.busy": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  "reception.gone": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // §11 MyWaitingVisitors, MyBusyVisitors, MyGoneVisitors: OfficeUser, the visitors of their own entries.
  "reception.waitingForMe": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  "reception.busyWithMe": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  "reception.myGone": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  // §11 the client's presences (its participations), on the client: OfficeUser or OfficeOperator.
  "reception.presences": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // The lounge board's screens and their tokens (§11 board, not in Lino): the centre's administrators (SiteAdmin).
  "reception.displays": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",
  // §11 ExpectedGuests: OfficeOperator.
  "reception.expected": "-   -   E   E   E   E   E   E   -   E   E   -   -   E   E   E",

  // checkdata.Problems are `editable = False`. MyProblems: CheckdataUser; AllProblems: SiteStaff;
  // ProblemsByOwner: login_required() (clients_eupen.rst misc_5: visible for all but 000).
  "checks.myProblems": "-   V   V   V   V   -   -   V   V   V   V   -   -   -   V   V",
  "checks.allProblems": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   V   V",
  "checks.clientProblems": "-   v   v   v   v   v   v   v   v   v   v   v   v   v   V   V",
  // §16 notify.MyMessages: login_required, each user's own messages; read-only (marked seen by an action).
  "notify.messages": "-   V   V   V   V   V   V   V   V   V   V   V   V   V   V   V",
  // Background jobs that failed (beyond Lino: its jobs are cron scripts): the site staff's, as System explorer tables.
  "jobs.failures": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   V   V",
  // Art. 60§7 job supply (domain-integ-money §1, §2.5; Lino lino_welfare/modlib/jobs): JobProviders, Jobs and
  // Offers: IntegUser. JobTypes: SocialStaff, offered on the job's form to integration users.
  "jobs.providers": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "jobs.jobs": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "jobs.offers": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "jobs.types": "-   V   E   E   -   -   -   -   -   E   E   -   -   -   E   E",
  // Schedules: SocialStaff, offered on the Art. 60§7 contract's form to social users (§1: SocialUser sees jobs contracts).
  "jobs.schedules": "-   V   E   E   V   -   -   V   V   E   E   -   -   -   E   E",
  // CandidaturesByPerson on the client: SocialUser, and SocialCoordinator who reads the client's contract
  // tabs (§1; 210 reads); Candidatures (Explorer): SocialStaff.
  "jobs.candidatures": "-   e   E   E   e   v   -   e   e   E   E   -   -   -   E   E",
  // jobs.Contracts (Art. 60§7, §2.5) as isip.Contracts: IntegUser write them; SocialUser read them
  // (Explorer: SocialStaff); ContractsByClient for the SocialCoordinator too. MyContracts: each their own.
  "jobs.contracts": "-   E   E   E   v   v   -   v   v   V   E   -   -   -   E   E",
  "jobs.myContracts": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // EvaluationsByContract: read by whoever reads the contract, on it.
  "jobs.evaluations": "-   v   v   v   v   v   -   v   v   v   v   -   -   -   v   v",
  // jobs.ContractTypes as isip.ContractTypes: SocialStaff; offered on the contract's form.
  "jobs.contractTypes": "-   V   E   E   V   V   -   V   V   E   E   -   -   -   E   E",
  // ExperiencesByOffer, CandidaturesByOffer: on the offer (IntegUser), read only.
  "jobs.offerExperiences": "-   v   v   v   -   -   -   -   -   -   v   -   -   -   v   v",
  "jobs.offerCandidatures": "-   v   v   v   -   -   -   -   -   -   v   -   -   -   v   v",
  // JobsOverview ("Contracts situation"): IntegUser, a report (read only).
  "jobs.situation": "-   V   V   V   -   -   -   -   -   -   V   -   -   -   V   V",
  // §15 outbox.MyOutbox: OfficeUser, each their own mails, written while drafts.
  "outbox.mine": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  // outbox.MailsByProject: OfficeUser, on the client; each writes their own drafts.
  "outbox.byClient": "-   e   e   e   e   -   -   e   e   e   e   e   e   -   e   e",
  // Every mail of the centre, notifications included: site staff (Lino: outbox.Mails in Explorer, SiteStaff).
  "outbox.mails": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   V   V",
  // A mail's recipients, on the mail (outbox.RecipientsByMail): whoever writes the mail.
  "outbox.recipients": "-   e   e   e   e   -   -   e   e   e   e   e   e   -   e   e",
  // A mail's attachments (outbox.AttachmentsByMail): whoever writes the mail.
  "outbox.attachments": "-   e   e   e   e   -   -   e   e   e   e   e   e   -   e   e",
  // The centre's mail server: site configuration (Lino's SiteConfig and settings.py: SiteStaff).
  "outbox.settings": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",
  // SMS (issue 13 §6, beyond Lino's outbox): like the mails — my SMS (OfficeUser, each their own,
  // written while drafts), a client's SMS on the client, every SMS for site staff, the provider for site staff.
  "outbox.mySms": "-   E   E   E   E   -   -   E   E   E   E   E   E   -   E   E",
  "outbox.smsByClient": "-   e   e   e   e   -   -   e   e   e   e   e   e   -   e   e",
  "outbox.sms": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   V   V",
  "outbox.smsSettings": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",
  // Reminders to clients and calendar feeds (issue 15 §6-7, beyond Lino): the centre's defaults are site staff's.
  "calendar.settings": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",

  // ── Scanned documents (§13) ──
  // uploads.UploadTypes: OfficeStaff configure them; offered in every upload form (the combo box rule).
  "uploads.types": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  // uploads.UploadsByProject on the client (OfficeUser or OfficeOperator: §1.4 gives Theresia (210)
  // "My uploads"); uploads.AllUploads (Explorer → Office): OfficeStaff.
  "uploads.uploads": "-   e   E   E   e   e   e   e   e   E   E   e   e   e   E   E",
  // Office → My uploads: uploads.MyUploads, OfficeUser or OfficeOperator; the uploader edits them.
  "uploads.mine": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",

  // ── Printed documents (§14) ──
  // excerpts.ExcerptTypes: OfficeStaff configure them; every signed-in user reads which exist (the combo box rule).
  "documents.types": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  // Office → My excerpts (excerpts.MyExcerpts) for whoever prints (OfficeUser or OfficeOperator, like
  // uploads): a record of what was printed, read-only (§14.1: frozen after build).
  "documents.mine": "-   V   V   V   V   V   V   V   V   V   V   V   V   V   V   V",
  // excerpts.ExcerptsByProject on the client's Documents tab, for the same users; no global list yet.
  "documents.byClient": "-   v   v   v   v   v   v   v   v   v   v   v   v   v   v   v",
  // The centre's letterhead: site configuration (Lino's SiteConfig: SiteStaff).
  "documents.letterhead": "-   -   -   -   -   -   -   -   -   -   -   -   -   -   E   E",

  // ── Notes (§12) ──
  // notes.NotesByProject: ContactsUser and (OfficeUser or OfficeOperator) = all but 000 and 220; the
  // base table notes.Notes lists them all for the same users (Explorer → Office shows it to office
  // staff). A note is Lino's UserAuthored with OfficeStaff as manager: each walks its own note here
  // (tests/integration/notes.test.ts: a colleague's is read-only).
  "notes.notes": "-   E   E   E   E   E   -   E   E   E   E   E   E   E   E   E",
  // Office → My events/notes: notes.MyNotes, OfficeUser or OfficeOperator (Theresia 210 has it, §1.4).
  "notes.mine": "-   E   E   E   E   E   E   E   E   E   E   E   E   E   E   E",
  // notes.NoteTypes, EventTypes: OfficeStaff (Configure → Office, §1.4 Mélanie); chosen on every note.
  "notes.noteTypes": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",
  "notes.eventTypes": "-   V   E   E   V   V   V   V   V   E   E   V   V   V   E   E",

  // ── Polls (domain-integ-money §1, §2.11; lino_xl/lib/polls/models.py; a centre using Châtelet's field set) ──
  // polls.Polls: PollsUser (100–120, 200, 300, 400–420, admins); written by PollsStaff (110, 120, 410, 420, admins).
  "polls.polls": "-   V   E   E   V   -   -   V   V   E   E   -   -   -   E   E",
  // polls.QuestionsByPoll: PollsUser on the poll; polls.Questions (Explorer): PollsStaff, who write them.
  "polls.questions": "-   v   E   E   v   -   -   v   v   E   E   -   -   -   E   E",
  // polls.ResponsesByPartner (the client's file): PollsUser, each on their own response; AllResponses: PollsStaff.
  "polls.responses": "-   e   E   E   e   -   -   e   e   E   E   -   -   -   E   E",
  // polls.MyResponses: PollsUser.
  "polls.myResponses": "-   E   E   E   E   -   -   E   E   E   E   -   -   -   E   E",
  // polls.ChoiceSets, Choices: PollsStaff (Configure → Polls, Explorer → Polls).
  "polls.choiceSets": "-   -   E   E   -   -   -   -   -   E   E   -   -   -   E   E",
  "polls.choices": "-   -   E   E   -   -   -   -   -   E   E   -   -   -   E   E",

  // ── Immersion trainings and active job search (domain-integ-money §1, §2.7–2.8; Châtelet's field set) ──
  // immersion.Contracts: IntegUser (100 110 120 420 admins) write them and list them all; ContractsByClient
  // also for SocialCoordinator (210, 400, 410), who read them on the client.
  "immersion.contracts": "-   E   E   E   -   v   -   -   v   v   E   -   -   -   E   E",
  // immersion.MyContracts: IntegUser, each their own.
  "immersion.mine": "-   E   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // cal.EntriesByController on the training: read there by whoever reads the training.
  "immersion.evaluations": "-   v   v   v   -   v   -   -   v   v   v   -   -   -   v   v",
  // immersion.ContractTypes, Goals: IntegrationStaff (110 120 420 admins); offered on the trainings' forms.
  "immersion.types": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  "immersion.goals": "-   V   E   E   -   -   -   -   -   -   E   -   -   -   E   E",
  // active_job_search.ProofsByClient: IntegUser; Proofs (Explorer): IntegrationStaff.
  "jobsearch.proofs": "-   e   E   E   -   -   -   -   -   -   E   -   -   -   E   E",

  // ── Countries and places (§2.6) ──
  // countries.Countries, Places: ContactsStaff (eupen.rst: .detail/.insert 110 120 210 410 420 800
  // admin 910; §1.4: Theresia (210) configures countries and places); chosen on every address.
  "geo.countries": "-   V   E   E   V   E   V   V   V   E   E   V   V   E   E   E",
  "geo.places": "-   V   E   E   V   E   V   V   V   E   E   V   V   E   E   E",
};

/** A cell whose behaviour differs from the domain today, what it does now, and why it is not fixed here. */
interface Known {
  resource: string;
  type: UserType;
  now: Cell;
  why: string;
}
const known = (resource: string, types: string, now: Cell, why: string): Known[] =>
  types.split(" ").map((type) => ({ resource, type: type as UserType, now, why }));

// KNOWN: Entraide edits a partner as the person, organisation, household or client it is; the
// list of all partners has no editable fields (Lino's contacts.Partners detail is editable).
const PARTNERS_READ_ONLY = "the all-partners list is read-only; each partner is edited as its kind";
// KNOWN: tasks are read-only until the calendar area brings their workflow (server comment on
// calendar.myTasks); Lino's owner edits a task and marks it done.
const TASKS_READ_ONLY = "tasks are read-only until the calendar area exists";
// KNOWN: countries are the ISO list, read-only for centres and without a version column; Lino lets
// contacts staff edit countries (Configure → Places). Needs a migration and a product decision.
const COUNTRIES_READ_ONLY = "countries are read-only reference data in the code";

const KNOWN: Known[] = [
  ...known("contacts.partners", "100 110 120 200 210 220 300 400 410 420 500 510 800 900 910", "V", PARTNERS_READ_ONLY),
  ...known("calendar.myTasks", "100 110 120 200 300 400 410 420 500 510 900 910", "V", TASKS_READ_ONLY),
  ...known("calendar.tasksByClient", "100 110 120 200 300 400 410 420 500 510 900 910", "v", TASKS_READ_ONLY),
  ...known("geo.countries", "110 120 210 410 420 800 900 910", "V", COUNTRIES_READ_ONLY),
];

const DESCRIBE: Record<Cell, string> = {
  "-": "nothing",
  v: "read on its master row",
  V: "read, also the global list",
  e: "edit on its master row",
  E: "edit, also the global list",
};

function parseRow(resource: string, row: string): Record<UserType, Cell> {
  const cells = row.trim().split(/\s+/);
  if (cells.length !== USER_TYPES.length || cells.some((c) => !(c in DESCRIBE)))
    throw new Error(`${resource}: a row needs ${USER_TYPES.length} cells of - v V e E`);
  return Object.fromEntries(USER_TYPES.map((type, i) => [type, cells[i] as Cell])) as Record<UserType, Cell>;
}

/** Every resource the areas declare, which the public procedures serve. */
function servedResourceIds(): string[] {
  return [...registry.resources.keys()].sort();
}

const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 10,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
type Caller = Awaited<ReturnType<typeof callerOn>>;
type RowId = number | string;
/** The row each user type tries, and the master row its detail is shown on (for slave resources). */
interface Fixture {
  id: RowId | ((type: UserType) => RowId);
  /** The master row the list is shown on; per user type where each reads their own (a mail's recipients). */
  master?: { field: string; value: RowId | ((type: UserType) => RowId) };
}

let centre: Tenant;
const callers = new Map<UserType, Caller>();
const userIds = new Map<UserType, number>();
const fixtures = new Map<string, Fixture>();

beforeAll(async () => {
  centre = await newCentre("access-walk");
  // Châtelet's field set: its parts (polls) are on, so their access can be walked too.
  await useEveryFieldSet(centre);
  for (const type of USER_TYPES) {
    const { user, claims } = await newUser(centre, type);
    userIds.set(type, user.id);
    callers.set(type, await callerOn(centreHost(centre.slug), {}, claims));
  }
  const admin = callers.get("900")!;
  const h = tenantHandle(centre);
  const create = async (resource: string, values: Record<string, unknown>) =>
    Number((await admin.resources.create({ resource, values, confirmed: true })).id);
  const name = (fr: string) => ({ fr });
  // Brussels' day, as the application's (UTC's differs between midnight in Brussels and midnight UTC).
  const today = belgianToday();

  // Configuration rows.
  const companyType = await create("contacts.companyTypes", { name: name("Société anonyme") });
  const roleType = await create("contacts.roleTypes", { name: name("Directeur") });
  const clientContactType = await create("contacts.clientContactTypes", { name: name("Pharmacie") });
  const householdType = await create("households.types", { name: name("Couple marié") });
  const personGroup = await create("clients.personGroups", { name: name("Évaluation") });
  const dispenseReason = await create("clients.dispenseReasons", { name: name("Santé") });
  const exclusionType = await create("clients.exclusionTypes", { name: name("Rendez-vous manqué") });
  const coachingType = await create("coachings.types", { name: name("Service social") });
  const coachingEnding = await create("coachings.endings", { name: name("Déménagement") });
  const faculty = await create("newcomers.faculties", { name: name("Accompagnement budgétaire"), weight: 6 });
  const broker = await create("newcomers.brokers", { name: "Police" });
  const place = await create("geo.places", { name: name("Walkville"), zipCode: "9999", kind: "city", country: "BE" });
  const choice = await create("settings.choices", { list: "placeKinds", value: "hamlet", name: name("Hameau") });
  // Partners.
  const client = await create("clients.clients", { firstName: "Walter", lastName: "Walk", language: "fr" });
  await admin.resources.update({
    resource: "clients.clients",
    id: client,
    version: Number((await admin.resources.get({ resource: "clients.clients", id: client })).__version),
    patch: { nationality: "BE" },
  });
  const person = await create("contacts.persons", { firstName: "Paula", lastName: "Walk", language: "fr" });
  const child = await create("contacts.persons", { firstName: "Peter", lastName: "Walk", language: "fr" });
  const organisation = await create("contacts.organisations", { name: "Walk SA", type: companyType, language: "fr" });
  const household = await create("households.households", { name: "Walk", type: householdType });
  // Rows on those partners.
  const member = await create("households.members", { household, person, role: "05", dependency: "02" });
  const link = await create("households.humanLinks", { parent: person, type: "01", child });
  const role = await create("contacts.roles", { company: organisation, person, type: roleType });
  const clientContact = await create("contacts.clientContacts", {
    client,
    type: clientContactType,
    company: organisation,
  });
  const address = await create("contacts.addresses", { partner: client, addressType: "99", street: "Rue du Pas" });
  const dispense = await create("clients.dispenses", { client, reason: dispenseReason });
  const exclusion = await create("clients.exclusions", { client, type: exclusionType });
  const conviction = await create("clients.convictions", { client, date: today, designation: "Vol" });
  const coaching = await create("coachings.coachings", {
    client,
    user: userIds.get("100")!,
    coachingType,
    startDate: today,
    primary: true,
  });
  // Each user's own rows, for the lists of "my" things.
  const own = new Map<
    UserType,
    {
      coaching: number;
      task: number;
      problem: number;
      message: number;
      mail: number;
      recipient: number;
      upload: number;
      note: number;
      attachment: number;
      sms: number;
      excerpt: number;
      entry: number;
      pastEntry: number;
      guest: number;
      workingHours: number;
      visitors: { waiting: number; busy: number; gone: number };
    }
  >();
  // The calendar's configuration and rows on it: a room, a type, a guest role, a calendar.
  const calendar = await create("calendar.calendars", { name: name("Walk") });
  const room = await create("calendar.rooms", { name: name("Salle Walk") });
  const [entryType] = await h.db
    .select({ id: h.t.entryTypes.id })
    .from(h.t.entryTypes)
    .where(eq(h.t.entryTypes.ref, "client"));
  const guestRole = await create("calendar.guestRoles", { name: name("Témoin") });
  // A seeded holiday and one of the entries it generated.
  const [holiday] = await h.db
    .select({ id: h.t.recurrentEvents.id })
    .from(h.t.recurrentEvents)
    .where(eq(h.t.recurrentEvents.ref, "christmas"));
  const [holidayEntry] = await h.db
    .select({ id: h.t.calendarEntries.id })
    .from(h.t.calendarEntries)
    .where(and(eq(h.t.calendarEntries.ownerType, "recurrentEvent"), eq(h.t.calendarEntries.ownerId, holiday!.id)));
  const subscription = await create("calendar.subscriptions", { user: userIds.get("100")!, calendar });
  const hours = await create("calendar.workingHours", {
    user: userIds.get("100")!,
    weekday: 1,
    startTime: "08:00",
    endTime: "12:00",
  });
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [uploadType] = await h.db.select({ id: h.t.uploadTypes.id }).from(h.t.uploadTypes).limit(1);
  const [noteType] = await h.db.select({ id: h.t.noteTypes.id }).from(h.t.noteTypes).limit(1);
  const [eventType] = await h.db.select({ id: h.t.noteEventTypes.id }).from(h.t.noteEventTypes).limit(1);
  const [excerptType] = await h.db.select({ id: h.t.excerptTypes.id }).from(h.t.excerptTypes).limit(1);
  for (const type of USER_TYPES) {
    const userId = userIds.get(type)!;
    // Its file is not needed to read or edit the row (the upload route and its test deal with files).
    const [upload] = await h.db
      .insert(h.t.uploads)
      .values({
        storageKey: `00/00000000-0000-4000-8000-${String(userId).padStart(12, "0")}`,
        fileName: `scan-${type}.pdf`,
        mimeType: "application/pdf",
        fileSize: 1000,
        typeId: uploadType!.id,
        userId,
        clientId: client,
      })
      .returning({ id: h.t.uploads.id });
    const [task] = await h.db
      .insert(h.t.tasks)
      .values({ userId, ownerType: "client", ownerId: client, summary: `Rappel ${type}`, startDate: today })
      .returning({ id: h.t.tasks.id });
    const [problem] = await h.db
      .insert(h.t.dataProblems)
      .values({
        checker: "phoneticWords",
        ownerType: "partner",
        ownerId: client,
        messageKey: "checks.phoneticWords.missing",
        responsibleUserId: userId,
      })
      .returning({ id: h.t.dataProblems.id });
    const [note] = await h.db
      .insert(h.t.notes)
      .values({ date: today, subject: `Note ${type}`, clientId: client, userId, language: "fr" })
      .returning({ id: h.t.notes.id });
    const [message] = await h.db
      .insert(h.t.notifyMessages)
      .values({ userId, messageType: "system", subject: `Message ${type}`, mailMode: "never" })
      .returning({ id: h.t.notifyMessages.id });
    const [mail] = await h.db
      .insert(h.t.mails)
      .values({ userId, clientId: client, subject: `Mail ${type}`, state: "draft" })
      .returning({ id: h.t.mails.id });
    const [recipient] = await h.db
      .insert(h.t.mailRecipients)
      .values({ mailId: mail!.id, address: `r${type}@example.org` })
      .returning({ id: h.t.mailRecipients.id });
    const [attachment] = await h.db
      .insert(h.t.mailAttachments)
      .values({ mailId: mail!.id, uploadId: upload!.id })
      .returning({ id: h.t.mailAttachments.id });
    const [sms] = await h.db
      .insert(h.t.smsMessages)
      .values({ userId, clientId: client, to: "+32475123456", body: `SMS ${type}`, state: "draft" })
      .returning({ id: h.t.smsMessages.id });
    const [excerpt] = await h.db
      .insert(h.t.excerpts)
      .values({
        typeId: excerptType!.id,
        ownerType: "client",
        ownerId: client,
        clientId: client,
        userId,
        language: "fr",
        storageKey: `00/00000000-0000-4000-9000-${String(userId).padStart(12, "0")}`,
        fileName: `fiche-${type}.docx`,
        fileSize: 1000,
      })
      .returning({ id: h.t.excerpts.id });
    // Each user's appointment of today and one of yesterday left open (overdue), both with the client as guest.
    const entries = await h.db
      .insert(h.t.calendarEntries)
      .values(
        [today, yesterday].map((startDate) => ({
          typeId: entryType!.id,
          summary: `RDV ${type}`,
          clientId: client,
          startDate,
          startTime: "10:00:00",
          userId,
          roomId: room,
          state: "draft",
        })),
      )
      .returning({ id: h.t.calendarEntries.id });
    const [guest] = await h.db
      .insert(h.t.calendarGuests)
      .values({ entryId: entries[0]!.id, partnerId: client })
      .returning({ id: h.t.calendarGuests.id });
    // The waiting room's visitors of each user (§11): one waiting, one busy with them, one gone.
    const [waiting, busy, left] = await h.db
      .insert(h.t.calendarGuests)
      .values([
        { entryId: entries[1]!.id, partnerId: client, state: "waiting", waitingSince: new Date() },
        { entryId: entries[1]!.id, partnerId: person, state: "busy", waitingSince: new Date(), busySince: new Date() },
        { entryId: entries[0]!.id, partnerId: person, state: "gone", waitingSince: new Date(), goneSince: new Date() },
      ])
      .returning({ id: h.t.calendarGuests.id });
    const [workingHours] = await h.db
      .insert(h.t.workingHours)
      .values({ userId, weekday: 2, startTime: "09:00", endTime: "12:00" })
      .returning({ id: h.t.workingHours.id });
    own.set(type, {
      workingHours: workingHours!.id,
      entry: entries[0]!.id,
      pastEntry: entries[1]!.id,
      guest: guest!.id,
      visitors: { waiting: waiting!.id, busy: busy!.id, gone: left!.id },
      excerpt: excerpt!.id,
      sms: sms!.id,
      attachment: attachment!.id,
      note: note!.id,
      mail: mail!.id,
      recipient: recipient!.id,
      message: message!.id,
      coaching: await create("coachings.coachings", { client, user: userId, startDate: today, primary: false }),
      task: task!.id,
      problem: problem!.id,
      upload: upload!.id,
    });
  }
  // Rows only the system writes: a change of the client (audited by the edit above), an opening of
  // its file, a merge into it.
  const [change] = (
    await admin.resources.list({
      resource: "history.clientChanges",
      state: state({ master: { field: "client", value: client } }),
    })
  ).rows;
  const [opening] = await h.db
    .insert(h.t.accessLog)
    .values({ userId: userIds.get("100")!, partnerId: client, what: "detail" })
    .returning({ id: h.t.accessLog.id });
  const [merge] = await h.db
    .insert(h.t.clientMerges)
    .values({
      userId: userIds.get("900")!,
      keptId: client,
      mergedId: 999_999,
      mergedName: "WALK Walter (999999)",
      mergedRow: {},
    })
    .returning({ id: h.t.clientMerges.id });
  const { user: someone } = await newUser(centre, "400");
  const competence = await create("newcomers.competences", { user: someone.id, faculty });
  // Each user's own competence, for My competences.
  const ownCompetences = new Map<UserType, number>();
  for (const [type, userId] of userIds) {
    const [row] = await h.db
      .insert(h.t.competences)
      .values({ userId, facultyId: Number(faculty), weight: 6 })
      .returning({ id: h.t.competences.id });
    ownCompetences.set(type, row!.id);
  }
  const [failure] = await h.db
    .insert(h.t.jobFailures)
    .values({ jobId: "00000000-0000-4000-8000-000000000001", jobName: "checks.nightly", error: "boom", attempts: 4 })
    .returning({ id: h.t.jobFailures.id });
  // The job supply: a provider (an organisation marked as such), its job and offer, a candidature of the client.
  const jobType = await create("jobs.types", { name: "Sozialwirtschaft" });
  const schedule = await create("jobs.schedules", { name: name("5 jours/semaine") });
  const provider = await create("jobs.providers", { company: organisation });
  const job = await create("jobs.jobs", { name: "Koch", provider, type: jobType });
  const offer = await create("jobs.offers", { name: "Übersetzer", provider });
  const candidature = await create("jobs.candidatures", { client, job, dateSubmitted: today });
  // A deleted place, kept for its restore.
  const gone = await create("geo.places", { name: name("Goneville"), zipCode: "9998", kind: "city", country: "BE" });
  await admin.resources.remove({ resource: "geo.places", id: gone, version: 1 });
  const [deleted] = await h.db.select({ id: h.t.deletedRows.id }).from(h.t.deletedRows).limit(1);

  const cvSector = await create("cv.sectors", { name: name("Horeca") });
  const cvFunction = await create("cv.functions", { name: name("Cuisinier"), sector: cvSector });
  const cvConfig = Object.fromEntries(
    await Promise.all(
      [
        "educationLevels",
        "studyTypes",
        "statuses",
        "regimes",
        "durations",
        "proofs",
        "softSkillTypes",
        "obstacleTypes",
      ].map(async (r) => [r, await create(`cv.${r}`, { name: name(r) })] as const),
    ),
  );
  const propGroup = await create("cv.propGroups", { name: name("propGroups") });
  const propType = await create("cv.propTypes", { name: name("propTypes") });
  const property = await create("cv.properties", { name: name("properties"), group: propGroup, type: propType });
  /** A property of the group feeding one of the client's lists (seeded with the centre). */
  const seededProperty = async (kind: string) =>
    (
      await h.db
        .select({ id: h.t.cvProperties.id })
        .from(h.t.cvProperties)
        .innerJoin(h.t.cvPropGroups, eq(h.t.cvPropGroups.id, h.t.cvProperties.groupId))
        .where(eq(h.t.cvPropGroups.kind, kind))
        .limit(1)
    )[0]!.id;
  const cvRows = {
    personSkills: await create("cv.personSkills", { client, property: await seededProperty("skills") }),
    personSoftSkills: await create("cv.personSoftSkills", { client, property: await seededProperty("softSkills") }),
    personObstacles: await create("cv.personObstacles", { client, property: await seededProperty("obstacles") }),
    languageKnowledge: await create("cv.languageKnowledge", { client, language: "de", cefLevel: "B1" }),
    studies: await create("cv.studies", { client, content: "CESS", startDate: "2010-09-01" }),
    trainings: await create("cv.trainings", { client, content: "Cuisine", function: cvFunction }),
    experiences: await create("cv.experiences", { client, company: "Hôtel", function: cvFunction }),
    skills: await create("cv.skills", { client, function: cvFunction }),
    softSkills: await create("cv.softSkills", { client, type: cvConfig.softSkillTypes }),
    obstacles: await create("cv.obstacles", { client, type: cvConfig.obstacleTypes }),
  };
  // An ISIP of the client with its evaluation meetings, and each user's own, one after the other.
  // A type needing no study type (§2.4: the others require one).
  const [isipType] = await h.db
    .select({ id: h.t.isipContractTypes.id })
    .from(h.t.isipContractTypes)
    .where(eq(h.t.isipContractTypes.needsStudyType, false))
    .limit(1);
  const isip = await create("isip.contracts", {
    client,
    type: isipType!.id,
    user: userIds.get("100")!,
    appliesFrom: today,
    appliesUntil: `${Number(today.slice(0, 4)) + 1}-12-31`,
  });
  const [evaluation] = await h.db
    .select({ id: h.t.calendarEntries.id })
    .from(h.t.calendarEntries)
    .where(and(eq(h.t.calendarEntries.ownerType, "isipContract"), eq(h.t.calendarEntries.ownerId, isip)));
  const ownIsips = new Map<UserType, number>();
  for (const [i, type] of USER_TYPES.entries()) {
    const year = 2000 + i;
    const [row] = await h.db
      .insert(h.t.isipContracts)
      .values({
        clientId: client,
        typeId: isipType!.id,
        userId: userIds.get(type)!,
        appliesFrom: `${year}-01-01`,
        appliesUntil: `${year}-06-30`,
      })
      .returning({ id: h.t.isipContracts.id });
    ownIsips.set(type, row!.id);
  }
  const [company] = await h.db
    .select({ id: h.t.partners.id })
    .from(h.t.partners)
    .where(eq(h.t.partners.id, organisation));
  const [isipPartner] = await h.db
    .insert(h.t.isipPartners)
    .values({ contractId: isip, companyId: company!.id })
    .returning({ id: h.t.isipPartners.id });
  // An Art. 61 contract of the client with an organisation, its evaluations, and each user's own.
  const [art61Type] = await h.db.select({ id: h.t.art61ContractTypes.id }).from(h.t.art61ContractTypes).limit(1);
  const art61 = await create("art61.contracts", {
    client,
    company: organisation,
    type: art61Type!.id,
    user: userIds.get("100")!,
    appliesFrom: `${Number(today.slice(0, 4)) + 2}-01-01`,
    appliesUntil: `${Number(today.slice(0, 4)) + 2}-12-31`,
  });
  const [art61Evaluation] = await h.db
    .select({ id: h.t.calendarEntries.id })
    .from(h.t.calendarEntries)
    .where(and(eq(h.t.calendarEntries.ownerType, "art61Contract"), eq(h.t.calendarEntries.ownerId, art61)));
  const ownArt61 = new Map<UserType, number>();
  for (const [i, type] of USER_TYPES.entries()) {
    const [row] = await h.db
      .insert(h.t.art61Contracts)
      .values({
        clientId: client,
        companyId: organisation,
        typeId: art61Type!.id,
        userId: userIds.get(type)!,
        appliesFrom: `${1980 + i}-01-01`,
        appliesUntil: `${1980 + i}-06-30`,
      })
      .returning({ id: h.t.art61Contracts.id });
    ownArt61.set(type, row!.id);
  }
  const [examPolicy] = await h.db.select({ id: h.t.examPolicies.id }).from(h.t.examPolicies).limit(1);
  // An Art. 60§7 contract of the client running today (written directly: saved through the form it
  // would make the client's candidature inactive), its evaluations, and each user's own contract.
  const art60Type = await create("jobs.contractTypes", { name: name("Art. 60§7"), overlapGroup: null });
  const [art60Row] = await h.db
    .insert(h.t.jobContracts)
    .values({
      clientId: client,
      jobId: job,
      typeId: art60Type,
      userId: userIds.get("100")!,
      examPolicyId: examPolicy!.id,
      appliesFrom: today,
      appliesUntil: `${Number(today.slice(0, 4)) + 1}-12-31`,
    })
    .returning({ id: h.t.jobContracts.id });
  const art60 = art60Row!.id;
  await regenerateEvaluations(h.db, h.t, { actor: "test", actingFor: null }, art60Kind, [art60]);
  const [art60Evaluation] = await h.db
    .select({ id: h.t.calendarEntries.id })
    .from(h.t.calendarEntries)
    .where(and(eq(h.t.calendarEntries.ownerType, "art60Contract"), eq(h.t.calendarEntries.ownerId, art60)));
  const ownArt60 = new Map<UserType, number>();
  for (const [i, type] of USER_TYPES.entries()) {
    const [row] = await h.db
      .insert(h.t.jobContracts)
      .values({
        clientId: client,
        jobId: job,
        typeId: art60Type,
        userId: userIds.get(type)!,
        appliesFrom: `${2000 + i}-07-01`,
        appliesUntil: `${2000 + i}-12-31`,
      })
      .returning({ id: h.t.jobContracts.id });
    ownArt60.set(type, row!.id);
  }
  const [contractEnding] = await h.db.select({ id: h.t.contractEndings.id }).from(h.t.contractEndings).limit(1);
  const [esfSummary] = await h.db
    .insert(h.t.esfSummaries)
    .values({ clientId: client, year: 2030, minutes: { "10": 120 } })
    .returning({ id: h.t.esfSummaries.id });
  // The demo centre maps its entry types already (Lino's esf demo fixture): one of them.
  const [esfEntryType] = await h.db.select({ id: h.t.esfEntryTypes.id }).from(h.t.esfEntryTypes).limit(1);

  const onClient = { field: "client", value: client };
  const entries: [string, Fixture][] = [
    ["users.users", { id: someone.id }],
    ["settings.choices", { id: choice }],
    ["clients.clients", { id: client }],
    ["clients.byNationality", { id: client, master: { field: "nationality", value: "BE" } }],
    ["clients.coached", { id: client }],
    ["reception.clients", { id: client }],
    ["integ.clients", { id: client }],
    ["integ.esfSummaries", { id: esfSummary!.id }],
    ["integ.esfEntryTypes", { id: esfEntryType!.id }],
    ...Object.entries(cvRows).map(([r, id]): [string, Fixture] => [`cv.${r}`, { id, master: onClient }]),
    ...Object.entries(cvConfig).map(([r, id]): [string, Fixture] => [`cv.${r}`, { id }]),
    ["cv.sectors", { id: cvSector }],
    ["cv.functions", { id: cvFunction }],
    ["cv.propGroups", { id: propGroup }],
    ["cv.propTypes", { id: propType }],
    ["cv.properties", { id: property }],

    ["clients.all", { id: client }],
    ["newcomers.clients", { id: client }],
    ["newcomers.faculties", { id: faculty }],
    ["newcomers.brokers", { id: broker }],
    ["newcomers.competences", { id: competence }],
    ["newcomers.myCompetences", { id: (type) => ownCompetences.get(type) ?? competence }],
    ["clients.dispenses", { id: dispense, master: onClient }],
    ["clients.exclusions", { id: exclusion, master: onClient }],
    ["clients.convictions", { id: conviction, master: onClient }],
    ["clients.dispenseReasons", { id: dispenseReason }],
    ["clients.exclusionTypes", { id: exclusionType }],
    ["clients.personGroups", { id: personGroup }],
    ["clients.merges", { id: merge!.id, master: { field: "kept", value: client } }],
    ["coachings.coachings", { id: coaching, master: onClient }],
    ["coachings.mine", { id: (type) => own.get(type)!.coaching }],
    ["coachings.types", { id: coachingType }],
    ["coachings.endings", { id: coachingEnding }],
    ["history.clientChanges", { id: Number(change!.__id), master: onClient }],
    ["history.accessLog", { id: opening!.id, master: onClient }],
    ["history.deleted", { id: deleted!.id }],
    ["households.households", { id: household }],
    ["households.members", { id: member, master: { field: "household", value: household } }],
    ["households.humanLinks", { id: link, master: { field: "parent", value: person } }],
    ["households.humanLinksAsChild", { id: link, master: { field: "child", value: child } }],
    ["households.types", { id: householdType }],
    ["contacts.persons", { id: person }],
    ["contacts.organisations", { id: organisation }],
    ["contacts.partners", { id: organisation }],
    ["contacts.roles", { id: role, master: { field: "person", value: person } }],
    ["contacts.companyTypes", { id: companyType }],
    ["contacts.roleTypes", { id: roleType }],
    ["contacts.clientContactTypes", { id: clientContactType }],
    ["contacts.clientContacts", { id: clientContact, master: onClient }],
    ["contacts.addresses", { id: address, master: { field: "partner", value: client } }],
    ["calendar.myTasks", { id: (type) => own.get(type)!.task }],
    ["calendar.tasksByClient", { id: (type) => own.get(type)!.task, master: onClient }],
    ["calendar.calendars", { id: calendar }],
    ["calendar.subscriptions", { id: subscription, master: { field: "calendar", value: calendar } }],
    ["calendar.rooms", { id: room }],
    ["calendar.entryTypes", { id: entryType!.id }],
    ["calendar.guestRoles", { id: guestRole }],
    ["calendar.recurrentEvents", { id: holiday!.id }],
    ["calendar.byRecurrentEvent", { id: holidayEntry!.id, master: { field: "ownerId", value: holiday!.id } }],
    ["calendar.workingHours", { id: hours }],
    ["calendar.myWorkingHours", { id: (type) => own.get(type)!.workingHours }],
    ["calendar.entries", { id: own.get("900")!.entry, master: { field: "room", value: room } }],
    ["calendar.myAppointments", { id: (type) => own.get(type)!.entry }],
    ["calendar.myUnconfirmed", { id: (type) => own.get(type)!.entry }],
    ["calendar.myOverdue", { id: (type) => own.get(type)!.pastEntry }],
    ["calendar.today", { id: own.get("900")!.entry }],
    ["calendar.overdue", { id: own.get("900")!.pastEntry }],
    ["calendar.byClient", { id: own.get("900")!.entry, master: onClient }],
    [
      "calendar.guests",
      { id: (type) => own.get(type)!.guest, master: { field: "entry", value: (type) => own.get(type)!.entry } },
    ],
    ["calendar.myGuests", { id: (type) => own.get(type)!.guest }],
    ["reception.waiting", { id: own.get("900")!.visitors.waiting }],
    ["reception.busy", { id: own.get("900")!.visitors.busy }],
    ["reception.gone", { id: own.get("900")!.visitors.gone }],
    ["reception.waitingForMe", { id: (type) => own.get(type)!.visitors.waiting }],
    ["reception.busyWithMe", { id: (type) => own.get(type)!.visitors.busy }],
    ["reception.myGone", { id: (type) => own.get(type)!.visitors.gone }],
    ["reception.presences", { id: own.get("900")!.visitors.gone }],
    ["reception.expected", { id: own.get("900")!.guest }],
    ["reception.displays", { id: await create("reception.displays", { name: "Lounge", shows: "ticket" }) }],
    ["checks.myProblems", { id: (type) => own.get(type)!.problem }],
    ["checks.allProblems", { id: own.get("900")!.problem }],
    ["checks.clientProblems", { id: own.get("900")!.problem, master: { field: "ownerId", value: client } }],
    ["notify.messages", { id: (type) => own.get(type)!.message }],
    ["jobs.failures", { id: failure!.id }],
    ["jobs.providers", { id: provider }],
    ["jobs.jobs", { id: job }],
    ["jobs.offers", { id: offer }],
    ["jobs.types", { id: jobType }],
    ["jobs.schedules", { id: schedule }],
    ["jobs.candidatures", { id: candidature, master: onClient }],
    ["jobs.contracts", { id: art60, master: onClient }],
    ["jobs.myContracts", { id: (type) => ownArt60.get(type)! }],
    ["jobs.evaluations", { id: art60Evaluation!.id, master: { field: "ownerId", value: art60 } }],
    ["jobs.contractTypes", { id: art60Type }],
    ["jobs.offerExperiences", { id: cvRows.experiences, master: { field: "offer", value: offer } }],
    ["jobs.offerCandidatures", { id: candidature, master: { field: "offer", value: offer } }],
    ["jobs.situation", { id: job }],
    ["outbox.mine", { id: (type) => own.get(type)!.mail }],
    ["outbox.mails", { id: own.get("900")!.mail }],
    ["outbox.byClient", { id: (type) => own.get(type)!.mail, master: onClient }],
    // Each reader's own mail's recipient, listed on that mail.
    [
      "outbox.recipients",
      { id: (type) => own.get(type)!.recipient, master: { field: "mail", value: (type) => own.get(type)!.mail } },
    ],
    [
      "outbox.attachments",
      { id: (type) => own.get(type)!.attachment, master: { field: "mail", value: (type) => own.get(type)!.mail } },
    ],
    ["outbox.settings", { id: 1 }],
    ["outbox.mySms", { id: (type) => own.get(type)!.sms }],
    ["outbox.sms", { id: own.get("900")!.sms }],
    ["outbox.smsByClient", { id: (type) => own.get(type)!.sms, master: onClient }],
    ["outbox.smsSettings", { id: 1 }],
    ["calendar.settings", { id: 1 }],
    ["uploads.types", { id: uploadType!.id }],
    ["uploads.uploads", { id: own.get("900")!.upload, master: onClient }],
    ["uploads.mine", { id: (type) => own.get(type)!.upload }],
    ["documents.types", { id: excerptType!.id }],
    ["documents.mine", { id: (type) => own.get(type)!.excerpt }],
    ["documents.byClient", { id: own.get("900")!.excerpt, master: onClient }],
    ["documents.letterhead", { id: 1 }],
    ["notes.notes", { id: (type) => own.get(type)!.note, master: onClient }],
    ["notes.mine", { id: (type) => own.get(type)!.note }],
    ["notes.noteTypes", { id: noteType!.id }],
    ["notes.eventTypes", { id: eventType!.id }],
    ["geo.countries", { id: "BE" }],
    ["geo.places", { id: place, master: { field: "country", value: "BE" } }],
    ["isip.contracts", { id: isip, master: onClient }],
    ["isip.mine", { id: (type) => ownIsips.get(type)! }],
    ["isip.partners", { id: isipPartner!.id, master: { field: "contract", value: isip } }],
    ["isip.evaluations", { id: evaluation!.id, master: { field: "ownerId", value: isip } }],
    ["isip.types", { id: isipType!.id }],
    ["isip.examPolicies", { id: examPolicy!.id }],
    ["isip.endings", { id: contractEnding!.id }],
    ["art61.contracts", { id: art61, master: onClient }],
    ["art61.mine", { id: (type) => ownArt61.get(type)! }],
    ["art61.evaluations", { id: art61Evaluation!.id, master: { field: "ownerId", value: art61 } }],
    ["art61.types", { id: art61Type!.id }],
  ];
  for (const [resource, fixture] of entries) fixtures.set(resource, fixture);

  // An immersion training of the client with monthly evaluations, each integration user's own, a proof of search.
  const [immersionType] = await h.db
    .select({ id: h.t.immersionContractTypes.id })
    .from(h.t.immersionContractTypes)
    .limit(1);
  const [immersionGoal] = await h.db.select({ id: h.t.immersionGoals.id }).from(h.t.immersionGoals).limit(1);
  const training = await create("immersion.contracts", {
    client,
    company: organisation,
    type: immersionType!.id,
    goal: immersionGoal!.id,
    user: userIds.get("100")!,
    appliesFrom: today,
    appliesUntil: `${Number(today.slice(0, 4)) + 1}-12-31`,
  });
  await admin.resources.update({
    resource: "immersion.contracts",
    id: training,
    version: 1,
    patch: { examPolicy: examPolicy!.id },
  });
  const [trainingEvaluation] = await h.db
    .select({ id: h.t.calendarEntries.id })
    .from(h.t.calendarEntries)
    .where(and(eq(h.t.calendarEntries.ownerType, "immersionContract"), eq(h.t.calendarEntries.ownerId, training)));
  const ownTrainings = new Map<UserType, number>();
  for (const [i, type] of USER_TYPES.entries()) {
    const [row] = await h.db
      .insert(h.t.immersionContracts)
      .values({
        clientId: client,
        companyId: organisation,
        typeId: immersionType!.id,
        goalId: immersionGoal!.id,
        userId: userIds.get(type)!,
        appliesFrom: `${2000 + i}-01-01`,
        appliesUntil: `${2000 + i}-06-30`,
      })
      .returning({ id: h.t.immersionContracts.id });
    ownTrainings.set(type, row!.id);
  }
  const proof = await create("jobsearch.proofs", { client, date: today, company: organisation });
  for (const [resource, fixture] of [
    ["immersion.contracts", { id: training, master: onClient }],
    ["immersion.mine", { id: (type: UserType) => ownTrainings.get(type)! }],
    ["immersion.evaluations", { id: trainingEvaluation!.id, master: { field: "ownerId", value: training } }],
    ["immersion.types", { id: immersionType!.id }],
    ["immersion.goals", { id: immersionGoal!.id }],
    ["jobsearch.proofs", { id: proof, master: onClient }],
  ] as [string, Fixture][])
    fixtures.set(resource, fixture);

  // A published poll with a question, and each polls user's own response to it about the client.
  const pollsUsers = USER_TYPES.filter((type) => hasRole(type, "PollsUser"));
  const choiceSet = await create("polls.choiceSets", { name: name("Oui/Non") });
  const pollChoice = await create("polls.choices", { choiceSet, seqno: 1, name: name("Oui") });
  const poll = await create("polls.polls", {
    ref: "RAE",
    title: "Recherche active d'emploi",
    defaultChoiceSet: choiceSet,
  });
  const question = await create("polls.questions", { poll, seqno: 1, number: "1", title: "Cherchez-vous du travail?" });
  await admin.resources.transition({ resource: "polls.polls", id: poll, version: 1, name: "publish" });
  const responses = new Map<UserType, number>();
  for (const [i, type] of pollsUsers.entries()) {
    const values = { poll, client, date: `2026-11-${String(i + 1).padStart(2, "0")}` };
    responses.set(
      type,
      Number((await callers.get(type)!.resources.create({ resource: "polls.responses", values })).id),
    );
  }
  const ownResponse = (type: UserType) => responses.get(type) ?? responses.get("900")!;
  for (const [resource, fixture] of [
    ["polls.polls", { id: poll }],
    ["polls.questions", { id: question, master: { field: "poll", value: poll } }],
    ["polls.responses", { id: ownResponse, master: onClient }],
    ["polls.myResponses", { id: ownResponse }],
    ["polls.choiceSets", { id: choiceSet }],
    ["polls.choices", { id: pollChoice, master: { field: "choiceSet", value: choiceSet } }],
  ] as [string, Fixture][])
    fixtures.set(resource, fixture);
}, 300_000);

/**
 * What one user type can do with one resource, seen through the procedures: the cell's letter, or
 * a description of answers that do not fit together (e.g. a detail that opens but a list that does not).
 */
async function observe(resource: string, type: UserType): Promise<string> {
  const caller = callers.get(type)!;
  const fixture = fixtures.get(resource);
  if (!fixture) return "no fixture row (add one to the walk's beforeAll)";
  const id = typeof fixture.id === "function" ? fixture.id(type) : fixture.id;
  const meta = await caller.resources.meta({ resource: resource as never }).then(
    (m) => ({ code: "ok", canEdit: m.canEdit }),
    async (e: unknown) => ({ code: await appCodeOf(Promise.reject(e)), canEdit: false }),
  );
  let version = 1;
  const get = await appCodeOf(
    caller.resources.get({ resource: resource as never, id }).then((row) => {
      version = Number(row.__version ?? 1);
    }),
  );
  const list = async (master?: { field: string; value: RowId }) =>
    appCodeOf(caller.resources.list({ resource: resource as never, state: state(master ? { master } : {}) }));
  const listAll = await list();
  const master = fixture.master && {
    field: fixture.master.field,
    value: typeof fixture.master.value === "function" ? fixture.master.value(type) : fixture.master.value,
  };
  const listOnMaster = master ? await list(master) : listAll;
  const update = await appCodeOf(caller.resources.update({ resource: resource as never, id, version, patch: {} }));

  const ok = (code: string) => code === "ok" || code === "resolved";
  const refused = (code: string) => code === "FORBIDDEN" || (type === "000" && code === "UNAUTHORIZED");
  const answers = `meta ${meta.code}${ok(meta.code) ? ` (canEdit ${meta.canEdit})` : ""}, get ${get}, list on master ${listOnMaster}, global list ${listAll}, update ${update}`;
  if ([meta.code, get, listOnMaster, listAll, update].every(refused)) return "-";
  if (!ok(meta.code) || !ok(get) || !ok(listOnMaster) || !(ok(listAll) || refused(listAll))) return answers;
  if (ok(update) && meta.canEdit) return ok(listAll) ? "E" : "e";
  if (refused(update) && !meta.canEdit) return ok(listAll) ? "V" : "v";
  return answers;
}

describe("resource access walk: every resource × every user type against the domain", () => {
  it("has a row for every resource the procedures serve, and none for a resource that does not exist", () => {
    const served = servedResourceIds();
    expect(served.length).toBeGreaterThan(30);
    expect(
      served.filter((id) => !(id in EXPECTED)),
      "resources without a row in EXPECTED: add one, with its source",
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((id) => !served.includes(id)),
      "rows in EXPECTED for resources that do not exist",
    ).toEqual([]);
    expect(
      KNOWN.filter((k) => !(k.resource in EXPECTED)),
      "KNOWN cells of resources without a row",
    ).toEqual([]);
    expect(COLUMNS.split(" ")).toEqual([...USER_TYPES]);
    for (const [resource, row] of Object.entries(EXPECTED)) parseRow(resource, row);
  });

  it("allows each user type exactly what the domain says, resource by resource", async () => {
    const mismatches: string[] = [];
    const knownSeen: string[] = [];
    for (const resource of servedResourceIds().filter((id) => id in EXPECTED)) {
      const expected = parseRow(resource, EXPECTED[resource]!);
      for (const type of USER_TYPES) {
        const got = await observe(resource, type);
        const want = expected[type];
        const note = KNOWN.find((k) => k.resource === resource && k.type === type);
        const show = (c: string) => (c in DESCRIBE ? `${c} (${DESCRIBE[c as Cell]})` : c);
        if (note && got === note.now) {
          knownSeen.push(`${resource} × ${type}`);
          continue;
        }
        if (note && got === want) {
          mismatches.push(
            `${resource} × ${type}: now as the domain says (${show(want)}); remove its KNOWN note ("${note.why}")`,
          );
          continue;
        }
        if (got !== want)
          mismatches.push(
            `${resource} × ${type}: expected ${show(want)}, got ${show(got)}${note ? ` (KNOWN today: ${show(note.now)})` : ""}`,
          );
      }
    }
    expect(mismatches, `${mismatches.length} cells differ from the domain:\n${mismatches.join("\n")}`).toEqual([]);
    // Every KNOWN cell was walked and still behaves as noted.
    expect(knownSeen.length).toBe(KNOWN.length);
  }, 600_000);
});
