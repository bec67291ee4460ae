import { and, eq, ne, sql } from "drizzle-orm";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { belgianToday } from "@/lib/format";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { activeStaff } from "@/server/users/sql";

/** The saving rules of a coaching (domain-people §8), run in the saving transaction. */

type Tx = TenantHandle["db"];
type Values = Record<string, unknown>;

const auditUpdate = (tx: Tx, ctx: ResourceCtx, id: number, changes: Changes) =>
  writeAudit(tx, ctx.handle.t, actorOf(ctx.user), rowChange("coachings.coachings", "update", id, changes));

/**
 * A termination reason tied to a service ends only coachings of that service; given without an
 * end date, the coaching ends today. On an edit, what is not sent is read from the row.
 */
async function endingRules(tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values) {
  const t = ctx.handle.t;
  if (!("ending" in values) && !("coachingType" in values)) return;
  const [before] =
    id === undefined
      ? []
      : await tx
          .select({
            coachingType: t.coachings.coachingTypeId,
            ending: t.coachings.endingId,
            endDate: t.coachings.endDate,
          })
          .from(t.coachings)
          .where(eq(t.coachings.id, Number(id)));
  const now = <K extends "coachingType" | "ending" | "endDate">(key: K) =>
    (key in values ? values[key] : before?.[key]) ?? null;
  const ending = now("ending");
  if (ending === null) return;
  const [reason] = await tx
    .select({ coachingType: t.coachingEndings.coachingTypeId })
    .from(t.coachingEndings)
    .where(eq(t.coachingEndings.id, Number(ending)));
  if (!reason) throw new AppError("INVALID_INPUT", { field: "ending" });
  if (reason.coachingType !== null && reason.coachingType !== now("coachingType"))
    throw new AppError("COACHING_ENDING_OF_OTHER_SERVICE");
  if ("ending" in values && now("endDate") === null) {
    values.endDate = belgianToday();
    // The generic edit audited what the user sent; the date set here is audited on its own.
    if (id !== undefined)
      await auditUpdate(tx, ctx, Number(id), { endDate: { from: before?.endDate ?? null, to: values.endDate } });
  }
}

/** The single-primary rule: making one coaching primary makes the client's other ones secondary. */
async function singlePrimary(tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values) {
  if (values.primary !== true) return;
  const t = ctx.handle.t;
  const clientId =
    values.client ??
    (
      await tx
        .select({ c: t.coachings.clientId })
        .from(t.coachings)
        .where(eq(t.coachings.id, Number(id)))
    )[0]?.c;
  const demoted = await tx
    .update(t.coachings)
    .set({ primary: false, version: sql`${t.coachings.version} + 1` })
    .where(
      and(
        eq(t.coachings.clientId, Number(clientId)),
        eq(t.coachings.primary, true),
        id === undefined ? undefined : ne(t.coachings.id, Number(id)),
      ),
    )
    .returning({ id: t.coachings.id });
  for (const row of demoted) await auditUpdate(tx, ctx, row.id, { primary: { from: true, to: false } });
}

/** A new coaching given no service takes the coach's own service (the user's "coaching type"). */
async function serviceOfCoach(tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values) {
  if (id !== undefined || (values.coachingType ?? null) !== null || typeof values.user !== "number") return;
  const t = ctx.handle.t;
  const [coach] = await tx
    .select({ coachingType: t.users.coachingTypeId })
    .from(t.users)
    .where(eq(t.users.id, values.user));
  if (coach?.coachingType != null) values.coachingType = coach.coachingType;
}

/**
 * A new coach is one of the centre's active staff, as the coach picker offers (server/resources/ref-options.ts);
 * a coaching kept by a colleague who has since left stays editable.
 */
async function coachIsStaff(tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values) {
  if (!("user" in values)) return;
  const t = ctx.handle.t;
  if (id !== undefined) {
    const [before] = await tx
      .select({ user: t.coachings.userId })
      .from(t.coachings)
      .where(eq(t.coachings.id, Number(id)));
    if (before?.user === values.user) return;
  }
  const [coach] = await tx
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users.id, Number(values.user)), activeStaff(t)));
  if (!coach) throw new AppError("INVALID_INPUT", { field: "user" });
}

export async function coachingBeforeSave(tx: Tx, ctx: ResourceCtx, id: string | number | undefined, values: Values) {
  await coachIsStaff(tx, ctx, id, values);
  await serviceOfCoach(tx, ctx, id, values);
  await endingRules(tx, ctx, id, values);
  await singlePrimary(tx, ctx, id, values);
}
