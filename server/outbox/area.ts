import { seedDemoSms } from "@/db/seed/sms";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import {
  allMailsResource,
  attachmentsResource,
  clientMailsResource,
  mailSettingsResource,
  myMailsResource,
  recipientsResource,
} from "./resources";
import { sendMailJob } from "./send";
import { allSmsResource, clientSmsResource, mySmsResource, smsSettingsResource } from "./sms";
import { sendSmsJob } from "./sms-send";
import { caughtMailsWidget } from "./widget";
import { outboxTimeline } from "./timeline";

/** E-mails (domain-people §15): the outbox, the centre's mail server, and sending on the job queue. */
export const outboxArea = defineArea({
  id: "outbox",
  resources: [
    myMailsResource,
    allMailsResource,
    clientMailsResource,
    recipientsResource,
    attachmentsResource,
    mailSettingsResource,
    mySmsResource,
    clientSmsResource,
    allSmsResource,
    smsSettingsResource,
  ],
  menu: [
    { menu: "office", entries: [{ resource: "outbox.mine" }] },
    { menu: "office", entries: [{ resource: "outbox.mySms" }] },
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "outbox.mails" }] },
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "outbox.sms" }] },
    { menu: "site", section: "menu.sections.administration", entries: [{ resource: "outbox.settings" }] },
    { menu: "site", section: "menu.sections.administration", entries: [{ resource: "outbox.smsSettings" }] },
  ],
  jobs: [sendMailJob, sendSmsJob],
  timeline: outboxTimeline,
  widgets: [caughtMailsWidget],
  seed: {
    reference: async ({ db, t }) => {
      await db.insert(t.mailSettings).values({ id: 1 }).onConflictDoNothing();
      await db.insert(t.smsSettings).values({ id: 1 }).onConflictDoNothing();
    },
    demo: seedDemoSms,
  },
  relations: defineRelations([
    // A mail is a record of what was sent: its sender stays.
    { from: "mails.user_id", to: "users", onDelete: "protect", label: "relations.mails" },
    { from: "mails.client_id", to: "partners", onDelete: "volatile", label: "relations.mails" },
    // What a mail was written from ("Create e-mail"): a record of it keeps the note or document.
    { from: "mails.owner_id", to: "partners", ownerType: "client", onDelete: "volatile", label: "relations.mails" },
    { from: "mails.owner_id", to: "notes", ownerType: "note", onDelete: "protect", label: "relations.mails" },
    { from: "mails.owner_id", to: "uploads", ownerType: "upload", onDelete: "protect", label: "relations.mails" },
    { from: "mail_recipients.mail_id", to: "mails", onDelete: "part", label: "relations.mailRecipients" },
    { from: "mail_recipients.partner_id", to: "partners", onDelete: "clear", label: "relations.mailRecipients" },
    { from: "mail_attachments.mail_id", to: "mails", onDelete: "part", label: "relations.mailAttachments" },
    // A document that went out with a mail stays as long as the mail's record.
    { from: "mail_attachments.upload_id", to: "uploads", onDelete: "protect", label: "relations.mailAttachments" },
    // An SMS, like a mail, is a record of what was sent.
    { from: "sms_messages.user_id", to: "users", onDelete: "protect", label: "relations.sms" },
    { from: "sms_messages.client_id", to: "partners", onDelete: "volatile", label: "relations.sms" },
  ]),
});
