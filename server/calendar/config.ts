import { sql, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { organisationRef } from "@/server/contacts/refs";
import { defineResource, type ResourceAccess } from "@/server/resources/define";
import { boolean, choice, integer, localizedText, longText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { plannerColumns } from "./choices";
import { entryTypeReminderFields } from "./client-reminders";

/**
 * The calendar's configuration (Configure → Calendar, Lino's cal config tables: OfficeStaff); read
 * by whoever plans entries, since every entry form offers its rows.
 */
const access: ResourceAccess = { view: ["OfficeUser", "OfficeOperator"], edit: ["OfficeStaff"] };

/** The `{fr, nl, de, en}` name of a configuration row whose id is `id` (an outer row's column, qualified). */
const nameOf =
  (table: (t: TenantTables) => { id: AnyPgColumn; names: AnyPgColumn }) => (t: TenantTables, id: SQLWrapper) =>
    sql`(select ${table(t).names} from ${table(t) as never} where ${q(table(t).id)} = ${id})`;
export const entryTypeNameOf = nameOf((t) => t.entryTypes);
export const roomNameOf = nameOf((t) => t.rooms);
export const guestRoleNameOf = nameOf((t) => t.guestRoles);
export const calendarNameOf = nameOf((t) => t.calendars);

const color = (col: (t: TenantTables) => AnyPgColumn) =>
  integer("resources.calendars.color", col, { min: 1, max: 32, width: 6, plain: true });

/** Calendars (§10.1): one per user, which colleagues may share; each user is subscribed to their own. */
export const calendarsResource = defineResource({
  id: "calendar.calendars",
  title: "resources.calendars.title",
  countLabel: "relations.calendars",
  table: (t) => t.calendars,
  pk: (t) => t.calendars.id,
  version: (t) => t.calendars.version,
  fields: {
    id: integer("fields.id", (t) => t.calendars.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.calendars.names, { required: true }),
    description: longText("fields.description", (t) => t.calendars.description),
    color: color((t) => t.calendars.color),
  },
  columns: ["name", "color"],
  hiddenColumns: ["id", "description"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "color", "description"] }],
      slaves: [
        { resource: "calendar.subscriptions", label: "resources.calendarSubscriptions.title", masterField: "calendar" },
      ],
    },
  ],
  insert: { fields: ["name", "color", "description"], defaults: () => ({ color: 1 }) },
});

/** Who sees which calendar (§10.1 Subscription), kept on the calendar's detail. */
export const subscriptionsResource = defineResource({
  id: "calendar.subscriptions",
  title: "resources.calendarSubscriptions.title",
  countLabel: "relations.calendarSubscriptions",
  table: (t) => t.calendarSubscriptions,
  pk: (t) => t.calendarSubscriptions.id,
  version: (t) => t.calendarSubscriptions.version,
  fields: {
    id: integer("fields.id", (t) => t.calendarSubscriptions.id, { editable: false, plain: true, width: 6 }),
    user: reference(
      "resources.calendarSubscriptions.user",
      "users.users",
      (t) => t.calendarSubscriptions.userId,
      (t) => userNameOf(t, q(t.calendarSubscriptions.userId)),
      { required: true, choices: activeStaff },
    ),
    calendar: reference(
      "resources.calendarSubscriptions.calendar",
      "calendar.calendars",
      (t) => t.calendarSubscriptions.calendarId,
      (t) => calendarNameOf(t, q(t.calendarSubscriptions.calendarId)),
      { required: true, localized: true },
    ),
    hidden: boolean("resources.calendarSubscriptions.hidden", (t) => t.calendarSubscriptions.hidden),
  },
  columns: ["user", "calendar", "hidden"],
  hiddenColumns: ["id"],
  titleField: "user",
  defaultSort: [{ field: "user", dir: "asc" }],
  access: { ...access, listAll: ["OfficeStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["user", "calendar", "hidden"] }] }],
  insert: { fields: ["user", "calendar", "hidden"], defaults: () => ({ hidden: false }) },
});

export const roomsResource = defineResource({
  id: "calendar.rooms",
  title: "resources.rooms.title",
  countLabel: "relations.rooms",
  table: (t) => t.rooms,
  pk: (t) => t.rooms.id,
  version: (t) => t.rooms.version,
  fields: {
    id: integer("fields.id", (t) => t.rooms.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.rooms.names, { required: true }),
    company: organisationRef("resources.rooms.company", (t) => t.rooms.companyId),
    color: color((t) => t.rooms.color),
  },
  columns: ["name", "company", "color"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "company", "color"] }],
      slaves: [{ resource: "calendar.entries", label: "resources.calendarEntries.title", masterField: "room" }],
    },
  ],
  insert: { fields: ["name", "company", "color"], defaults: () => ({ color: 1 }) },
});

/** Calendar entry types (§10.1 EventType) with every planning flag. */
export const entryTypesResource = defineResource({
  id: "calendar.entryTypes",
  title: "resources.entryTypes.title",
  countLabel: "relations.entryTypes",
  table: (t) => t.entryTypes,
  pk: (t) => t.entryTypes.id,
  version: (t) => t.entryTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.entryTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.entryTypes.names, { required: true }),
    eventLabel: {
      ...localizedText("resources.entryTypes.eventLabel", (t) => t.entryTypes.eventLabel),
      help: "resources.entryTypes.eventLabelHelp",
    },
    ref: text("resources.entryTypes.ref", (t) => t.entryTypes.ref, { max: 40, width: 10 }),
    seqno: integer("resources.entryTypes.seqno", (t) => t.entryTypes.seqno, { min: 0, max: 9999, width: 6 }),
    isAppointment: boolean("resources.entryTypes.isAppointment", (t) => t.entryTypes.isAppointment),
    allRooms: {
      ...boolean("resources.entryTypes.allRooms", (t) => t.entryTypes.allRooms),
      help: "resources.entryTypes.allRoomsHelp",
    },
    locksUser: boolean("resources.entryTypes.locksUser", (t) => t.entryTypes.locksUser),
    forceGuestStates: boolean("resources.entryTypes.forceGuestStates", (t) => t.entryTypes.forceGuestStates),
    fillPresences: boolean("resources.entryTypes.fillPresences", (t) => t.entryTypes.fillPresences),
    maxConflicting: integer("resources.entryTypes.maxConflicting", (t) => t.entryTypes.maxConflicting, {
      min: 1,
      max: 999,
      width: 6,
      required: true,
    }),
    maxDays: {
      ...integer("resources.entryTypes.maxDays", (t) => t.entryTypes.maxDays, {
        min: 0,
        max: 999,
        width: 6,
        required: true,
      }),
      help: "resources.entryTypes.maxDaysHelp",
    },
    transparent: {
      ...boolean("resources.entryTypes.transparent", (t) => t.entryTypes.transparent),
      help: "resources.entryTypes.transparentHelp",
    },
    plannerColumn: choice("resources.entryTypes.plannerColumn", (t) => t.entryTypes.plannerColumn, plannerColumns),
    defaultDuration: integer("resources.entryTypes.defaultDuration", (t) => t.entryTypes.defaultDuration, {
      min: 1,
      max: 100_000,
      width: 8,
    }),
    inviteClient: boolean("resources.entryTypes.inviteClient", (t) => t.entryTypes.inviteClient),
    ...entryTypeReminderFields,
  },
  columns: [
    "name",
    "ref",
    "isAppointment",
    "allRooms",
    "maxConflicting",
    "maxDays",
    "defaultDuration",
    "plannerColumn",
  ],
  hiddenColumns: [
    "id",
    "seqno",
    "eventLabel",
    "locksUser",
    "forceGuestStates",
    "fillPresences",
    "transparent",
    "inviteClient",
    "remindHours",
    "remindChannel",
  ],
  titleField: "name",
  defaultSort: [
    { field: "seqno", dir: "asc" },
    { field: "name", dir: "asc" },
  ],
  access,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["name", "eventLabel", "ref", "seqno"] },
        { fields: ["isAppointment", "inviteClient", "allRooms", "locksUser", "transparent", "plannerColumn"] },
        { fields: ["maxConflicting", "maxDays", "defaultDuration", "fillPresences", "forceGuestStates"] },
        { fields: ["remindHours", "remindChannel"] },
      ],
      slaves: [{ resource: "calendar.entries", label: "resources.calendarEntries.title", masterField: "type" }],
    },
  ],
  insert: {
    fields: ["name", "ref", "isAppointment", "maxConflicting", "maxDays", "defaultDuration", "inviteClient"],
    defaults: () => ({ isAppointment: true, maxConflicting: 1, maxDays: 1, inviteClient: false }),
  },
});

export const guestRolesResource = defineResource({
  id: "calendar.guestRoles",
  title: "resources.guestRoles.title",
  countLabel: "relations.guestRoles",
  table: (t) => t.guestRoles,
  pk: (t) => t.guestRoles.id,
  version: (t) => t.guestRoles.version,
  fields: {
    id: integer("fields.id", (t) => t.guestRoles.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.guestRoles.names, { required: true }),
    ref: text("resources.entryTypes.ref", (t) => t.guestRoles.ref, { max: 40, width: 10 }),
  },
  columns: ["name", "ref"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name", "ref"] }] }],
  insert: { fields: ["name", "ref"] },
});
