import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  time,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type userTables } from "./users";

/**
 * The calendar (domain-people §10): calendars, rooms, entry types, guest roles, entries with their
 * guests (presences), and tasks (§10.5); the client file creates automatic tasks (§3.4).
 */
export function calendarTables(
  s: PgSchema,
  deps: {
    users: ReturnType<typeof userTables>["users"];
    partners: ReturnType<typeof contactTables>["partners"];
  },
) {
  /** A calendar (§10.1): one per user, which several users may share. */
  const calendars = s.table("calendars", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    description: text("description").notNull().default(""),
    /** 1..32, the colour its entries have in the planners. */
    color: integer("color").notNull().default(1),
    version: integer("version").notNull().default(1),
  });

  /** Who sees which calendar (§10.1 Subscription); every user sees their own. */
  const calendarSubscriptions = s.table("calendar_subscriptions", {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => deps.users.id),
    calendarId: integer("calendar_id")
      .notNull()
      .references(() => calendars.id),
    hidden: boolean("hidden").notNull().default(false),
    version: integer("version").notNull().default(1),
  });

  const rooms = s.table("rooms", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /** The organisation the room belongs to, if not the centre's own. */
    companyId: integer("company_id").references(() => deps.partners.id, { onDelete: "set null" }),
    color: integer("color").notNull().default(1),
    version: integer("version").notNull().default(1),
  });

  /** Calendar entry types (§10.1 EventType) with the flags planning and generation obey. */
  const entryTypes = s.table(
    "entry_types",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      /** What generated entries are called ("Évaluation" → "Évaluation 3"). */
      eventLabel: jsonb("event_label").$type<LocalizedText>(),
      ref: text("ref"),
      seqno: integer("seqno").notNull().default(0),
      isAppointment: boolean("is_appointment").notNull().default(true),
      /** Locks every room (holidays). */
      allRooms: boolean("all_rooms").notNull().default(false),
      locksUser: boolean("locks_user").notNull().default(false),
      forceGuestStates: boolean("force_guest_states").notNull().default(false),
      fillPresences: boolean("fill_presences").notNull().default(false),
      /** Simultaneous entries allowed. */
      maxConflicting: integer("max_conflicting").notNull().default(1),
      /** Longest entry in days; 0 = unlimited. */
      maxDays: integer("max_days").notNull().default(1),
      transparent: boolean("transparent").notNull().default(false),
      /** Choice list plannerColumns: external, internal. */
      plannerColumn: text("planner_column"),
      /** Minutes an entry of this type lasts unless told otherwise. */
      defaultDuration: integer("default_duration"),
      /** Welfare: the entry's client is invited as a guest. */
      inviteClient: boolean("invite_client").notNull().default(false),
      /** Hours before an entry its client guests are reminded; null: the centre's default, 0: never. */
      remindHours: integer("remind_hours"),
      /** Choice list reminderChannels; null: the centre's default. */
      remindChannel: text("remind_channel"),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      uniqueIndex("entry_types_ref").on(t.ref),
      check("entry_types_max_conflicting", sql`${t.maxConflicting} >= 1`),
      check("entry_types_max_days", sql`${t.maxDays} >= 0`),
      check("entry_types_default_duration", sql`${t.defaultDuration} > 0`),
      check("entry_types_remind_hours", sql`${t.remindHours} between 0 and 336`),
    ],
  );

  const guestRoles = s.table(
    "guest_roles",
    {
      id: serial("id").primaryKey(),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      ref: text("ref"),
      version: integer("version").notNull().default(1),
    },
    (t) => [uniqueIndex("guest_roles_ref").on(t.ref)],
  );

  /** Calendar entries (§10.1 Event): dates and times are Brussels wall-clock values. */
  const calendarEntries = s.table(
    "calendar_entries",
    {
      id: serial("id").primaryKey(),
      typeId: integer("type_id").references(() => entryTypes.id),
      summary: text("summary").notNull().default(""),
      description: text("description").notNull().default(""),
      clientId: integer("client_id").references(() => deps.partners.id),
      startDate: date("start_date").notNull(),
      startTime: time("start_time"),
      endDate: date("end_date"),
      endTime: time("end_time"),
      /** "Managed by". */
      userId: integer("user_id").references(() => deps.users.id),
      assignedToId: integer("assigned_to_id").references(() => deps.users.id, { onDelete: "set null" }),
      roomId: integer("room_id").references(() => rooms.id),
      transparent: boolean("transparent").notNull().default(false),
      /** What generated or controls the entry, e.g. ("client", 42). */
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      /** Number within its owner's series; null for a manual entry or one that left its series. */
      autoType: integer("auto_type"),
      /** Choice list entryStates. */
      state: text("state").notNull().default("draft"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("calendar_entries_user_idx").on(t.userId, t.startDate),
      index("calendar_entries_date_idx").on(t.startDate),
      index("calendar_entries_client_idx").on(t.clientId),
      index("calendar_entries_owner_idx").on(t.ownerType, t.ownerId),
      // The planners (server/calendar/planner.ts): entries of several days that began before the range shown,
      // and a room's entries.
      index("calendar_entries_user_end_idx")
        .on(t.userId, t.endDate)
        .where(sql`${t.endDate} is not null`),
      index("calendar_entries_room_idx").on(t.roomId, t.startDate),
      check("calendar_entries_end", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    ],
  );

  /** Guests of an entry (§10.1 Guest, "presences") with their reception times. */
  const calendarGuests = s.table(
    "calendar_guests",
    {
      id: serial("id").primaryKey(),
      entryId: integer("entry_id")
        .notNull()
        .references(() => calendarEntries.id),
      partnerId: integer("partner_id")
        .notNull()
        .references(() => deps.partners.id),
      roleId: integer("role_id").references(() => guestRoles.id),
      /** Choice list guestStates. */
      state: text("state").notNull().default("invited"),
      remark: text("remark").notNull().default(""),
      waitingSince: timestamp("waiting_since", { withTimezone: true }),
      busySince: timestamp("busy_since", { withTimezone: true }),
      goneSince: timestamp("gone_since", { withTimezone: true }),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      uniqueIndex("calendar_guests_key").on(t.entryId, t.partnerId),
      index("calendar_guests_partner_idx").on(t.partnerId),
    ],
  );

  const tasks = s.table(
    "tasks",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      /** What the task is about, e.g. ("client", 42). */
      ownerType: text("owner_type"),
      ownerId: integer("owner_id"),
      /** Slot of an automatic task of its owner (1, 2, 3 for a client's reminders); null if manual. */
      autoType: integer("auto_type"),
      summary: text("summary").notNull(),
      description: text("description").notNull().default(""),
      startDate: date("start_date").notNull(),
      dueDate: date("due_date"),
      /** Choice list taskStates: todo, started, done, sleeping, cancelled. */
      state: text("state").notNull().default("todo"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      index("tasks_user_idx").on(t.userId, t.startDate),
      index("tasks_owner_idx").on(t.ownerType, t.ownerId),
      uniqueIndex("tasks_auto_key")
        .on(t.ownerType, t.ownerId, t.autoType)
        .where(sql`${t.autoType} is not null`),
    ],
  );

  return { calendars, calendarSubscriptions, rooms, entryTypes, guestRoles, calendarEntries, calendarGuests, tasks };
}
