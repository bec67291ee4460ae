import { eq, sql } from "drizzle-orm";
import { uploadsSummaryPanel } from "@/server/uploads/summary";
import { z } from "zod";
import { partnerNameOrder } from "@/db/tenant/contacts";
import type { TenantTables } from "@/db/tenant/tables";
import { defineResource } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import {
  boolean,
  choice,
  date,
  dateRangeSchema,
  datetime,
  filters,
  incompleteDate,
  integer,
  longText,
  reference,
  text,
  wordSearch,
} from "@/server/resources/fields";
import { CLIENT_STATE, cardTypes, civilStates, clientStates, genders, refusalReasons, residenceTypes } from "./choices";
import { AppError } from "@/server/errors";
import { actorOf } from "@/server/audit";
import { copyAddressToPrimary } from "@/server/contacts/addresses";
import { countryRef, placeRef } from "@/server/geo/fields";
import { uiLanguages } from "@/server/users/resource";
import { nissSearchVariants, parseNiss } from "./rules/niss";
import { similarClients } from "./similar";
import { personPhoneticWords } from "./rules/phonetic";
import { addressLine, ageInYears, clientDisplayName } from "./sql";
import { coachesToday, coachingActive } from "@/server/coachings/sql";
import { createHouseholdAction } from "@/server/households/actions";
import { clearPrintedClientAction, certifiedClient } from "@/server/documents/certifying";
import { printClientAction, printOtherClientAction } from "@/server/documents/print";
import { createMailToClient } from "./mail";
import { checkAgainAction } from "@/server/checks/resources";
import { contactPersonLabel, primaryCoach } from "./computed";
import { clientEventFilters } from "./events";
import { chateletFields, clientFieldSetsOf, eupenFields } from "./field-sets";
import { jobOfficeContactNotSelf } from "./job-office";
import { updateClientReminders } from "@/server/calendar/reminders";
import { namesRef } from "./subentities";
import { mergeClientAction } from "./merge/action";
import { clientObserverNames } from "@/server/coachings/observers";
import { belgianToday } from "@/lib/format";
import { eidCardPanel } from "@/server/eid/panel";
import { clientOverviewPanel } from "./panels/overview";
import { similarClientsPanel } from "./panels/similar";
import { findDatePanel } from "@/server/calendar/free-slots";
import { clientNoteFilters } from "@/server/notes/clients";
import { writeSystemNoteOf } from "@/server/notes/system";
import { clientTimeline, timelineParams } from "@/server/history/timeline";
import { clientBrokerField, clientFacultyField } from "@/server/newcomers/resources";
import { availableCoachesPanel } from "@/server/newcomers/panel";
import { agentsByClient } from "@/server/reception/agents";

const p = (t: TenantTables) => t.partners;

/** Clients: persons the centre helps (domain-people §3). */
export const clientsResource = defineResource({
  id: "clients.clients",
  title: "resources.clients.title",
  countLabel: "relations.clients",
  table: p,
  pk: (t) => t.partners.id,
  version: (t) => t.partners.version,
  scope: (t) => sql`${t.partners.isClient}`,
  // The client's observers are told of every change (domain-people §16).
  notifies: { client: (t) => t.partners.id, type: "change", what: "notify.what.client" },
  logsAccess: true,
  // Lino's row colours (domain-people §3.6): newcomers green, refused and former clients yellow.
  rowTone: {
    field: "clientState",
    tones: { [CLIENT_STATE.newcomer]: "positive", [CLIENT_STATE.refused]: "warning", [CLIENT_STATE.former]: "warning" },
  },
  fields: {
    id: integer("fields.id", (t) => t.partners.id, { editable: false, plain: true, width: 7 }),
    name: {
      type: "text",
      label: "fields.name",
      width: 28,
      expr: (t) => clientDisplayName(t.partners),
      orderBy: (t) => partnerNameOrder(t.partners),
    },
    firstName: text("fields.firstName", (t) => t.partners.firstName, { max: 100 }),
    lastName: text("fields.lastName", (t) => t.partners.lastName, { max: 100, required: true }),
    gender: choice("fields.gender", (t) => t.partners.gender, genders, { width: 8 }),
    birthDate: incompleteDate("fields.birthDate", (t) => t.partners.birthDate, {
      help: "resources.clients.birthDateHelp",
    }),
    age: { type: "integer", label: "fields.age", width: 6, expr: (t) => ageInYears(t.partners) },
    language: choice("languages.label", (t) => t.partners.language, uiLanguages, { required: true, width: 10 }),
    nationalId: {
      ...text("fields.nationalId", (t) => t.partners.nationalId, { width: 15 }),
      input: z.string().trim().max(20).nullable(),
    },
    clientState: choice("fields.clientState", (t) => t.partners.clientState, clientStates, {
      editable: false,
      width: 12,
    }),
    refusalReason: choice("fields.refusalReason", (t) => t.partners.refusalReason, refusalReasons, { editable: false }),
    email: { ...text("fields.email", (t) => t.partners.email), input: z.union([z.email(), z.literal("")]) },
    phone: text("fields.phone", (t) => t.partners.phone, { max: 40, width: 14 }),
    gsm: text("fields.gsm", (t) => t.partners.gsm, { max: 40, width: 14 }),
    street: text("fields.street", (t) => t.partners.street, { max: 200 }),
    streetNo: text("fields.streetNo", (t) => t.partners.streetNo, { max: 20, width: 6 }),
    streetBox: text("fields.streetBox", (t) => t.partners.streetBox, { max: 20, width: 6 }),
    zipCode: text("fields.zipCode", (t) => t.partners.zipCode, { max: 10, width: 8 }),
    place: placeRef("fields.place", (t) => t.partners.placeId),
    country: countryRef("fields.country", (t) => t.partners.countryCode),
    address: { type: "text", label: "fields.address", width: 32, expr: (t) => addressLine(t.partners, t) },
    nationality: countryRef("fields.nationality", (t) => t.partners.nationalityCode),
    birthPlace: text("fields.birthPlace", (t) => t.partners.birthPlace, { max: 200 }),
    civilState: choice("fields.civilState", (t) => t.partners.civilState, civilStates),
    residenceType: choice("fields.residenceType", (t) => t.partners.residenceType, residenceTypes),
    inBelgiumSince: date("fields.inBelgiumSince", (t) => t.partners.inBelgiumSince),
    unemployedSince: date("fields.unemployedSince", (t) => t.partners.unemployedSince),
    seekingSince: date("fields.seekingSince", (t) => t.partners.seekingSince),
    unavailableUntil: date("fields.unavailableUntil", (t) => t.partners.unavailableUntil),
    unavailableWhy: text("fields.unavailableWhy", (t) => t.partners.unavailableWhy, { max: 100 }),
    remarks: longText("fields.remarks", (t) => t.partners.remarks),
    isObsolete: boolean("fields.isObsolete", (t) => t.partners.isObsolete),
    faculty: clientFacultyField,
    broker: clientBrokerField,
    coaches: {
      type: "text",
      label: "fields.coaches",
      width: 26,
      sortable: false,
      expr: (t) => coachesToday(t.partners, t),
    },
    // Who is told about changes to the client: coaching supervisors and today's coaches (§8).
    observers: {
      type: "text",
      label: "resources.clients.observers",
      width: 26,
      sortable: false,
      expr: (t) => clientObserverNames(t, q(t.partners.id)),
    },
    createdAt: datetime("fields.createdAt", (t) => t.partners.createdAt),
    modifiedAt: datetime("fields.modifiedAt", (t) => t.partners.modifiedAt),
    // The rest of the client file (domain-people §3.1).
    birthCountry: countryRef("fields.birthCountry", (t) => t.partners.birthCountryCode),
    nationalityText: text("fields.nationalityText", (t) => t.partners.nationalityText, { max: 200 }),
    residenceUntil: date("fields.residenceUntil", (t) => t.partners.residenceUntil),
    declaredName: boolean("fields.declaredName", (t) => t.partners.declaredName),
    needsResidencePermit: boolean("fields.needsResidencePermit", (t) => t.partners.needsResidencePermit),
    needsWorkPermit: boolean("fields.needsWorkPermit", (t) => t.partners.needsWorkPermit),
    workPermitSuspendedUntil: date("fields.workPermitSuspendedUntil", (t) => t.partners.workPermitSuspendedUntil),
    isSeeking: boolean("fields.isSeeking", (t) => t.partners.isSeeking),
    obstacles: longText("fields.obstacles", (t) => t.partners.obstacles),
    skills: longText("fields.skills", (t) => t.partners.skills),
    group: namesRef("fields.integrationPhase", "clients.personGroups", "personGroups", (t) => t.partners.groupId),
    jobOfficeContact: reference(
      "fields.jobOfficeContact",
      "contacts.roles",
      (t) => t.partners.jobOfficeContactId,
      (t) => contactPersonLabel(t, q(t.partners.jobOfficeContactId)),
    ),
    primaryCoach,
    // eID card data comes from the card reader; only site administrators correct it by hand.
    cardNumber: { ...text("fields.cardNumber", (t) => t.partners.cardNumber, { max: 40 }), editRoles: ["SiteAdmin"] },
    cardType: { ...choice("fields.cardType", (t) => t.partners.cardType, cardTypes), editRoles: ["SiteAdmin"] },
    cardValidFrom: { ...date("fields.cardValidFrom", (t) => t.partners.cardValidFrom), editRoles: ["SiteAdmin"] },
    cardValidUntil: { ...date("fields.cardValidUntil", (t) => t.partners.cardValidUntil), editRoles: ["SiteAdmin"] },
    cardIssuer: { ...text("fields.cardIssuer", (t) => t.partners.cardIssuer, { max: 200 }), editRoles: ["SiteAdmin"] },
    nobleCondition: {
      ...text("fields.nobleCondition", (t) => t.partners.nobleCondition, { max: 200 }),
      editRoles: ["SiteAdmin"],
    },
    ...eupenFields,
    ...chateletFields,
  },
  columns: ["name", "clientState", "nationalId", "gsm", "address", "age", "email", "phone", "id", "language"],
  hiddenColumns: ["coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  titleField: "name",
  filters: {
    clientState: filters.choice("fields.clientState", clientStates, (t) => t.partners.clientState),
    gender: filters.choice("fields.gender", genders, (t) => t.partners.gender),
    agedFrom: {
      label: "resources.clients.agedFrom",
      summary: "resources.clients.agedFromSummary",
      widget: "number",
      schema: z.number().int().min(0).max(130),
      where: (v: number, t) => sql`${ageInYears(t.partners)} >= ${v}`,
    },
    agedTo: {
      label: "resources.clients.agedTo",
      summary: "resources.clients.agedToSummary",
      widget: "number",
      schema: z.number().int().min(0).max(130),
      where: (v: number, t) => sql`${ageInYears(t.partners)} <= ${v}`,
    },
    nationality: {
      label: "fields.nationality",
      widget: "text",
      schema: z.string().trim().toUpperCase().min(2).max(4),
      where: (v: string, t) => eq(t.partners.nationalityCode, v),
    },
    hideObsolete: {
      label: "resources.clients.hideObsolete",
      widget: "boolean",
      schema: z.boolean(),
      where: (v: boolean, t) => (v ? sql`not ${t.partners.isObsolete}` : undefined),
    },
    // Period: empty start takes the end (or today), empty end takes the start (domain-people §3.6).
    period: { label: "resources.clients.period", widget: "dateRange", schema: dateRangeSchema, where: () => undefined },
    onlyPrimary: {
      label: "resources.clients.onlyPrimary",
      widget: "boolean",
      schema: z.boolean(),
      where: () => undefined,
    },
    coachedBy: {
      label: "resources.clients.coachedBy",
      summary: "resources.clients.coachedBySummary",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t, _ctx, all) => coachedBy(t, v, all),
    },
    andCoachedBy: {
      label: "resources.clients.andCoachedBy",
      summary: "resources.clients.andCoachedBySummary",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t, _ctx, all) => coachedBy(t, v, all),
    },
    ...clientEventFilters,
    ...clientNoteFilters,
  },
  defaultFilters: { hideObsolete: true },
  // Name, phones, e-mail, street, national id: one folded, trigram-indexed text (db/tenant/contacts.ts).
  search: wordSearch(
    (t) => ({ folded: t.partners.searchText }),
    (t) => [t.partners.id],
    nissSearchVariants,
  ),
  // The people a desk looks for first, before places and other contacts.
  searchRank: 10,
  defaultSort: [{ field: "name", dir: "asc" }],
  // Who may register, edit and delete a client: whoever sees clients (SimpleContactsUser,
  // domain-people §1.3; Lino lets the flexible reception clerk 220 insert and edit clients too); in
  // Lino a table's DeleteSelected needs only the roles that edit it (lino/core/boundaction.py; see
  // tests/integration/resource-access-walk.test.ts). Protection comes from the refusals, not from
  // the button: a client with a file (coachings, exclusions, convictions, tasks, household
  // memberships, contacts naming them: the areas' relations) cannot be deleted, so what remains
  // deletable is a client registered by mistake, which whoever registers clients must be able to
  // undo; the dialog shows what goes with it, and an administrator can restore it for 30 days
  // (domain-people §0). Was ContactsStaff: the reception clerk (210) could, the social workers not.
  access: { view: ["SimpleContactsUser"], create: ["SimpleContactsUser"], edit: ["SimpleContactsUser"] },
  detail: [
    {
      key: "person",
      label: "resources.clients.personTab",
      groups: [
        { fields: ["id", "firstName", "lastName", "gender", "birthDate", "age", "nationalId", "language"] },
        { fields: ["street", "streetNo", "streetBox", "zipCode", "place", "country", "phone", "gsm", "email"] },
      ],
      panels: [
        { key: "clientOverview", label: "panels.clientOverview.title", top: true, load: clientOverviewPanel },
        { key: "eidCard", label: "panels.eidCard.title", load: eidCardPanel },
        // §11 "Find date": for those who plan (server/calendar/free-slots.ts).
        { key: "findDate", label: "planner.panel.title", load: findDatePanel, roles: ["OfficeUser", "OfficeOperator"] },
        // §11 "Agents by client": whom the desk may send the client to now, and their state today.
        {
          key: "agentsByClient",
          label: "reception.agents.title",
          load: agentsByClient,
          roles: ["OfficeUser", "OfficeOperator"],
        },
      ],
      slaves: [{ resource: "contacts.addresses", label: "resources.addresses.title", masterField: "partner" }],
    },
    {
      key: "humanLinks",
      label: "resources.clients.humanLinksTab",
      groups: [{ fields: ["childCustody"] }],
      panels: [{ key: "similarClients", label: "panels.similarClients.title", load: similarClientsPanel }],
      slaves: [
        { resource: "households.members", label: "resources.householdMembers.byPerson", masterField: "person" },
        { resource: "households.humanLinks", label: "resources.humanLinks.title", masterField: "parent" },
        { resource: "households.humanLinksAsChild", label: "resources.humanLinks.asChildTitle", masterField: "child" },
      ],
    },
    // Tabs of domain-people §3.7 whose areas exist; centre-specific fields show where the centre uses them.
    {
      key: "coaches",
      label: "resources.clients.coachesTab",
      groups: [
        { fields: ["primaryCoach", "coaches", "observers", "jobOfficeContact", "broker", "faculty"] },
        { fields: ["healthInsurance", "pharmacy", "jobAgents"] },
      ],
      // Newcomers operators choose the coach of a newcomer here (domain-people §9.1, §9.2).
      panels: [
        {
          key: "availableCoaches",
          label: "panels.availableCoaches.title",
          roles: ["NewcomersOperator"],
          load: availableCoachesPanel,
        },
      ],
      slaves: [
        { resource: "coachings.coachings", label: "resources.coachings.title", masterField: "client" },
        { resource: "contacts.clientContacts", label: "resources.clients.clientContacts", masterField: "client" },
      ],
    },
    {
      key: "aids",
      label: "resources.clients.aidsTab",
      groups: [
        {
          label: "resources.clients.residenceGroup",
          fields: [
            "nationality",
            "nationalityText",
            "birthCountry",
            "birthPlace",
            "civilState",
            "residenceType",
            "inBelgiumSince",
            "residenceUntil",
            "declaredName",
            "needsResidencePermit",
          ],
        },
        { label: "fields.integrationPhase", fields: ["group"] },
        {
          label: "resources.clients.incomesGroup",
          fields: ["incomeAg", "incomeWg", "incomeKg", "incomeRente", "incomeMisc"],
        },
      ],
    },
    // Scanned documents (domain-people §13): the summary by type with the identifying document,
    // then every upload of the client; for those who handle documents (Lino: OfficeUser, OfficeOperator).
    {
      key: "documents",
      label: "resources.clients.documentsTab",
      roles: ["OfficeUser", "OfficeOperator"],
      groups: [],
      panels: [{ key: "uploadsSummary", label: "panels.uploadsSummary.title", top: true, load: uploadsSummaryPanel }],
      slaves: [
        { resource: "uploads.uploads", label: "resources.uploads.byClient", masterField: "client" },
        { resource: "documents.byClient", label: "documents.byClient", masterField: "client" },
      ],
    },
    // Dispenses, exclusions and convictions are social data: their grids show to social users only.
    {
      key: "jobSearch",
      label: "resources.clients.jobSearchTab",
      groups: [
        {
          fields: [
            "isSeeking",
            "seekingSince",
            "unemployedSince",
            "needsWorkPermit",
            "workPermitSuspendedUntil",
            "hasEsf",
            "geographicArea",
          ],
        },
        { fields: ["obstacles", "skills"] },
      ],
      slaves: [
        { resource: "clients.dispenses", label: "resources.dispenses.title", masterField: "client" },
        { resource: "clients.exclusions", label: "resources.exclusions.title", masterField: "client" },
        { resource: "clients.convictions", label: "resources.convictions.title", masterField: "client" },
        { resource: "jobs.candidatures", label: "jobs.candidatures.byClient", masterField: "client" },
        // Châtelet's "Active job search" tab shows the client's poll responses (domain-integ-money §0).
        { resource: "polls.responses", label: "polls.responses.byClient", masterField: "client" },
        { resource: "jobsearch.proofs", label: "jobsearch.proofs.title", masterField: "client" },
      ],
    },
    {
      // Contracts of every kind with their evaluation meetings (domain-integ-money §2.3, issue 17 item 9).
      key: "contracts",
      label: "isip.contractsTab",
      roles: ["IntegUser", "SocialUser", "SocialCoordinator"],
      groups: [],
      slaves: [
        { resource: "isip.contracts", label: "isip.contracts.title", masterField: "client" },
        { resource: "art61.contracts", label: "art61.contracts.title", masterField: "client" },
        { resource: "jobs.contracts", label: "jobs.contracts.title", masterField: "client" },
        { resource: "immersion.contracts", label: "immersion.contracts.title", masterField: "client" },
        { resource: "isip.evaluations", label: "isip.evaluations.title", masterField: "client" },
      ],
    },
    {
      // The client's appointments (those it is a guest of too) and the tasks about it (domain-people §10.6).
      key: "calendar",
      label: "resources.clients.calendarTab",
      roles: ["OfficeUser", "OfficeOperator"],
      groups: [],
      slaves: [
        { resource: "calendar.byClient", label: "resources.calendarEntries.byClient", masterField: "client" },
        { resource: "calendar.tasksByClient", label: "resources.myTasks.byClient", masterField: "client" },
        // §11: the client's presences over time, each with its presence certificate.
        { resource: "reception.presences", label: "resources.receptionVisitors.presences", masterField: "partner" },
      ],
    },
    {
      key: "history",
      label: "resources.clients.historyTab",
      groups: [],
      // Everything above in one list, newest first (beyond Lino), then each list on its own.
      panels: [{ key: "timeline", label: "timeline.title", top: true, load: clientTimeline, params: timelineParams }],
      slaves: [
        { resource: "notes.notes", label: "resources.notes.title", masterField: "client" },
        { resource: "outbox.byClient", label: "outbox.byClientTitle", masterField: "client" },
        { resource: "outbox.smsByClient", label: "outbox.sms.byClient", masterField: "client" },
        { resource: "history.clientChanges", label: "resources.history.changesTitle", masterField: "client" },
        { resource: "history.accessLog", label: "resources.history.accessTitle", masterField: "client" },
        { resource: "clients.merges", label: "resources.clientMerges.title", masterField: "kept" },
        // The client's ESF summaries per year (domain-integ-money §2.10), for the integration service.
        { resource: "integ.esfSummaries", label: "integReports.esf.title", masterField: "client" },
      ],
    },
    {
      key: "misc",
      label: "resources.clients.miscTab",
      roles: ["SocialStaff", "ContactsStaff"],
      groups: [
        {
          fields: [
            "clientState",
            "refusalReason",
            "isObsolete",
            "unavailableUntil",
            "unavailableWhy",
            "remarks",
            "createdAt",
            "modifiedAt",
          ],
        },
        {
          label: "resources.clients.eidCardGroup",
          fields: ["cardNumber", "cardType", "cardValidFrom", "cardValidUntil", "cardIssuer", "nobleCondition"],
        },
        { fields: ["gesdosId", "timId", "isCpas", "isSenior", "remarks2"] },
      ],
      slaves: [{ resource: "checks.clientProblems", label: "checks.clientProblems", masterField: "ownerId" }],
    },
  ],
  insert: {
    fields: ["firstName", "lastName", "nationalId", "gender", "language"],
    defaults: (ctx) => ({ language: ctx.user.language }),
    columns: { kind: "person", isClient: true, clientState: CLIENT_STATE.newcomer },
    // Lino asks before creating a client who resembles existing ones (domain-people §5).
    confirm: async (ctx, v) => {
      const similar = await similarClients(ctx.handle, {
        firstName: String(v.firstName ?? ""),
        lastName: String(v.lastName ?? ""),
        nationalId: (v.nationalId as string | null) ?? null,
        birthDate: (v.birthDate as string | null) ?? null,
      });
      return similar.length
        ? {
            messageKey: "resources.clients.similarExist",
            params: { count: similar.length, names: similar.map((c) => c.displayName).join(", ") },
          }
        : null;
    },
  },
  normalize: (v) => {
    if (!("nationalId" in v)) return v;
    if (v.nationalId === null || v.nationalId === "") return { ...v, nationalId: null };
    const niss = parseNiss(String(v.nationalId));
    if (!niss.ok)
      throw new AppError("NISS_INVALID", { ...niss.params, field: "nationalId", messageKey: `niss.${niss.code}` });
    return { ...v, nationalId: niss.formatted };
  },
  derive: (v) => {
    const names = { lastName: String(v.lastName ?? ""), firstName: String(v.firstName ?? "") };
    return { name: `${names.lastName} ${names.firstName}`.trim(), phoneticWords: personPhoneticWords(names) };
  },
  fieldSets: clientFieldSetsOf,
  // A certifying print vouches for who the client is until "Clear printed" (§14.1).
  certified: certifiedClient,
  beforeSave: jobOfficeContactNotSelf,
  afterSave: async (tx, ctx, id) => {
    await copyAddressToPrimary(tx, ctx.handle.t, Number(id), actorOf(ctx.user));
    await updateClientReminders(tx, ctx, id);
  },
  // "Print selection" (issue 14 §6): a document type of clients for the ticked clients, in one file.
  selection: [{ key: "printSelection", roles: ["OfficeUser", "OfficeOperator"], params: { contentType: "client" } }],
  actions: [
    createHouseholdAction,
    mergeClientAction,
    checkAgainAction,
    createMailToClient,
    printClientAction,
    printOtherClientAction,
    clearPrintedClientAction,
  ],
  workflow: {
    field: "clientState",
    transitions: [
      {
        name: "refuse",
        label: "resources.clients.refuse",
        from: [CLIENT_STATE.newcomer],
        to: CLIENT_STATE.refused,
        roles: ["NewcomersUser"],
        params: {
          reason: {
            ...choice("fields.refusalReason", (t) => t.partners.refusalReason, refusalReasons, { required: true }),
            input: z.string().min(1).max(40),
          },
          remark: longText("resources.clients.remark", (t) => t.partners.remarks),
        },
        effect: async (tx, ctx, id, params) => {
          const t = ctx.handle.t;
          await tx
            .update(t.partners)
            .set({ refusalReason: String(params.reason) })
            .where(eq(t.partners.id, Number(id)));
          const reason = String(params.reason);
          await writeSystemNoteOf(tx, ctx, Number(id), (tr) => ({
            subject: tr("notes.system.refused", {
              // A centre's own reason has no message: its value stands for it.
              reason: (refusalReasons.values as readonly string[]).includes(reason)
                ? tr(`choices.refusalReasons.${reason}`)
                : reason,
            }),
            body: params.remark ? String(params.remark) : undefined,
          }));
          return { refusalReason: { from: null, to: params.reason } };
        },
      },
      {
        name: "former",
        label: "resources.clients.markFormer",
        from: [CLIENT_STATE.coached, CLIENT_STATE.newcomer],
        to: CLIENT_STATE.former,
        roles: ["NewcomersUser"],
        confirm: true,
        // Ends the client's open coachings today (domain-people §3.3).
        effect: async (tx, ctx, id) => {
          const t = ctx.handle.t;
          const ended = await tx
            .update(t.coachings)
            .set({ endDate: belgianToday(), version: sql`${t.coachings.version} + 1` })
            .where(sql`${t.coachings.clientId} = ${Number(id)} and ${t.coachings.endDate} is null`)
            .returning({ id: t.coachings.id });
          await writeSystemNoteOf(tx, ctx, Number(id), (tr) => ({
            subject: tr("notes.system.former"),
            body: tr("notes.system.coachingsEnded", { count: ended.length }),
          }));
          return { endedCoachings: { from: null, to: ended.map((c) => c.id) } };
        },
      },
      {
        name: "backToNewcomer",
        label: "resources.clients.backToNewcomer",
        from: [CLIENT_STATE.former],
        to: CLIENT_STATE.newcomer,
        roles: ["NewcomersUser"],
        effect: async (tx, ctx, id) => {
          await writeSystemNoteOf(tx, ctx, Number(id), (tr) => ({ subject: tr("notes.system.backToNewcomer") }));
        },
      },
    ],
  },
});

/** Clients with a coaching by that user active in the filter's period (today by default). */
function coachedBy(t: TenantTables, userId: number, all: Record<string, unknown>) {
  const period = (all.period ?? {}) as { from?: string; to?: string };
  const from = period.from ?? period.to ?? belgianToday();
  const to = period.to ?? from;
  const primary = all.onlyPrimary === true ? sql` and ${q(t.coachings.primary)}` : sql``;
  return sql`exists (select 1 from ${t.coachings} where ${q(t.coachings.clientId)} = ${q(t.partners.id)} and ${q(t.coachings.userId)} = ${userId} and ${coachingActive(t, from, to)}${primary})`;
}
