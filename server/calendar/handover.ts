import { and, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { notify } from "@/server/notify/emit";
import type { ActionDef, PanelDef, ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { userNameOf } from "@/server/users/sql";
import { qualified as q } from "@/server/resources/query";
import { TODAY } from "./entries";

type Db = TenantHandle["db"];

/** Entries still to come and tasks still open: what a new coach takes over (issue 15 §8). */
const OPEN_ENTRY_STATES = ["suggested", "draft", "published"];
const OPEN_TASK_STATES = ["todo", "important", "started"];

/**
 * The coaching that follows an ended one: the same client and service, another coach, starting no
 * earlier and not ended before today; the latest such if several.
 */
async function successorOf(db: Db, t: TenantTables, coaching: TenantTables["coachings"]["$inferSelect"]) {
  const c = t.coachings;
  const [next] = await db
    .select({ id: c.id, userId: c.userId, startDate: c.startDate, name: userNameOf(t, q(c.userId)) })
    .from(c)
    .where(
      and(
        eq(c.clientId, coaching.clientId),
        sql`${c.coachingTypeId} is not distinct from ${coaching.coachingTypeId}`,
        ne(c.userId, coaching.userId),
        ne(c.id, coaching.id),
        sql`${c.startDate} >= ${coaching.startDate}`,
        sql`(${c.endDate} is null or ${c.endDate} >= ${TODAY})`,
      ),
    )
    .orderBy(sql`${c.startDate} desc`, sql`${c.id} desc`)
    .limit(1);
  return next ?? null;
}

/**
 * What would move from the ended coaching's coach to the successor's: the generated (automatic)
 * entries of the client from the day the successor took over (and not before today), and the open
 * automatic tasks about the client. Null with the reason when there is nothing to hand over.
 */
async function handOverPlan(db: Db, t: TenantTables, coachingId: number, lock = false) {
  const [coaching] = await db.select().from(t.coachings).where(eq(t.coachings.id, coachingId));
  if (!coaching) throw new AppError("NOT_FOUND");
  if (!coaching.endDate) return { reason: "notEnded" as const };
  const successor = await successorOf(db, t, coaching);
  if (!successor) return { reason: "noSuccessor" as const };
  const e = t.calendarEntries;
  const entriesQuery = db
    .select({
      id: e.id,
      date: e.startDate,
      time: sql<string | null>`to_char(${e.startTime}, 'HH24:MI')`,
      summary: e.summary,
    })
    .from(e)
    .where(
      and(
        eq(e.userId, coaching.userId),
        isNotNull(e.autoType),
        inArray(e.state, OPEN_ENTRY_STATES),
        sql`${e.startDate} >= greatest(${TODAY}, ${successor.startDate}::date)`,
        or(
          eq(e.clientId, coaching.clientId),
          and(eq(e.ownerType, "client"), eq(e.ownerId, coaching.clientId)),
          and(eq(e.ownerType, "coaching"), eq(e.ownerId, coaching.id)),
        ),
      ),
    )
    .orderBy(e.startDate, e.startTime, e.id);
  const k = t.tasks;
  const tasksQuery = db
    .select({ id: k.id, date: k.startDate, summary: k.summary })
    .from(k)
    .where(
      and(
        eq(k.userId, coaching.userId),
        eq(k.ownerType, "client"),
        eq(k.ownerId, coaching.clientId),
        isNotNull(k.autoType),
        inArray(k.state, OPEN_TASK_STATES),
      ),
    )
    .orderBy(k.startDate, k.id);
  const [entries, tasks] = lock
    ? [await entriesQuery.for("update"), await tasksQuery.for("update")]
    : await Promise.all([entriesQuery, tasksQuery]);
  return { reason: null, coaching, successor, entries, tasks };
}

export interface HandOverPanel {
  reason: "notEnded" | "noSuccessor" | null;
  to: string | null;
  entries: { id: number; date: string; time: string | null; summary: string }[];
  tasks: { id: number; date: string; summary: string }[];
}

/** On an ended coaching: what "Hand over" would move, and to whom, listed before anyone confirms. */
export const handOverPanel: PanelDef = {
  key: "handOver",
  label: "handover.panel",
  roles: ["CoachingsUser"],
  load: async (ctx, id): Promise<HandOverPanel> => {
    const plan = await handOverPlan(ctx.handle.db, ctx.handle.t, id);
    if (plan.reason) return { reason: plan.reason, to: null, entries: [], tasks: [] };
    return { reason: null, to: plan.successor.name, entries: plan.entries, tasks: plan.tasks };
  },
};

/**
 * "Hand over" (issue 15 §8): the listed entries and tasks pass to the new coach, all in one
 * transaction or none, each change audited; the new coach is told.
 */
export const handOverAction: ActionDef = {
  name: "handOver",
  label: "handover.action",
  roles: ["CoachingsUser"],
  confirm: true,
  run: async (ctx, id) => {
    await ctx.handle.db.transaction(async (tx) => moveAll(tx as never, ctx, Number(id)));
  },
};

async function moveAll(tx: Db, ctx: ResourceCtx, coachingId: number) {
  const { t } = ctx.handle;
  const plan = await handOverPlan(tx, t, coachingId, true);
  if (plan.reason) throw new AppError("INVALID_INPUT", { messageKey: `handover.errors.${plan.reason}` });
  const { coaching, successor, entries, tasks } = plan;
  if (entries.length + tasks.length === 0)
    throw new AppError("INVALID_INPUT", { messageKey: "handover.errors.nothing" });
  const from = coaching.userId;
  const to = successor.userId;
  const who = actorOf(ctx.user);
  const moved = { user: { from, to } };
  if (entries.length) {
    const ids = entries.map((e) => e.id);
    await tx
      .update(t.calendarEntries)
      .set({ userId: to, modifiedAt: sql`now()`, version: sql`${t.calendarEntries.version} + 1` })
      .where(inArray(t.calendarEntries.id, ids));
    await writeAudit(tx, t, who, ...ids.map((id) => rowChange("calendar.entries", "update", id, moved)));
  }
  if (tasks.length) {
    const ids = tasks.map((k) => k.id);
    await tx
      .update(t.tasks)
      .set({ userId: to, modifiedAt: sql`now()`, version: sql`${t.tasks.version} + 1` })
      .where(inArray(t.tasks.id, ids));
    await writeAudit(tx, t, who, ...ids.map((id) => rowChange("calendar.tasks", "update", id, moved)));
  }
  await writeAudit(
    tx,
    t,
    who,
    rowChange("coachings.coachings", "action.handOver", coachingId, {
      to: { from: null, to },
      entries: { from: null, to: entries.map((e) => e.id) },
      tasks: { from: null, to: tasks.map((k) => k.id) },
    }),
  );
  const [client] = await tx
    .select({ name: sql<string>`trim(${t.partners.firstName} || ' ' || ${t.partners.lastName})` })
    .from(t.partners)
    .where(eq(t.partners.id, coaching.clientId));
  await notify(tx, ctx.handle, ctx.user.id, [to], {
    type: "coachings",
    owner: { type: "client", id: coaching.clientId },
    compose: (tr) => ({
      subject: tr("handover.notice", { client: client?.name ?? "", entries: entries.length, tasks: tasks.length }),
    }),
  });
}
