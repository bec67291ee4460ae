import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { formatDateTime } from "@/lib/format";
import { isLocale, type Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { defineJob } from "@/server/jobs/define";
import { queueMail } from "@/server/outbox/send";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The mail modes that send notifications by e-mail, and how (domain-people §16). */
export type MailingMode = "often" | "daily" | "weekly";

interface Pending {
  id: number;
  userId: number;
  subject: string;
  body: string;
  createdAt: Date;
}

/**
 * What goes out for one user's unsent messages: each message on its own ("often"), or one digest
 * of all of them ("daily", "weekly"). Pure, for the unit tests.
 */
export function mailsFor(mode: MailingMode, messages: Pending[], locale: Locale) {
  const t = translatorFor(locale);
  const line = (m: Pending) =>
    [`${formatDateTime(m.createdAt.toISOString(), locale)} — ${m.subject}`, m.body].filter(Boolean).join("\n");
  if (mode === "often")
    return messages.map((m) => ({
      ids: [m.id],
      subject: m.subject,
      body: [m.body, t("notify.mail.footer")].filter(Boolean).join("\n\n"),
    }));
  if (messages.length === 0) return [];
  return [
    {
      ids: messages.map((m) => m.id),
      subject: t("notify.mail.digestSubject", { count: messages.length }),
      body: [...messages.map(line), t("notify.mail.footer")].join("\n\n"),
    },
  ];
}

/**
 * Mails the centre's unsent notifications of users in `mode` who have an e-mail address, and marks
 * them sent in the same transaction as the mails are queued: none is lost, none goes twice, also when
 * two runs overlap (each mails only the messages it marked). Returns how many mails were queued.
 */
export async function mailNotifications(handle: TenantHandle, mode: MailingMode): Promise<number> {
  const { db, t } = handle;
  const m = t.notifyMessages;
  const rows = await db
    .select({
      id: m.id,
      userId: m.userId,
      subject: m.subject,
      body: m.body,
      createdAt: m.createdAt,
      email: t.users.email,
      language: t.users.language,
      firstName: t.users.firstName,
      lastName: t.users.lastName,
    })
    .from(m)
    .innerJoin(t.users, eq(t.users.id, m.userId))
    .where(and(isNull(m.sentAt), eq(m.mailMode, mode), ne(t.users.email, "")))
    .orderBy(asc(m.userId), asc(m.createdAt), asc(m.id));
  const byUser = new Map<number, typeof rows>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  let queued = 0;
  for (const [userId, messages] of byUser) {
    const user = messages[0]!;
    const locale: Locale = isLocale(user.language) ? user.language : "fr";
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(m)
        .set({ sentAt: sql`now()` })
        .where(
          and(
            eq(m.userId, userId),
            isNull(m.sentAt),
            inArray(
              m.id,
              messages.map((x) => x.id),
            ),
          ),
        )
        .returning({ id: m.id });
      const mine = new Set(claimed.map((x) => x.id));
      for (const mail of mailsFor(
        mode,
        messages.filter((x) => mine.has(x.id)),
        locale,
      )) {
        await queueMail(tx, handle, {
          userId: null,
          subject: mail.subject,
          body: mail.body,
          to: [{ address: user.email, name: `${user.firstName} ${user.lastName}`.trim() }],
        });
        queued++;
      }
    });
  }
  return queued;
}

const mailingJob = (name: string, mode: MailingMode, schedule: string) =>
  defineJob({
    name,
    label: `notify.jobs.${mode}`,
    payload: z.object({}),
    schedule,
    run: async (handle, _payload, { log }) => {
      const queued = await mailNotifications(handle, mode);
      if (queued) log.info({ queued, mode }, "notification mails queued");
    },
  });

/**
 * "Often" mails go out within seconds, as in Lino: `notify` queues this job in the transaction that
 * makes the message. The quarter-hourly run only catches what such a job left (it failed every retry).
 */
export const mailOftenJob = mailingJob("notify.mailOften", "often", "*/15 * * * *");

export const notificationMailJobs = [
  mailOftenJob,
  mailingJob("notify.dailyDigest", "daily", "0 7 * * *"),
  mailingJob("notify.weeklyDigest", "weekly", "0 7 * * 1"),
];
