/**
 * The planners (issue 15 §4, domain-people §10.6 "calendar panel"): the entries of a range of days
 * for a set of agents or rooms, as the viewer may see them, and creating, moving and resizing
 * entries from the planner. Creating and moving go through the declared resource `calendar.entries`
 * (server/calendar/entries.ts), so that its rules, its audit and its version check apply alike.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { LocalizedText } from "@/db/control/schema";
import type { TenantTables } from "@/db/tenant/tables";
import { localized } from "@/server/i18n/locale";
import { clientNameOf } from "@/server/clients/sql";
import { AppError } from "@/server/errors";
import type { ActionDef, ResourceCtx, ResourceDef } from "@/server/resources/define";
import { rowKey } from "@/server/resources/fields";
import { createRow, updateRow } from "@/server/resources/service";
import { USER_TYPES, hasRole } from "@/server/auth/user-types";
import { activeStaff } from "@/server/users/sql";
import { CALENDAR_ROLES } from "./workflow";

/** User types with a calendar of their own (OfficeUser, §1.3): the agents a planner shows. */
export const CALENDAR_TYPES = USER_TYPES.filter((type) => hasRole(type, "OfficeUser"));

/** Who uses the planners: the agents (OfficeUser) and the reception (OfficeOperator), who see each other's calendars (§1.3). */
export function assertPlanner(ctx: Pick<ResourceCtx, "user">) {
  if (!CALENDAR_ROLES.some((r) => ctx.user.roles.has(r))) throw new AppError("FORBIDDEN");
}

const isoDate = z.iso.date();
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** The longest range a planner asks for: a month view shows six weeks. */
const MAX_RANGE_DAYS = 43;

export const rangeInput = z
  .object({
    from: isoDate,
    /** The last day shown (inclusive). */
    to: isoDate,
    users: z.array(z.number().int().positive()).max(30).default([]),
    rooms: z.array(z.number().int().positive()).max(30).default([]),
  })
  .refine((v) => v.to >= v.from && (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: "range",
    path: ["to"],
  });
export type RangeInput = z.infer<typeof rangeInput>;

export const plannerEntry = z.object({
  id: z.number(),
  version: z.number(),
  userId: z.number().nullable(),
  roomId: z.number().nullable(),
  startDate: z.string(),
  startTime: z.string().nullable(),
  endDate: z.string().nullable(),
  endTime: z.string().nullable(),
  /** Empty when only "busy" may be shown. */
  summary: z.string(),
  clientId: z.number().nullable(),
  clientName: z.string().nullable(),
  type: z.string().nullable(),
  plannerColumn: z.enum(["internal", "external"]).nullable(),
  state: z.string(),
  /** A colleague's private entry: the planner shows "busy" and nothing else (§10.1 access class). */
  busyOnly: z.boolean(),
  /** Holidays and other entries that lock every room and every agent. */
  allRooms: z.boolean(),
  /** Whether this viewer may move or resize it. */
  editable: z.boolean(),
  /** The agents asked for who are its guests (through their person record, §10.3): it shows in their calendars too. */
  guestOf: z.array(z.number()),
});
export type PlannerEntry = z.infer<typeof plannerEntry>;

type RawEntry = Omit<PlannerEntry, "busyOnly" | "editable" | "type" | "plannerColumn" | "guestOf"> & {
  guestOf: number[] | null;
  typeNames: LocalizedText | null;
  plannerColumn: string | null;
  private: boolean;
};

/** The SQL of the range query (also run raw by the bench, beside the procedure). */
export function rangeSql(t: TenantTables, input: RangeInput) {
  const e = t.calendarEntries;
  const users = input.users.length ? input.users : [0];
  const rooms = input.rooms.length ? input.rooms : [0];
  // Each branch of the condition is one index scan (no branch may fall back to reading the table):
  // the agents' entries that begin in the range (user, start date), their entries of several days that
  // began before it (partial index on user, end date), the rooms' (room, start date), and the holidays,
  // which lock everyone, among the centre's entries of the range (start date).
  const begins = sql`${e.startDate} between ${input.from} and ${input.to}`;
  return sql`
    select ${e.id} as "id", ${e.version} as "version", ${e.userId} as "userId", ${e.roomId} as "roomId",
      to_char(${e.startDate}, 'YYYY-MM-DD') as "startDate", to_char(${e.startTime}, 'HH24:MI') as "startTime",
      to_char(${e.endDate}, 'YYYY-MM-DD') as "endDate", to_char(${e.endTime}, 'HH24:MI') as "endTime",
      ${e.summary} as "summary", ${e.clientId} as "clientId",
      ${clientNameOf(t, e.clientId)} as "clientName",
      ${t.entryTypes.names} as "typeNames", ${t.entryTypes.plannerColumn} as "plannerColumn",
      ${e.state} as "state", coalesce(${t.entryTypes.allRooms}, false) as "allRooms",
      (coalesce(${t.entryTypes.ref}, '') = 'private' or coalesce(${t.users.accessClass}, 'public') <> 'public') as "private",
      array(select gu.id from ${t.calendarGuests} g join ${t.users} gu on gu.partner_id = g.partner_id
        where g.entry_id = ${e.id} and gu.id in ${users}) as "guestOf"
    from ${e}
    left join ${t.entryTypes} on ${t.entryTypes.id} = ${e.typeId}
    left join ${t.users} on ${t.users.id} = ${e.userId}
    where ${e.state} <> 'cancelled' and (
      (${e.userId} in ${users} and ${begins})
      or (${begins} and ${e.id} in (select g.entry_id from ${t.calendarGuests} g join ${t.users} gu
        on gu.partner_id = g.partner_id where gu.id in ${users}))
      or (${e.userId} in ${users} and ${e.endDate} is not null and ${e.endDate} >= ${input.from} and ${e.startDate} < ${input.from})
      or (${e.roomId} in ${rooms} and ${begins})
      or (${begins} and ${e.typeId} in (select ${t.entryTypes.id} from ${t.entryTypes} where ${t.entryTypes.allRooms}))
    )
    order by ${e.startDate}, ${e.startTime} nulls first, ${e.id}`;
}

/**
 * The entries of the days `from`–`to` managed by one of `users` or in one of `rooms`, and the
 * holidays. A colleague's entry of a private type, or of a colleague who keeps his calendar private
 * or "busy" (the user's access class), reads as busy, without its summary, client or type.
 */
export async function plannerRange(ctx: ResourceCtx, input: RangeInput): Promise<PlannerEntry[]> {
  assertPlanner(ctx);
  const rows = await ctx.handle.db.execute<RawEntry>(rangeSql(ctx.handle.t, input));
  const me = ctx.user.id;
  const frontOffice = ctx.user.roles.has("OfficeOperator");
  return rows.rows.map(({ typeNames, private: isPrivate, plannerColumn, guestOf, ...row }) => {
    const busyOnly = isPrivate && row.userId !== me;
    return {
      ...row,
      summary: busyOnly ? "" : row.summary,
      clientId: busyOnly ? null : row.clientId,
      clientName: busyOnly ? null : row.clientName,
      type: busyOnly || !typeNames ? null : localized(typeNames, ctx.locale),
      plannerColumn: plannerColumn === "internal" || plannerColumn === "external" ? plannerColumn : null,
      busyOnly,
      editable: !busyOnly && !row.allRooms && (row.userId === me || frontOffice),
      guestOf: (guestOf ?? []).map(Number),
    };
  });
}

const entriesDef = (ctx: ResourceCtx): ResourceDef => ctx.registry.resources.get("calendar.entries")!;

export const moveInput = z.object({
  id: z.number().int().positive(),
  version: z.number().int(),
  startDate: isoDate,
  startTime: wallTime.nullable(),
  endDate: isoDate.nullable(),
  endTime: wallTime.nullable(),
  /** Dropped on another agent's column of the team planner: the entry passes to that agent. */
  user: z.number().int().positive().optional(),
});

/** The entry as a move or a reassignment reads it. */
async function movedEntry(ctx: ResourceCtx, id: number) {
  const { db, t } = ctx.handle;
  const [entry] = (
    await db.execute<{ userId: number | null; private: boolean; allRooms: boolean }>(sql`
      select ${t.calendarEntries.userId} as "userId", coalesce(${t.entryTypes.allRooms}, false) as "allRooms",
        (coalesce(${t.entryTypes.ref}, '') = 'private' or coalesce(${t.users.accessClass}, 'public') <> 'public') as "private"
      from ${t.calendarEntries}
      left join ${t.entryTypes} on ${t.entryTypes.id} = ${t.calendarEntries.typeId}
      left join ${t.users} on ${t.users.id} = ${t.calendarEntries.userId}
      where ${t.calendarEntries.id} = ${id}`)
  ).rows;
  if (!entry) throw new AppError("NOT_FOUND");
  return entry;
}

/**
 * Whether the viewer may give the entry to `user` (drag across agents, "Move to agent…"): his own
 * entry, or any agent's for the reception (OfficeOperator, §1.3), never a holiday nor a colleague's
 * private entry; the new agent is an active staff member with a calendar (OfficeUser).
 */
async function assertReassign(ctx: ResourceCtx, entry: Awaited<ReturnType<typeof movedEntry>>, user: number) {
  const own = entry.userId === ctx.user.id;
  if (entry.allRooms || (!own && (entry.private || !ctx.user.roles.has("OfficeOperator"))))
    throw new AppError("PLANNER_REASSIGN_FORBIDDEN");
  const { db, t } = ctx.handle;
  const [agent] = await db
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users.id, user), activeStaff(t), inArray(t.users.userType, CALENDAR_TYPES)));
  if (!agent) throw new AppError("INVALID_INPUT", { field: "user" });
}

/**
 * "Move to agent…" (the keyboard's way of dragging an entry to another agent's column): the entry
 * passes to `user`, through the resource (version check, audit, the entry's rules).
 */
export async function reassignEntry(ctx: ResourceCtx, id: number, version: number | undefined, user: number) {
  assertPlanner(ctx);
  const entry = await movedEntry(ctx, id);
  await assertReassign(ctx, entry, user);
  if (entry.userId === user) return;
  const def = entriesDef(ctx);
  const current =
    version ??
    Number(
      (
        await ctx.handle.db
          .select({ v: ctx.handle.t.calendarEntries.version })
          .from(ctx.handle.t.calendarEntries)
          .where(eq(ctx.handle.t.calendarEntries.id, id))
      )[0]?.v,
    );
  await updateRow(ctx, def, id, current, { user });
}

/**
 * Moves or resizes an entry (drag and drop, or the keyboard): the viewer's own entries, and any
 * agent's for the reception (OfficeOperator acts on others' entries, §1.3); never a colleague's
 * private entry nor a holiday. A stale version is refused (STALE_EDIT) and the change is audited.
 */
export async function moveEntry(ctx: ResourceCtx, input: z.infer<typeof moveInput>) {
  assertPlanner(ctx);
  const entry = await movedEntry(ctx, input.id);
  const { id, version, user, ...when } = input;
  const reassign = user !== undefined && user !== entry.userId;
  // Dropped on another agent's column: reassigning is refused with its own message.
  if (reassign) await assertReassign(ctx, entry, user);
  const own = entry.userId === ctx.user.id;
  if (entry.allRooms || (!own && (entry.private || !ctx.user.roles.has("OfficeOperator"))))
    throw new AppError("FORBIDDEN");
  return updateRow(ctx, entriesDef(ctx), id, version, reassign ? { ...when, user } : when);
}

export const createInput = z.object({
  startDate: isoDate,
  startTime: wallTime.nullable(),
  endDate: isoDate.nullable(),
  endTime: wallTime.nullable(),
  type: z.number().int().positive(),
  summary: z.string().max(200).default(""),
  client: z.number().int().positive().nullable().default(null),
  /** Whose calendar: oneself unless told (the reception plans for the agents). */
  user: z.number().int().positive().optional(),
  room: z.number().int().positive().nullable().default(null),
});

/**
 * Creates an entry from a slot selected in a planner. An agent creates in his own calendar; the
 * reception (OfficeOperator) in any agent's.
 */
export async function createFromSlot(ctx: ResourceCtx, input: z.infer<typeof createInput>) {
  assertPlanner(ctx);
  const user = input.user ?? ctx.user.id;
  if (user !== ctx.user.id && !ctx.user.roles.has("OfficeOperator")) throw new AppError("FORBIDDEN");
  return createRow(ctx, entriesDef(ctx), { ...input, user });
}

/** "Move to agent…" on an entry (§10.6 planners): the keyboard alternative to dragging it to another agent's column. */
export const moveToAgentAction: ActionDef = {
  name: "moveToAgent",
  label: "planner.moveToAgent",
  roles: CALENDAR_ROLES,
  params: {
    user: {
      type: "ref",
      label: "resources.calendarEntries.user",
      expr: () => sql`null`,
      input: rowKey,
      required: true,
      ref: {
        resource: "users.users",
        display: () => sql`null`,
        choices: (t) => and(activeStaff(t), inArray(t.users.userType, CALENDAR_TYPES)),
      },
    },
  },
  run: (ctx, id, params, version) => reassignEntry(ctx, Number(id), version, Number(params.user)),
};
