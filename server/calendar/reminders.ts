import { and, eq, sql } from "drizzle-orm";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { isLocale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { CLIENT_REMINDERS, reminderStep } from "@/server/calendar/rules/reminders";
import { primaryCoachOf } from "@/server/coachings/sql";
import { belgianToday } from "@/lib/format";

type Tx = TenantHandle["db"];
const OWNER = "client";

/** The client's primary coach (§3.5) with the language the reminders are written in; null when none. */
async function primaryCoachWithLanguage(tx: Tx, ctx: ResourceCtx, clientId: number) {
  const t = ctx.handle.t;
  const [coach] = await tx
    .select({ id: t.users.id, language: t.users.language })
    .from(t.users)
    .where(sql`${t.users.id} = ${primaryCoachOf(t, sql`${clientId}`)}`);
  return coach ?? null;
}

/**
 * After each interactive save of a client (domain-people §3.4): when the client has exactly one
 * primary coaching, the three automatic tasks of the primary coach follow the client's dates, with
 * their summary in the coach's language. Runs in the saving transaction; each change is audited.
 */
export async function updateClientReminders(tx: Tx, ctx: ResourceCtx, id: string | number, now = belgianToday()) {
  const t = ctx.handle.t;
  const clientId = Number(id);
  const coach = await primaryCoachWithLanguage(tx, ctx, clientId);
  if (!coach) return;
  const [client] = await tx
    .select({
      cardValidUntil: t.partners.cardValidUntil,
      unavailableUntil: t.partners.unavailableUntil,
      workPermitSuspendedUntil: t.partners.workPermitSuspendedUntil,
    })
    .from(t.partners)
    .where(eq(t.partners.id, clientId));
  if (!client) return;
  const tasks = await tx
    .select()
    .from(t.tasks)
    .where(and(eq(t.tasks.ownerType, OWNER), eq(t.tasks.ownerId, clientId)));
  const translate = translatorFor(isLocale(coach.language) ? coach.language : "fr");
  const audit = (verb: string, taskId: number, changes: Changes) =>
    writeAudit(tx, t, actorOf(ctx.user), rowChange("calendar.tasks", verb, taskId, changes));

  for (const reminder of CLIENT_REMINDERS) {
    const existing = tasks.find((task) => task.autoType === reminder.autoType) ?? null;
    const step = reminderStep(client[reminder.field], reminder.months, existing, now);
    if (step.do === "nothing") continue;
    if (step.do === "delete") {
      await tx.delete(t.tasks).where(eq(t.tasks.id, existing!.id));
      await audit("delete", existing!.id, {
        summary: { from: existing!.summary, to: null },
        startDate: { from: existing!.startDate, to: null },
      });
      continue;
    }
    const wanted = { userId: coach.id, summary: translate(reminder.summary), startDate: step.date };
    if (!existing) {
      const [created] = await tx
        .insert(t.tasks)
        .values({ ...wanted, ownerType: OWNER, ownerId: clientId, autoType: reminder.autoType })
        .returning({ id: t.tasks.id });
      await audit(
        "create",
        created!.id,
        Object.fromEntries(Object.entries(wanted).map(([k, v]) => [k, { from: null, to: v }])),
      );
      continue;
    }
    const changes = Object.fromEntries(
      Object.entries(wanted)
        .filter(([k, v]) => existing[k as keyof typeof wanted] !== v)
        .map(([k, v]) => [k, { from: existing[k as keyof typeof wanted], to: v }]),
    );
    if (!Object.keys(changes).length) continue;
    await tx
      .update(t.tasks)
      .set({ ...wanted, modifiedAt: sql`now()`, version: sql`${t.tasks.version} + 1` })
      .where(eq(t.tasks.id, existing.id));
    await audit("update", existing.id, changes);
  }
}
