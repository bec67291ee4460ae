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
  ],
  menu: [
    { menu: "office", entries: [{ resource: "outbox.mine" }] },
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "outbox.mails" }] },
    { menu: "site", section: "menu.sections.administration", entries: [{ resource: "outbox.settings" }] },
  ],
  jobs: [sendMailJob],
  timeline: outboxTimeline,
  widgets: [caughtMailsWidget],
  seed: {
    reference: async ({ db, t }) => {
      await db.insert(t.mailSettings).values({ id: 1 }).onConflictDoNothing();
    },
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
  ]),
});
