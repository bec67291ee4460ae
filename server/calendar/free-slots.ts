/**
 * Finding a date (issue 15 §5, beyond Lino's "Find date" that only opened the agent's calendar):
 * the next free slots of one agent, or of any of a client's coaches, and booking one of them as an
 * appointment with the client invited. The slots themselves are computed by a pure function
 * (rules/free-slots.ts); this module reads what it needs.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { belgianToday, brusselsWallClock } from "@/lib/format";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { addMinutes, busyEntries, DEFAULT_ENTRY_MINUTES, takesTimeOf } from "./busy";
import { assertPlanner, createFromSlot } from "./planner";
import {
  DEFAULT_WORKING_HOURS,
  freeSlots,
  minutesOf,
  saturated,
  type FreeSlot,
  type WorkingPeriod,
} from "./rules/free-slots";

type Tx = TenantHandle["db"];

/** Each user's working periods: their own rows, else the default week. */
async function workingHoursOf(tx: Tx, t: TenantHandle["t"], userIds: number[]) {
  const rows = userIds.length
    ? await tx.select().from(t.workingHours).where(inArray(t.workingHours.userId, userIds))
    : [];
  return new Map<number, readonly WorkingPeriod[]>(
    userIds.map((id) => {
      const own = rows.filter((r) => r.userId === id);
      return [
        id,
        own.length
          ? own.map((r) => ({ weekday: r.weekday, start: minutesOf(r.startTime), end: minutesOf(r.endTime) }))
          : DEFAULT_WORKING_HOURS,
      ];
    }),
  );
}

export const findInput = z.object({
  client: z.number().int().positive(),
  /** One agent; absent: any of the client's coaches (active coachings today). */
  user: z.number().int().positive().optional(),
  type: z.number().int().positive(),
  room: z.number().int().positive().nullable().default(null),
  /** Minutes; the type's default duration (else 30) when absent. */
  duration: z.number().int().min(5).max(600).optional(),
  /** First day to look at: today unless told. */
  from: z.iso.date().optional(),
  weeks: z.number().int().min(1).max(8).default(4),
  limit: z.number().int().min(1).max(50).default(10),
});

export const slotOutput = z.object({
  user: z.number(),
  userName: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
});

/** The client's coaches today (§8: active coachings), by name; none for a newcomer. */
export async function coachesOf(tx: Tx, t: TenantHandle["t"], clientId: number, today: string) {
  return tx
    .selectDistinct({ id: t.coachings.userId, name: userNameOf(t, q(t.coachings.userId)) })
    .from(t.coachings)
    .where(
      and(
        eq(t.coachings.clientId, clientId),
        lte(t.coachings.startDate, today),
        or(isNull(t.coachings.endDate), gte(t.coachings.endDate, today)),
      ),
    );
}

/** The appointment types a slot can be booked with: appointments that invite their client (§10.1 `invite_client`). */
async function bookableType(tx: Tx, t: TenantHandle["t"], typeId: number) {
  const [type] = await tx.select().from(t.entryTypes).where(eq(t.entryTypes.id, typeId));
  if (!type) throw new AppError("NOT_FOUND");
  if (!type.isAppointment || !type.inviteClient) throw new AppError("PLANNER_TYPE_NOT_BOOKABLE");
  return type;
}

async function assertClient(tx: Tx, t: TenantHandle["t"], clientId: number) {
  const [client] = await tx
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(and(eq(t.partners.id, clientId), eq(t.partners.isClient, true)));
  if (!client) throw new AppError("NOT_FOUND");
}

/**
 * The next free slots, earliest first, of the agent or of any of the client's coaches: within the
 * agent's working hours, from now on, on no holiday, overlapping none of the agent's entries that
 * take time (absences included), nor a full room; on a day where the agent already has as many
 * entries of the type as it allows at once (`max_conflicting` > 1, e.g. 4 evaluations a day), none.
 */
export async function proposeSlots(ctx: ResourceCtx, input: z.infer<typeof findInput>) {
  assertPlanner(ctx);
  const { db, t } = ctx.handle;
  const today = belgianToday();
  const from = input.from && input.from > today ? input.from : today;
  const days = input.weeks * 7;
  const to = addMinutes(from, "00:00", (days - 1) * 1440).slice(0, 10);
  // Independent look-ups, side by side: fewer round trips before the slots are computed.
  const [, type, agents] = await Promise.all([
    assertClient(db, t, input.client),
    bookableType(db, t, input.type),
    input.user
      ? db
          .select({ id: t.users.id, name: sql<string>`trim(${t.users.firstName} || ' ' || ${t.users.lastName})` })
          .from(t.users)
          .where(and(eq(t.users.id, input.user), eq(t.users.active, true)))
      : coachesOf(db, t, input.client, today),
  ]);
  if (input.user && agents.length === 0) throw new AppError("NOT_FOUND");
  const ids = agents.map((a) => a.id);
  const [stretches, hours] = await Promise.all([
    busyEntries(db, t, { users: ids, room: input.room, from, to }),
    workingHoursOf(db, t, ids),
  ]);
  const holidays = stretches.filter((s) => s.kind === "holiday");
  const roomFull = input.room
    ? saturated(
        stretches.filter((s) => s.roomId === input.room),
        type.maxConflicting,
      )
    : [];
  const now = brusselsWallClock(new Date()).toISOString().slice(0, 16);
  const duration = input.duration ?? type.defaultDuration ?? DEFAULT_ENTRY_MINUTES;
  const slots: (FreeSlot & { user: number; userName: string })[] = [];
  for (const agent of agents) {
    const own = stretches.filter((s) => s.kind !== "holiday" && takesTimeOf(s, agent.id));
    const closedDays = new Set<string>();
    if (type.maxConflicting > 1) {
      const perDay = new Map<string, number>();
      for (const s of own.filter((s) => s.typeId === type.id))
        perDay.set(s.start.slice(0, 10), (perDay.get(s.start.slice(0, 10)) ?? 0) + 1);
      for (const [day, n] of perDay) if (n >= type.maxConflicting) closedDays.add(day);
    }
    const found = freeSlots({
      from,
      days,
      duration,
      notBefore: now,
      limit: input.limit,
      workingHours: hours.get(agent.id)!,
      closedDays,
      busy: [...own, ...holidays, ...roomFull],
    });
    slots.push(...found.map((s) => ({ ...s, user: agent.id, userName: agent.name })));
  }
  return slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.user - b.user).slice(0, input.limit);
}

export const bookInput = z.object({
  client: z.number().int().positive(),
  user: z.number().int().positive(),
  type: z.number().int().positive(),
  room: z.number().int().positive().nullable().default(null),
  date: z.iso.date(),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  summary: z.string().max(200).default(""),
});

/**
 * Books a proposed slot: an appointment of the agent with the client, who is invited (the type
 * invites its client). Refused when the slot was taken meanwhile (PLANNER_SLOT_TAKEN).
 */
export async function bookSlot(ctx: ResourceCtx, input: z.infer<typeof bookInput>) {
  assertPlanner(ctx);
  const { db, t } = ctx.handle;
  if (input.end <= input.start) throw new AppError("INVALID_INPUT", { field: "end" });
  await assertClient(db, t, input.client);
  await bookableType(db, t, input.type);
  const start = `${input.date}T${input.start}`;
  const end = `${input.date}T${input.end}`;
  const busy = await busyEntries(db, t, { users: [input.user], from: input.date, to: input.date });
  const taken = busy.some((s) => takesTimeOf(s, input.user) && s.start < end && s.end > start);
  if (taken) throw new AppError("PLANNER_SLOT_TAKEN");
  return createFromSlot(ctx, {
    startDate: input.date,
    startTime: input.start,
    endDate: null,
    endTime: input.end,
    type: input.type,
    summary: input.summary,
    client: input.client,
    user: input.user,
    room: input.room,
  });
}

export interface FindDatePanel {
  client: number;
  coaches: { id: number; name: string }[];
}

/**
 * Panel "Find a date" of a client's file (§11 "Agents by client", [Find date]): the client's
 * coaches today, each opening the search with that agent, and the search with any of them.
 */
export async function findDatePanel(ctx: ResourceCtx, clientId: number): Promise<FindDatePanel> {
  const { db, t } = ctx.handle;
  return { client: clientId, coaches: await coachesOf(db, t, clientId, belgianToday()) };
}
