import { eq, sql } from "drizzle-orm";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { addDays } from "@/server/calendar/rules/reminders";
import { busyAround, conflictTest, generateSeries, typeLimits } from "./generate";
import { toAllowedWeekday } from "./recurrence";

type Tx = TenantHandle["db"];
/** A search for a free day stops after a year (every day of it taken means something is wrong with the data). */
const MAX_DAYS_SEARCHED = 366;

/**
 * "Move to next" (§10.2 ▽, Lino's MoveEventNext): a generated entry goes to the next day its series
 * allows (an allowed weekday without conflict), becomes user-modified (a suggested entry a draft) so
 * that its series keeps it, and the entries after it are generated again from there. In `tx`, audited.
 */
export async function moveToNext(tx: Tx, ctx: ResourceCtx, entryId: number) {
  const t = ctx.handle.t;
  const [entry] = await tx.select().from(t.calendarEntries).where(eq(t.calendarEntries.id, entryId));
  if (!entry) throw new AppError("NOT_FOUND");
  const kind = ctx.registry.seriesOwners?.find((k) => k.ownerType === entry.ownerType);
  const [owner] =
    kind && entry.autoType !== null && entry.ownerId !== null ? await kind.load(tx, ctx.handle, [entry.ownerId]) : [];
  if (!owner?.rule || owner.typeId === null) throw new AppError("SERIES_NOT_GENERATED");
  const type = (await typeLimits(tx, t, [owner.typeId])).get(owner.typeId)!;
  const horizon = addDays(entry.startDate, MAX_DAYS_SEARCHED);
  const busy = await busyAround(tx, t, [{ ...owner, rule: { ...owner.rule, first: entry.startDate, until: horizon } }]);
  const conflicts = owner.resolveConflicts ? conflictTest(owner, type, busy) : () => false;
  let date = toAllowedWeekday(addDays(entry.startDate, 1), owner.rule.weekdays);
  const at = (d: string) => ({ date: d, startTime: entry.startTime, endTime: entry.endTime, userId: entry.userId });
  while (date !== null && date < horizon && conflicts(at(date)))
    date = toAllowedWeekday(addDays(date, 1), owner.rule.weekdays);
  if (date === null || date >= horizon) throw new AppError("SERIES_NO_FREE_DAY");
  const state = entry.state === "suggested" ? "draft" : entry.state;
  await tx
    .update(t.calendarEntries)
    .set({ startDate: date, state, modifiedAt: sql`now()`, version: sql`${t.calendarEntries.version} + 1` })
    .where(eq(t.calendarEntries.id, entryId));
  await writeAudit(
    tx,
    t,
    actorOf(ctx.user),
    rowChange("calendar.entries", "moveToNext", entryId, {
      startDate: { from: entry.startDate, to: date },
      ...(state !== entry.state ? { state: { from: entry.state, to: state } } : {}),
    }),
  );
  await generateSeries(tx, t, actorOf(ctx.user), owner);
}

/** The ▽ button of a generated entry (any calendar user who may edit the entry). */
export const moveToNextAction: ActionDef = {
  name: "moveToNext",
  label: "calendarSeries.moveToNext",
  roles: ["OfficeUser", "OfficeOperator"],
  confirm: true,
  run: (ctx, id) => ctx.handle.db.transaction((tx) => moveToNext(tx as never, ctx, Number(id))),
};
