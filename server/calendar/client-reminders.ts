import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { formatDate } from "@/lib/format";
import { created, rowChange, systemActor, writeAudit } from "@/server/audit";
import { localized } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { parseGsm } from "@/server/integrations/sms/gsm";
import { defineJob } from "@/server/jobs/define";
import { enqueue } from "@/server/jobs/queue";
import { queueMail } from "@/server/outbox/send";
import { sendSmsJob } from "@/server/outbox/sms-send";
import { readerLocale } from "@/server/outbox/templates";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import { boolean, choice, integer } from "@/server/resources/fields";
import { centreOf } from "@/server/tenancy/public-url";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { cannotComeToken } from "./cannot-come-token";

/** How a client is reminded of an appointment (issue 15 §6). Labels under `choices.reminderChannels`. */
export const reminderChannels = defineChoiceList("reminderChannels", ["sms", "email", "both"]);

/** The moment an entry starts: its Brussels wall-clock date and time as an instant. */
export const entryStartsAt = (e: TenantTables["calendarEntries"]) =>
  sql`((${e.startDate} + ${e.startTime}) at time zone 'Europe/Brussels')`;

const s = (t: TenantTables) => t.calendarSettings;

/** Site → Administration → Calendar settings: the centre's reminder defaults and what feeds show. */
export const calendarSettingsResource = defineResource({
  id: "calendar.settings",
  title: "remind.settings.title",
  table: s,
  pk: (t) => s(t).id,
  version: (t) => s(t).version,
  fields: {
    remindHours: {
      ...integer("remind.fields.remindHours", (t) => s(t).remindHours, { min: 1, max: 336, width: 8 }),
      help: "remind.fields.remindHoursHelp",
    },
    remindChannel: choice("remind.fields.remindChannel", (t) => s(t).remindChannel, reminderChannels, {
      required: true,
    }),
    feedClientNames: {
      ...boolean("remind.fields.feedClientNames", (t) => s(t).feedClientNames),
      help: "remind.fields.feedClientNamesHelp",
    },
  },
  columns: ["remindHours", "remindChannel", "feedClientNames"],
  titleField: "remindChannel",
  defaultSort: [{ field: "remindChannel", dir: "asc" }],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"], delete: [] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["remindHours", "remindChannel"] }, { fields: ["feedClientNames"] }],
    },
  ],
  // What the job does every five minutes, at once: an administrator setting reminders up sees them go.
  actions: [
    {
      name: "remindNow",
      label: "remind.remindNow",
      roles: ["SiteAdmin"],
      run: async (ctx) => void (await queueClientReminders(ctx.handle)),
    },
  ],
});

/** The entry type's own reminder, beside its other flags (calendar.entryTypes). */
export const entryTypeReminderFields = {
  remindHours: {
    ...integer("remind.fields.typeRemindHours", (t: TenantTables) => t.entryTypes.remindHours, {
      min: 0,
      max: 336,
      width: 8,
    }),
    help: "remind.fields.typeRemindHoursHelp",
  },
  remindChannel: {
    ...choice("remind.fields.remindChannel", (t: TenantTables) => t.entryTypes.remindChannel, reminderChannels),
    help: "remind.fields.typeRemindChannelHelp",
  },
};

/**
 * The reminders due now: each client guest still expected (invited or accepted) at a published
 * entry with a start time, whose type (else the centre) reminds that many hours before, and who has
 * no reminder yet for the entry's present start. A moved entry has a new start, hence a new reminder;
 * a cancelled one is no longer published.
 */
async function dueReminders({ db, t }: Pick<TenantHandle, "db" | "t">) {
  const e = t.calendarEntries;
  const g = t.calendarGuests;
  const p = t.partners;
  const hours = sql<number>`coalesce(${t.entryTypes.remindHours}, ${s(t).remindHours})`;
  const startsAt = entryStartsAt(e);
  return db
    .select({
      guestId: g.id,
      entryId: e.id,
      startsAt: sql<string>`${startsAt}`.mapWith((v: string | Date) => new Date(v)),
      startDate: e.startDate,
      startTime: sql<string>`to_char(${e.startTime}, 'HH24:MI')`,
      channel: sql<string>`coalesce(${t.entryTypes.remindChannel}, ${s(t).remindChannel})`,
      clientId: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      language: p.language,
      email: p.email,
      gsm: p.gsm,
      agentFirst: t.users.firstName,
      agentLast: t.users.lastName,
    })
    .from(g)
    .innerJoin(e, eq(e.id, g.entryId))
    .innerJoin(p, and(eq(p.id, g.partnerId), eq(p.isClient, true)))
    .leftJoin(t.entryTypes, eq(t.entryTypes.id, e.typeId))
    .leftJoin(t.users, eq(t.users.id, e.userId))
    .innerJoin(s(t), eq(s(t).id, 1))
    .where(
      and(
        eq(e.state, "published"),
        sql`${e.startTime} is not null`,
        sql`${g.state} in ('invited', 'accepted')`,
        sql`${hours} > 0`,
        sql`${startsAt} > now()`,
        sql`${startsAt} <= now() + make_interval(hours => ${hours})`,
        sql`not exists (select 1 from ${t.clientReminders} r where r.guest_id = ${g.id} and r.starts_at = ${startsAt})`,
      ),
    );
}

type Due = Awaited<ReturnType<typeof dueReminders>>[number];

/**
 * Queues the reminders due now for one centre, each in its own transaction with its audit row:
 * the reminder row first (unique per guest and start, so two ticks never send it twice), then an SMS
 * and/or an e-mail in the client's language with the "cannot come" link. Returns how many were made.
 */
export async function queueClientReminders(handle: TenantHandle): Promise<number> {
  const due = await dueReminders(handle);
  if (due.length === 0) return 0;
  const centre = await centreOf(handle.tenantId);
  let made = 0;
  for (const reminder of due) if (await queueOne(handle, centre, reminder)) made++;
  return made;
}

async function queueOne(handle: TenantHandle, centre: Awaited<ReturnType<typeof centreOf>>, due: Due) {
  const { db, t } = handle;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t.clientReminders)
      .values({ guestId: due.guestId, entryId: due.entryId, startsAt: due.startsAt })
      .onConflictDoNothing()
      .returning({ id: t.clientReminders.id });
    if (!row) return false;
    const locale = readerLocale(due.language);
    const tr = translatorFor(locale);
    const link = `${centre.url}/cannot-come/${cannotComeToken(handle.tenantId, row.id, due.guestId, due.startsAt)}`;
    const values = {
      centre: localized(centre.names, locale),
      date: formatDate(due.startDate, locale),
      time: due.startTime,
      agent: `${due.agentFirst ?? ""} ${due.agentLast ?? ""}`.trim(),
      client: `${due.firstName} ${due.lastName}`.trim(),
      link,
    };
    const wantsSms = due.channel === "sms" || due.channel === "both";
    const wantsMail = due.channel === "email" || due.channel === "both";
    const gsm = parseGsm(due.gsm);
    let smsId: number | null = null;
    let mailId: number | null = null;
    if (wantsSms && gsm.ok) {
      const [sms] = await tx
        .insert(t.smsMessages)
        .values({ clientId: due.clientId, to: gsm.e164, body: tr("remind.sms", values), state: "queued" })
        .returning({ id: t.smsMessages.id });
      smsId = sms!.id;
      await enqueue(handle, sendSmsJob, { smsId }, { tx });
    }
    if (wantsMail && due.email) {
      mailId = await queueMail(tx, handle, {
        userId: null,
        clientId: due.clientId,
        owner: { type: "client", id: due.clientId },
        subject: tr("remind.mail.subject", values),
        body: tr("remind.mail.body", values),
        to: [{ address: due.email, name: values.client, partnerId: due.clientId }],
      });
    }
    await tx.update(t.clientReminders).set({ smsId, mailId }).where(eq(t.clientReminders.id, row.id));
    await writeAudit(
      tx,
      t,
      systemActor("calendar.reminders"),
      rowChange(
        "calendar.guests",
        "remind",
        due.guestId,
        created({ startsAt: due.startsAt.toISOString(), locale, sms: smsId, mail: mailId }),
      ),
    );
    return true;
  });
}

/** Every five minutes, each centre's clients get the reminders that have become due. */
export const remindClientsJob = defineJob({
  name: "calendar.remindClients",
  label: "remind.job",
  payload: z.object({}),
  schedule: "*/5 * * * *",
  run: async (handle, _payload, { log }) => {
    const made = await queueClientReminders(handle);
    if (made) log.info({ made }, "client reminders queued");
  },
});
