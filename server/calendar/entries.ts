import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday, brusselsWallClock } from "@/lib/format";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { clientNameOf } from "@/server/clients/sql";
import { AppError } from "@/server/errors";
import {
  defineResource,
  type FieldDef,
  type ResourceCtx,
  type ResourceDef,
  type TransitionDef,
} from "@/server/resources/define";
import {
  boolean,
  choice,
  date,
  datetime,
  filters,
  integer,
  longText,
  matches,
  reference,
  text,
} from "@/server/resources/fields";
import { likePattern, qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { entryOwnerTypes, entryStates } from "./choices";
import { moveToNextAction } from "./series/move";
import { moveToAgentAction } from "./planner";
import { coachOwnerTypesOf, updatePresences, updatePresencesAction } from "./presences";
import { entryTypeNameOf, roomNameOf } from "./config";
import { announceWaitingRoom } from "./waiting-room";
import { CALENDAR_ROLES, ENTRY_STEPS, GUESTS_STILL_THERE, type Step } from "./workflow";

type Tx = TenantHandle["db"];
const e = (t: TenantTables) => t.calendarEntries;

/** "14:30" as typed; stored with its seconds, as PostgreSQL gives a `time` back. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The time of day in Brussels now, "14:30:00" (what a `time` column stores). */
export const brusselsTimeNow = () => brusselsWallClock(new Date()).toISOString().slice(11, 19);
/** Today in Brussels, in SQL. */
export const TODAY = sql`(now() at time zone 'Europe/Brussels')::date`;

/** A time of day typed as "HH:MM" and shown so. */
export const timeField = (label: string, col: (t: TenantTables) => AnyPgColumn): FieldDef => ({
  type: "text" as const,
  label,
  width: 6,
  expr: (t: TenantTables) => sql<string>`to_char(${col(t)}, 'HH24:MI')`,
  orderBy: col,
  column: col,
  input: z.union([z.literal(""), z.string().regex(TIME)]).nullable(),
});
export const withSeconds = (v: unknown) => (v ? `${String(v)}:00` : null);

/** Whether an entry's type makes it an appointment (§10.1 `is_appointment`). */
export const isAppointment = (t: TenantTables) =>
  sql`exists (select 1 from ${t.entryTypes} where ${q(t.entryTypes.id)} = ${q(e(t).typeId)} and ${q(t.entryTypes.isAppointment)})`;
/** Not yet fixed: suggested or draft (§10.2 "stable" is false). */
const unstable = (t: TenantTables) => inArray(e(t).state, ["suggested", "draft"]);
/** The entry's last day: its end date, else its start date. */
const lastDay = (t: TenantTables) => sql`coalesce(${q(e(t).endDate)}, ${q(e(t).startDate)})`;

/** What an entry reads as: "summary (22.05.2014 09:00) · CLIENT (id)" (§10.1). */
const entryTitle = (t: TenantTables) =>
  sql<string>`${q(e(t).summary)} || ' (' || to_char(${q(e(t).startDate)}, 'DD.MM.YYYY') || coalesce(' ' || to_char(${q(e(t).startTime)}, 'HH24:MI'), '') || ')' || coalesce(' · ' || ${clientNameOf(t, q(e(t).clientId))}, '')`;
export const entryTitleOf = (t: TenantTables, id: SQL) =>
  sql<string>`(select ${entryTitle(t)} from ${t.calendarEntries} where ${q(t.calendarEntries.id)} = ${id})`;

/**
 * "Close meeting" (§10.2, Welfare): the guests still waiting or with the agent leave now, and an
 * entry without an end time ends now.
 */
async function closeMeeting(tx: Tx, ctx: ResourceCtx, id: string | number): Promise<Changes | void> {
  const t = ctx.handle.t;
  const now = new Date();
  const gone = await tx
    .update(t.calendarGuests)
    .set({
      state: "gone",
      goneSince: now,
      busySince: sql`coalesce(${t.calendarGuests.busySince}, ${now})`,
      version: sql`${t.calendarGuests.version} + 1`,
    })
    .where(and(eq(t.calendarGuests.entryId, Number(id)), inArray(t.calendarGuests.state, GUESTS_STILL_THERE)))
    .returning({ id: t.calendarGuests.id });
  await writeAudit(
    tx,
    t,
    actorOf(ctx.user),
    ...gone.map((g) =>
      rowChange("calendar.guests", "transition.checkout", g.id, { state: { from: null, to: "gone" } }),
    ),
  );
  if (gone.length) await announceWaitingRoom(tx, ctx.handle.tenantId);
  const [ended] = await tx
    .update(t.calendarEntries)
    .set({ endTime: brusselsTimeNow() })
    .where(and(eq(t.calendarEntries.id, Number(id)), isNull(t.calendarEntries.endTime)))
    .returning({ endTime: t.calendarEntries.endTime });
  return ended ? { endTime: { from: null, to: ended.endTime } } : undefined;
}

/** A cancelled entry leaves its series (§10.2: cancelling clears `auto_type`). */
async function leaveSeries(tx: Tx, ctx: ResourceCtx, id: string | number): Promise<Changes | void> {
  const t = ctx.handle.t;
  const [before] = await tx
    .select({ autoType: t.calendarEntries.autoType })
    .from(t.calendarEntries)
    .where(eq(t.calendarEntries.id, Number(id)));
  if (before?.autoType == null) return;
  await tx
    .update(t.calendarEntries)
    .set({ autoType: null })
    .where(eq(t.calendarEntries.id, Number(id)));
  return { autoType: { from: before.autoType, to: null } };
}

const EFFECTS: Record<string, TransitionDef["effect"]> = { close: closeMeeting, cancel: leaveSeries };

/** The declared transitions of a workflow table (workflow.ts), labelled `<prefix>.<name>`, with their effects. */
export const transitionsOf = <S extends string>(
  steps: Step<S>[],
  prefix: string,
  effects: Record<string, TransitionDef["effect"]>,
): TransitionDef[] =>
  steps.map((s) => ({
    name: s.name,
    label: `${prefix}.${s.name}`,
    from: [...s.from],
    to: s.to,
    roles: s.roles,
    ...(s.confirm ? { confirm: true } : {}),
    ...(s.onlyWhen ? { onlyWhen: s.onlyWhen } : {}),
    ...(effects[s.name] ? { effect: effects[s.name] } : {}),
  }));

/**
 * Completes an entry as it is saved (§10.1): a new one is managed by its author unless told, and
 * belongs to its client; a type of one day at most keeps no end date, and no entry lasts longer
 * than its type allows; the client of a type that invites clients is invited.
 */
async function entryBeforeSave(
  tx: Tx,
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  const t = ctx.handle.t;
  const [current] =
    id === undefined
      ? []
      : await tx
          .select({
            typeId: t.calendarEntries.typeId,
            startDate: t.calendarEntries.startDate,
            endDate: t.calendarEntries.endDate,
            clientId: t.calendarEntries.clientId,
            ownerType: t.calendarEntries.ownerType,
            state: t.calendarEntries.state,
          })
          .from(t.calendarEntries)
          .where(eq(t.calendarEntries.id, Number(id)));
  if (id === undefined && values.user === undefined) values.user = ctx.user.id;
  // Any manual save of a suggested entry makes it a draft ("user-modified", §10.2): its series keeps it.
  if (current?.state === "suggested") {
    await tx
      .update(t.calendarEntries)
      .set({ state: "draft" })
      .where(eq(t.calendarEntries.id, Number(id)));
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("calendar.entries", "update", id!, { state: { from: "suggested", to: "draft" } }),
    );
  }
  // An entry of a client belongs to it, unless something else (a contract) generated it.
  if ("client" in values && (current === undefined || current.ownerType === null || current.ownerType === "client"))
    Object.assign(
      values,
      typeof values.client === "number"
        ? { ownerType: "client", ownerId: values.client }
        : { ownerType: null, ownerId: null },
    );
  const typeId = (values.type ?? current?.typeId) as number | null;
  const [type] = typeId
    ? await tx.select({ maxDays: t.entryTypes.maxDays }).from(t.entryTypes).where(eq(t.entryTypes.id, typeId))
    : [];
  if (!type) return;
  if (type.maxDays === 1) {
    if ((values.endDate ?? current?.endDate ?? null) !== null) values.endDate = null;
    return;
  }
  const start = String(values.startDate ?? current?.startDate);
  const end = (values.endDate === undefined ? current?.endDate : values.endDate) as string | null;
  if (type.maxDays > 0 && end) {
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
    if (days > type.maxDays) throw new AppError("ENTRY_TOO_LONG", { days, max: type.maxDays });
  }
}

/**
 * "Update presences" (§10.3) after each save: the suggested guests are created; invited guests no
 * longer suggested go when the type has `fill_presences` (its guests are managed automatically).
 */
async function entryPresences(tx: Tx, ctx: ResourceCtx, id: string | number) {
  await updatePresences(tx, ctx.handle.t, actorOf(ctx.user), [Number(id)], {
    coachOwnerTypes: coachOwnerTypesOf(ctx),
    prune: "fillPresences",
  });
}

/**
 * Calendar entries (§10.1 Event): appointments, meetings, absences. The same list is every entry
 * (Explorer, office staff), the entries of a room and of a type; the lists people start their day
 * with (§10.6) are its variants below.
 */
export const entriesResource = defineResource({
  id: "calendar.entries",
  title: "resources.calendarEntries.title",
  countLabel: "relations.calendarEntries",
  table: e,
  pk: (t) => e(t).id,
  version: (t) => e(t).version,
  fields: {
    id: integer("fields.id", (t) => e(t).id, { editable: false, plain: true, width: 6 }),
    startDate: date("resources.calendarEntries.startDate", (t) => e(t).startDate, { required: true }),
    startTime: timeField("resources.calendarEntries.startTime", (t) => e(t).startTime),
    endDate: date("resources.calendarEntries.endDate", (t) => e(t).endDate),
    endTime: timeField("resources.calendarEntries.endTime", (t) => e(t).endTime),
    type: reference(
      "resources.calendarEntries.type",
      "calendar.entryTypes",
      (t) => e(t).typeId,
      (t) => entryTypeNameOf(t, q(e(t).typeId)),
      { required: true, localized: true },
    ),
    summary: text("resources.calendarEntries.summary", (t) => e(t).summary, { width: 30 }),
    description: longText("fields.description", (t) => e(t).description),
    client: reference(
      "resources.calendarEntries.client",
      "clients.clients",
      (t) => e(t).clientId,
      (t) => clientNameOf(t, q(e(t).clientId)),
      { width: 24 },
    ),
    user: reference(
      "resources.calendarEntries.user",
      "users.users",
      (t) => e(t).userId,
      (t) => userNameOf(t, q(e(t).userId)),
      { choices: activeStaff },
    ),
    assignedTo: reference(
      "resources.calendarEntries.assignedTo",
      "users.users",
      (t) => e(t).assignedToId,
      (t) => userNameOf(t, q(e(t).assignedToId)),
      { choices: activeStaff },
    ),
    room: reference(
      "resources.calendarEntries.room",
      "calendar.rooms",
      (t) => e(t).roomId,
      (t) => roomNameOf(t, q(e(t).roomId)),
      { localized: true },
    ),
    transparent: boolean("resources.entryTypes.transparent", (t) => e(t).transparent),
    ownerType: {
      ...choice("resources.calendarEntries.ownerType", (t) => e(t).ownerType, entryOwnerTypes),
      input: undefined,
    },
    ownerId: { ...integer("resources.calendarEntries.ownerId", (t) => e(t).ownerId), input: undefined },
    autoType: integer("resources.calendarEntries.autoType", (t) => e(t).autoType, { editable: false, width: 4 }),
    state: choice("fields.state", (t) => e(t).state, entryStates, { editable: false, width: 12 }),
    title: { type: "text", label: "resources.calendarEntries.summary", width: 40, sortable: false, expr: entryTitle },
    // The condition of "close meeting" (§10.2): the meeting's day has come.
    hasBegun: {
      type: "boolean",
      label: "resources.calendarEntries.hasBegun",
      sortable: false,
      expr: (t) => sql<boolean>`${lastDay(t)} <= ${TODAY}`,
    },
    createdAt: datetime("fields.createdAt", (t) => e(t).createdAt),
    modifiedAt: datetime("fields.modifiedAt", (t) => e(t).modifiedAt),
  },
  columns: ["startDate", "startTime", "client", "type", "summary", "user", "room", "state"],
  hiddenColumns: ["id", "endDate", "endTime", "assignedTo", "autoType", "modifiedAt"],
  titleField: "title",
  filters: {
    type: {
      label: "resources.calendarEntries.type",
      widget: "ref",
      ref: "calendar.entryTypes",
      schema: z.number().int(),
      where: (v: number, t) => eq(e(t).typeId, v),
    },
    user: {
      label: "resources.calendarEntries.user",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t) => eq(e(t).userId, v),
    },
    state: filters.choice("fields.state", entryStates, (t) => e(t).state),
    period: filters.dateRange("resources.calendarEntries.period", (t) => e(t).startDate),
  },
  search: (text, t) => matches(e(t).summary, likePattern(text)),
  searchRank: 60,
  defaultSort: [
    { field: "startDate", dir: "desc" },
    { field: "startTime", dir: "desc" },
  ],
  // Lino's cal.Entries: the agents and the reception plan entries; every entry of the centre (Explorer) is office staff's.
  access: { view: CALENDAR_ROLES, create: CALENDAR_ROLES, edit: CALENDAR_ROLES, listAll: ["OfficeStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["startDate", "startTime", "endDate", "endTime", "type", "summary"] },
        { fields: ["client", "user", "assignedTo", "room", "transparent"] },
        { fields: ["description"] },
      ],
      slaves: [{ resource: "calendar.guests", label: "resources.calendarGuests.title", masterField: "entry" }],
    },
    {
      key: "more",
      label: "resources.tabs.more",
      groups: [{ fields: ["id", "ownerType", "ownerId", "autoType", "createdAt", "modifiedAt"] }],
    },
  ],
  insert: {
    fields: ["startDate", "startTime", "endDate", "endTime", "type", "summary", "client", "user", "assignedTo", "room"],
    defaults: () => ({ startDate: belgianToday(), startTime: brusselsTimeNow().slice(0, 5) }),
  },
  normalize: (v) => ({
    ...v,
    ...("startTime" in v ? { startTime: withSeconds(v.startTime) } : {}),
    ...("endTime" in v ? { endTime: withSeconds(v.endTime) } : {}),
  }),
  derive: () => ({ modifiedAt: new Date() }),
  beforeSave: entryBeforeSave,
  afterSave: entryPresences,
  workflow: { field: "state", transitions: transitionsOf(ENTRY_STEPS, "workflow.entry", EFFECTS) },
  actions: [moveToNextAction, updatePresencesAction, moveToAgentAction],
});

const variant = (
  id: string,
  title: string,
  scope: NonNullable<ResourceDef["scope"]>,
  over: Partial<ResourceDef> = {},
): ResourceDef => ({
  ...entriesResource,
  id,
  title,
  scope,
  access: { view: CALENDAR_ROLES, create: CALENDAR_ROLES, edit: CALENDAR_ROLES },
  variantOf: entriesResource.id,
  // Lists of what was planned elsewhere (on the client's calendar, a room, a type): an entry created
  // or edited here would leave them as soon as its date or type changes.
  insert: undefined,
  ...over,
});
const mine = (t: TenantTables, ctx: ResourceCtx) => eq(e(t).userId, ctx.user.id);
const onlyOfficeUsers = {
  view: ["OfficeUser" as const],
  create: ["OfficeUser" as const],
  edit: ["OfficeUser" as const],
};

/** My appointments (§10.6, OfficeUser): my appointment entries from today on. */
export const myAppointmentsResource = variant(
  "calendar.myAppointments",
  "resources.calendarEntries.mine",
  (t, ctx) => and(mine(t, ctx), isAppointment(t), sql`${q(e(t).startDate)} >= ${TODAY}`),
  {
    access: onlyOfficeUsers,
    columns: ["startDate", "startTime", "client", "type", "summary", "state"],
    defaultSort: [
      { field: "startDate", dir: "asc" },
      { field: "startTime", dir: "asc" },
    ],
  },
);

/** Appointments today (§10.6 EntriesByDay): everybody's appointment entries of the day. */
export const todayResource = variant(
  "calendar.today",
  "resources.calendarEntries.today",
  (t) => and(isAppointment(t), sql`${q(e(t).startDate)} = ${TODAY}`)!,
  {
    columns: ["startTime", "client", "summary", "user", "assignedTo", "type", "room", "state"],
    defaultSort: [{ field: "startTime", dir: "asc" }],
  },
);

/** My unconfirmed appointments (§10.6): my suggested or draft entries within two weeks of today. */
export const myUnconfirmedResource = variant(
  "calendar.myUnconfirmed",
  "resources.calendarEntries.unconfirmed",
  (t, ctx) => and(mine(t, ctx), unstable(t), sql`${q(e(t).startDate)} between ${TODAY} - 14 and ${TODAY} + 14`),
  {
    access: onlyOfficeUsers,
    columns: ["startDate", "startTime", "client", "type", "summary", "state"],
    defaultSort: [
      { field: "startDate", dir: "asc" },
      { field: "startTime", dir: "asc" },
    ],
  },
);

const overdue = (t: TenantTables) => and(isAppointment(t), unstable(t), sql`${lastDay(t)} < ${TODAY}`)!;
/** My overdue appointments (§10.6): my appointments still suggested or draft after their day. */
export const myOverdueResource = variant(
  "calendar.myOverdue",
  "resources.calendarEntries.myOverdue",
  (t, ctx) => and(mine(t, ctx), overdue(t)),
  { access: onlyOfficeUsers, columns: ["startDate", "startTime", "client", "type", "summary", "state"] },
);

/** Overdue appointments (§10.6, office staff): everybody's. */
export const overdueResource = variant("calendar.overdue", "resources.calendarEntries.overdue", overdue, {
  access: { view: ["OfficeStaff"], create: ["OfficeStaff"], edit: ["OfficeStaff"] },
  columns: ["startDate", "startTime", "client", "type", "summary", "user", "state"],
});

/**
 * A client's calendar (§10.6, the client's Calendar tab): the entries whose client it is and those
 * it is a guest of, newest first; a new entry there is the client's.
 */
export const byClientResource: ResourceDef = {
  ...entriesResource,
  id: "calendar.byClient",
  title: "resources.calendarEntries.byClient",
  // Only on the client's detail.
  access: { view: CALENDAR_ROLES, create: CALENDAR_ROLES, edit: CALENDAR_ROLES, listAll: [] },
  variantOf: entriesResource.id,
  columns: ["startDate", "startTime", "type", "summary", "user", "state"],
  fields: {
    ...entriesResource.fields,
    client: {
      ...entriesResource.fields.client!,
      masterWhere: (t, value) =>
        sql`(${q(e(t).clientId)} = ${value} or exists (select 1 from ${t.calendarGuests} where ${q(t.calendarGuests.entryId)} = ${q(e(t).id)} and ${q(t.calendarGuests.partnerId)} = ${value}))`,
    },
  },
};
