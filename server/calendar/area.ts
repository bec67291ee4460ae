import { eq } from "drizzle-orm";
import { seedCalendarDemo, seedCalendarReference, seedDemoAbsences } from "@/db/seed/calendar";
import { seedHolidays } from "@/db/seed/holidays";
import { entriesSource } from "./timeline";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import {
  calendarsResource,
  entryTypesResource,
  guestRolesResource,
  roomsResource,
  subscriptionsResource,
} from "./config";
import {
  byClientResource,
  entriesResource,
  myAppointmentsResource,
  myOverdueResource,
  myUnconfirmedResource,
  overdueResource,
  todayResource,
} from "./entries";
import { guestsResource, myGuestsResource } from "./guests";
import { calendarSettingsResource, remindClientsJob } from "./client-reminders";
import { myTasksResource, tasksByClientResource } from "./my-tasks";
import { myOverdueWidget, myTodayWidget } from "./widgets";
import {
  byRecurrentEventResource,
  generateHolidaysJob,
  recurrentEventOwners,
  recurrentEventsResource,
} from "./recurrent-events";
import { conflictingEntriesChecker, tooLongEntriesChecker } from "./checkers";
import { plannerRouter } from "./planner-router";
import { myWorkingHoursResource, workingHoursResource } from "./working-hours";
import { calendarMerge, tasksMerge } from "./merge";

/**
 * The calendar (domain-people §10): calendars, rooms, entry types and guest roles; entries with
 * their guests and workflows; tasks, and the automatic reminders of a client's file (§3.4).
 */
export const calendarArea = defineArea({
  id: "calendar",
  resources: [
    calendarsResource,
    subscriptionsResource,
    roomsResource,
    entryTypesResource,
    guestRolesResource,
    entriesResource,
    myAppointmentsResource,
    todayResource,
    myUnconfirmedResource,
    myOverdueResource,
    overdueResource,
    byClientResource,
    guestsResource,
    myGuestsResource,
    myTasksResource,
    tasksByClientResource,
    recurrentEventsResource,
    byRecurrentEventResource,
    calendarSettingsResource,
    workingHoursResource,
    myWorkingHoursResource,
  ],
  // Lino Welfare's Calendar menu (§1.4), the reception's appointments of the day, the configuration
  // (Configure → Calendar) and every entry and guest (Explorer → Calendar) for office staff.
  menu: [
    {
      menu: "calendar",
      entries: [
        // The planners (issue 15 §4): for those who plan, agents and reception alike.
        { href: "/calendar/planner", label: "menu.planner", roles: ["OfficeUser", "OfficeOperator"] },
        { href: "/calendar/planner?view=team", label: "menu.teamPlanner", roles: ["OfficeUser", "OfficeOperator"] },
        { href: "/calendar/planner?view=rooms", label: "menu.roomPlanner", roles: ["OfficeUser", "OfficeOperator"] },
        { href: "/calendar/find-date", label: "menu.findDate", roles: ["OfficeUser", "OfficeOperator"] },
        { resource: "calendar.myWorkingHours" },
        { resource: "calendar.myAppointments" },
        { resource: "calendar.overdue" },
        { resource: "calendar.myUnconfirmed" },
        { resource: "calendar.myTasks" },
        { resource: "calendar.myGuests" },
        { resource: "calendar.myOverdue" },
      ],
    },
    { menu: "reception", entries: [{ resource: "calendar.today" }] },
    {
      menu: "configure",
      section: "menu.sections.calendar",
      entries: [
        { resource: "calendar.calendars", roles: ["OfficeStaff"] },
        { resource: "calendar.rooms", roles: ["OfficeStaff"] },
        { resource: "calendar.guestRoles", roles: ["OfficeStaff"] },
        { resource: "calendar.entryTypes", roles: ["OfficeStaff"] },
        { resource: "calendar.workingHours", roles: ["OfficeStaff"] },
        { resource: "calendar.recurrentEvents", roles: ["OfficeStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.calendar",
      entries: [
        { resource: "calendar.entries", roles: ["OfficeStaff"] },
        { resource: "calendar.guests", roles: ["OfficeStaff"] },
        { resource: "calendar.subscriptions", roles: ["OfficeStaff"] },
      ],
    },
    { menu: "site", section: "menu.sections.administration", entries: [{ resource: "calendar.settings" }] },
  ],
  router: plannerRouter,
  widgets: [myTodayWidget, myOverdueWidget],
  checkers: [conflictingEntriesChecker, tooLongEntriesChecker],
  jobs: [generateHolidaysJob, remindClientsJob],
  seriesOwners: [recurrentEventOwners],
  timeline: [entriesSource],
  seed: {
    reference: async (handle, centre) => {
      await seedCalendarReference(handle);
      await seedHolidays(handle, centre);
      await handle.db.insert(handle.t.calendarSettings).values({ id: 1 }).onConflictDoNothing();
    },
    demo: async (handle, centre) => {
      await seedCalendarDemo(handle, centre);
      await seedDemoAbsences(handle, centre);
      // The demo centres remind their clients by SMS three days before (issue 15 §6): over a weekend too.
      await handle.db
        .update(handle.t.calendarSettings)
        .set({ remindHours: 72, remindChannel: "sms" })
        .where(eq(handle.t.calendarSettings.id, 1));
    },
  },
  relations: defineRelations([
    { from: "tasks.user_id", to: "users", onDelete: "protect", label: "relations.tasks" },
    // A task about a client stays the coach's to do or to close: the client cannot go under it.
    { from: "tasks.owner_id", to: "partners", ownerType: "client", onDelete: "protect", label: "relations.tasks" },
    // An upload's expiry reminder has no reason to exist without the upload.
    { from: "tasks.owner_id", to: "uploads", ownerType: "upload", onDelete: "volatile", label: "relations.tasks" },
    // A subscription only says who sees a calendar.
    {
      from: "calendar_subscriptions.user_id",
      to: "users",
      onDelete: "volatile",
      label: "relations.calendarSubscriptions",
    },
    {
      from: "calendar_subscriptions.calendar_id",
      to: "calendars",
      onDelete: "volatile",
      label: "relations.calendarSubscriptions",
    },
    // Working hours only say when the user works.
    { from: "working_hours.user_id", to: "users", onDelete: "volatile", label: "relations.workingHours" },
    { from: "rooms.company_id", to: "partners", onDelete: "clear", label: "relations.rooms" },
    // Entries are a record of what was planned and happened: what they refer to stays.
    { from: "calendar_entries.type_id", to: "entry_types", onDelete: "protect", label: "relations.calendarEntries" },
    { from: "calendar_entries.client_id", to: "partners", onDelete: "protect", label: "relations.calendarEntries" },
    {
      from: "calendar_entries.owner_id",
      to: "partners",
      ownerType: "client",
      onDelete: "protect",
      label: "relations.calendarEntries",
    },
    {
      from: "calendar_entries.owner_id",
      to: "coachings",
      ownerType: "coaching",
      onDelete: "protect",
      label: "relations.calendarEntries",
    },
    // A holiday's entries are what its recurrent event generated.
    {
      from: "calendar_entries.owner_id",
      to: "recurrent_events",
      ownerType: "recurrentEvent",
      onDelete: "volatile",
      label: "relations.calendarEntries",
    },
    { from: "recurrent_events.type_id", to: "entry_types", onDelete: "protect", label: "relations.recurrentEvents" },
    { from: "calendar_entries.user_id", to: "users", onDelete: "protect", label: "relations.calendarEntries" },
    // Whom it is assigned to is a pointer the user sets again.
    { from: "calendar_entries.assigned_to_id", to: "users", onDelete: "clear", label: "relations.calendarEntries" },
    { from: "calendar_entries.room_id", to: "rooms", onDelete: "protect", label: "relations.calendarEntries" },
    // The guests are part of their entry.
    {
      from: "calendar_guests.entry_id",
      to: "calendar_entries",
      onDelete: "volatile",
      label: "relations.calendarGuests",
    },
    { from: "calendar_guests.partner_id", to: "partners", onDelete: "protect", label: "relations.calendarGuests" },
    { from: "calendar_guests.role_id", to: "guest_roles", onDelete: "protect", label: "relations.calendarGuests" },
    // A reminder sent to a guest goes with the guest; the mail and SMS it sent stay as their records.
    {
      from: "client_reminders.guest_id",
      to: "calendar_guests",
      onDelete: "volatile",
      label: "relations.clientReminders",
    },
    {
      from: "client_reminders.entry_id",
      to: "calendar_entries",
      onDelete: "volatile",
      label: "relations.clientReminders",
    },
    { from: "client_reminders.mail_id", to: "mails", onDelete: "clear", label: "relations.clientReminders" },
    { from: "client_reminders.sms_id", to: "sms_messages", onDelete: "clear", label: "relations.clientReminders" },
  ]),
  clientMerge: [calendarMerge, tasksMerge],
});
