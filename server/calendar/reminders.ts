import { and, eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, changedFields, created, rowChange, writeAudit, type Actor, type Changes } from "@/server/audit";
import type { LocalizedText } from "@/db/control/schema";
import { isLocale, localized } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import {
  CLIENT_REMINDERS,
  expiryReminderStep,
  reminderStep,
  type ReminderStep,
} from "@/server/calendar/rules/reminders";
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
  for (const reminder of CLIENT_REMINDERS) {
    const existing = tasks.find((task) => task.autoType === reminder.autoType) ?? null;
    await applyAutoTask(
      tx,
      t,
      actorOf(ctx.user),
      existing,
      reminderStep(client[reminder.field], reminder.months, existing, now),
      {
        userId: coach.id,
        summary: translate(reminder.summary),
        ownerType: OWNER,
        ownerId: clientId,
        autoType: reminder.autoType,
      },
    );
  }
}

type Task = TenantTables["tasks"]["$inferSelect"];
type WantedTask = { userId: number; summary: string; ownerType: string; ownerId: number; autoType: number };

/** Creates, updates or deletes one automatic task as its rule's step says, audited in the caller's transaction. */
export async function applyAutoTask(
  tx: Tx,
  t: TenantTables,
  who: Actor,
  existing: Task | null,
  step: ReminderStep,
  task: WantedTask,
) {
  const audit = (verb: string, taskId: number, changes: Changes) =>
    writeAudit(tx, t, who, rowChange("calendar.tasks", verb, taskId, changes));
  if (step.do === "nothing") return;
  if (step.do === "delete") {
    await tx.delete(t.tasks).where(eq(t.tasks.id, existing!.id));
    await audit("delete", existing!.id, {
      summary: { from: existing!.summary, to: null },
      startDate: { from: existing!.startDate, to: null },
    });
    return;
  }
  const wanted = { userId: task.userId, summary: task.summary, startDate: step.date };
  if (!existing) {
    const [inserted] = await tx
      .insert(t.tasks)
      .values({ ...wanted, ownerType: task.ownerType, ownerId: task.ownerId, autoType: task.autoType })
      .returning({ id: t.tasks.id });
    await audit("create", inserted!.id, created(wanted));
    return;
  }
  const changes = changedFields(existing, wanted);
  if (!Object.keys(changes).length) return;
  await tx
    .update(t.tasks)
    .set({ ...wanted, modifiedAt: sql`now()`, version: sql`${t.tasks.version} + 1` })
    .where(eq(t.tasks.id, existing.id));
  await audit("update", existing.id, changes);
}

/** What an upload's expiry reminder is computed from (server/uploads: its type and its uploader). */
export interface UploadExpiry {
  uploadId: number;
  /** The uploader, who gets the task (domain-people §13), and the language it is written in. */
  userId: number;
  language: string | null;
  endDate: string | null;
  needed: boolean;
  unit: string | null;
  value: number;
  typeNames: LocalizedText;
}

const UPLOAD_OWNER = "upload";
const EXPIRY_SLOT = 1;

/**
 * After each save of an upload (domain-people §13): the uploader's task "<type> expires", dated the
 * end of validity minus the type's warning, follows the upload under the rule of §3.4. Runs in the
 * saving transaction; each change is audited.
 */
export async function updateUploadReminder(
  tx: Tx,
  t: TenantTables,
  who: Actor,
  upload: UploadExpiry,
  now = belgianToday(),
) {
  const [existing] = await tx
    .select()
    .from(t.tasks)
    .where(
      and(eq(t.tasks.ownerType, UPLOAD_OWNER), eq(t.tasks.ownerId, upload.uploadId), eq(t.tasks.autoType, EXPIRY_SLOT)),
    );
  const locale = isLocale(upload.language) ? upload.language : "fr";
  await applyAutoTask(tx, t, who, existing ?? null, expiryReminderStep(upload, existing ?? null, now), {
    userId: upload.userId,
    summary: translatorFor(locale)("reminders.uploadExpires", { type: localized(upload.typeNames, locale) }),
    ownerType: UPLOAD_OWNER,
    ownerId: upload.uploadId,
    autoType: EXPIRY_SLOT,
  });
}
