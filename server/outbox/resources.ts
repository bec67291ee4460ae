import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import type { Role } from "@/server/auth/user-types";
import { clientDisplayName, clientNameOf } from "@/server/clients/sql";
import { enqueue } from "@/server/jobs/queue";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { AppError } from "@/server/errors";
import { deliver } from "@/server/integrations/mail/transport";
import { translatorFor } from "@/server/i18n/translator";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { boolean, choice, datetime, integer, longText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { bounceToken } from "./bounces";
import { setSecretAction } from "./secret-action";
import { mailSecurities, mailStates, recipientKinds } from "./choices";
import { passwordContext, sendMailJob, smtpSettingsOf } from "./send";
import { outboxErrorText } from "./settle";

const mails = (t: TenantTables) => t.mails;

/** An error kept as a message key (no mail server, a bounce) is shown in the reader's language. */
const presentError = (value: unknown, ctx: { locale: Parameters<typeof translatorFor>[0] }) =>
  typeof value === "string" ? outboxErrorText(value, translatorFor(ctx.locale)) : "";

const mailFields: ResourceDef["fields"] = {
  id: integer("fields.id", (t) => mails(t).id, { editable: false, plain: true, width: 7 }),
  createdAt: datetime("outbox.fields.createdAt", (t) => mails(t).createdAt),
  sender: {
    ...reference(
      "outbox.fields.sender",
      "users.users",
      (t) => mails(t).userId,
      (t) => userNameOf(t, q(t.mails.userId)),
    ),
    column: undefined,
    input: undefined,
  },
  client: {
    ...reference(
      "outbox.fields.client",
      "clients.clients",
      (t) => mails(t).clientId,
      (t) => clientNameOf(t, q(t.mails.clientId)),
    ),
    column: undefined,
    input: undefined,
  },
  recipients: {
    type: "text",
    label: "outbox.fields.recipients",
    width: 30,
    expr: (t) =>
      sql<string>`(select string_agg(${q(t.mailRecipients.address)}, ', ' order by ${q(t.mailRecipients.id)}) from ${t.mailRecipients} where ${q(t.mailRecipients.mailId)} = ${q(t.mails.id)})`,
  },
  // Written while the mail is a draft, by its sender (draftOnly below).
  subject: text("outbox.fields.subject", (t) => mails(t).subject, { max: 200, required: true, width: 40 }),
  body: longText("outbox.fields.body", (t) => mails(t).body),
  state: choice("outbox.fields.state", (t) => mails(t).state, mailStates, { editable: false, width: 12 }),
  attempts: integer("outbox.fields.attempts", (t) => mails(t).attempts, { editable: false, width: 8 }),
  error: { ...longText("outbox.fields.error", (t) => mails(t).error, { editable: false }), present: presentError },
  sentAt: datetime("outbox.fields.sentAt", (t) => mails(t).sentAt),
};

/** A mail is written while it is a draft, by its sender only; once queued it is a record. */
async function draftOnly(tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number | undefined) {
  if (id === undefined) return;
  const [mail] = await tx
    .select({ state: mails(ctx.handle.t).state, userId: mails(ctx.handle.t).userId })
    .from(mails(ctx.handle.t))
    .where(eq(mails(ctx.handle.t).id, Number(id)));
  if (!mail) throw new AppError("NOT_FOUND");
  if (mail.userId !== ctx.user.id) throw new AppError("FORBIDDEN");
  if (mail.state !== "draft") throw new AppError("INVALID_INPUT", { messageKey: "outbox.errors.notDraft" });
}

/**
 * "Send" (§15): only a draft, only by its sender, only with a recipient; the mail is queued and its
 * job asked for in the same transaction.
 */
const sendTransition = {
  name: "send",
  label: "outbox.send",
  from: ["draft"],
  to: "queued",
  roles: ["OfficeUser"] as Role[],
  effect: async (tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number) => {
    const { t } = ctx.handle;
    const [mail] = await tx
      .select({ userId: t.mails.userId })
      .from(t.mails)
      .where(eq(t.mails.id, Number(id)));
    if (mail?.userId !== ctx.user.id) throw new AppError("FORBIDDEN");
    const recipients = await tx
      .select({ id: t.mailRecipients.id })
      .from(t.mailRecipients)
      .where(eq(t.mailRecipients.mailId, Number(id)));
    if (recipients.length === 0) throw new AppError("INVALID_INPUT", { messageKey: "outbox.errors.noRecipient" });
    await enqueue(ctx.handle, sendMailJob, { mailId: Number(id) }, { tx });
  },
};

const mailCommon = {
  table: mails,
  pk: (t: TenantTables) => mails(t).id,
  version: (t: TenantTables) => mails(t).version,
  fields: mailFields,
  titleField: "subject",
  defaultSort: [{ field: "createdAt", dir: "desc" as const }],
  filters: {
    state: {
      label: "outbox.fields.state",
      widget: "choice" as const,
      choices: mailStates,
      schema: z.enum(mailStates.values as [string, ...string[]]),
      where: (v: string, t: TenantTables) => eq(mails(t).state, v),
    },
  },
  workflow: { field: "state", transitions: [sendTransition] },
  // Once queued a mail is a record of what went out (or tried to).
  locked: { when: (t: TenantTables) => sql`${mails(t).state} <> 'draft'`, messageKey: "outbox.errors.notDraft" },
  beforeSave: draftOnly,
  beforeDelete: (tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number) => draftOnly(tx, ctx, id),
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["subject", "recipients", "state", "sentAt"] },
        { fields: ["sender", "client", "createdAt", "attempts"] },
        { fields: ["body"] },
        { fields: ["error"] },
      ],
      slaves: [
        { resource: "outbox.recipients", label: "outbox.recipientsTitle", masterField: "mail" },
        { resource: "outbox.attachments", label: "outbox.attachmentsTitle", masterField: "mail" },
      ],
    },
  ],
};

/** The writer of a new mail is its sender. */
async function senderIsWriter(tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number) {
  const { t } = ctx.handle;
  const [mail] = await tx
    .update(t.mails)
    .set({ userId: ctx.user.id })
    .where(and(eq(t.mails.id, Number(id)), isNull(t.mails.userId)))
    .returning({ clientId: t.mails.clientId });
  return mail ?? null;
}

/** Office → My outbox (§15): the mails I wrote; "New" starts a draft, its recipients added on it. */
export const myMailsResource = defineResource({
  ...mailCommon,
  id: "outbox.mine",
  title: "outbox.mine",
  scope: (t, ctx) => eq(mails(t).userId, ctx.user.id),
  columns: ["createdAt", "recipients", "subject", "state", "sentAt"],
  hiddenColumns: ["id", "client", "attempts"],
  access: { view: ["OfficeUser"], edit: ["OfficeUser"], delete: ["OfficeUser"] },
  insert: { fields: ["subject", "body"] },
  afterSave: async (tx, ctx, id) => void (await senderIsWriter(tx, ctx, id)),
});

/**
 * A client's mails (History tab): written from there to the client ("Add" makes a draft addressed
 * to the client's e-mail), sent with "Send". Any office user reads a client's mails; only their
 * sender writes or sends them.
 */
export const clientMailsResource = defineResource({
  ...mailCommon,
  id: "outbox.byClient",
  title: "outbox.byClientTitle",
  fields: {
    ...mailFields,
    client: reference(
      "outbox.fields.client",
      "clients.clients",
      (t) => mails(t).clientId,
      (t) => clientNameOf(t, q(t.mails.clientId)),
    ),
  },
  columns: ["createdAt", "sender", "recipients", "subject", "state"],
  hiddenColumns: ["id", "client", "attempts", "sentAt"],
  access: { view: ["OfficeUser"], edit: ["OfficeUser"], delete: ["OfficeUser"], listAll: [] },
  insert: { fields: ["client", "subject", "body"] },
  // The writer is its sender; a new mail goes to the client, when the client has an e-mail address.
  afterSave: async (tx, ctx, id) => {
    const { t } = ctx.handle;
    const mail = await senderIsWriter(tx, ctx, id);
    if (!mail?.clientId) return;
    const [client] = await tx
      .select({ email: t.partners.email, name: clientDisplayName(t.partners) })
      .from(t.partners)
      .where(eq(t.partners.id, mail.clientId));
    if (client?.email)
      await tx
        .insert(t.mailRecipients)
        .values({ mailId: Number(id), address: client.email, name: client.name, partnerId: mail.clientId });
  },
});

/**
 * Explorer → System → Mails: every mail of the centre, those it sends by itself (notifications)
 * included, with what the mail server answered: for the administrators to see what went out.
 */
export const allMailsResource = defineResource({
  ...mailCommon,
  id: "outbox.mails",
  title: "outbox.all",
  columns: ["createdAt", "sender", "recipients", "subject", "state", "sentAt"],
  hiddenColumns: ["id", "client", "attempts"],
  access: { view: ["SiteAdmin"], edit: [], delete: [] },
});

/**
 * What hangs on a mail (its recipients, its attachments): the mail's field, added to and taken
 * from a draft by its sender; read, on the mail, by the sender or an administrator.
 */
function onMail(table: (t: TenantTables) => TenantTables["mailRecipients"] | TenantTables["mailAttachments"]) {
  const mailOf = async (tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number) => {
    const rows = table(ctx.handle.t);
    const [row] = await tx
      .select({ mailId: rows.mailId })
      .from(rows)
      .where(eq(rows.id, Number(id)));
    if (!row) throw new AppError("NOT_FOUND");
    return row.mailId;
  };
  return {
    mail: {
      ...reference(
        "outbox.fields.mail",
        "outbox.mine",
        (t) => table(t).mailId,
        (t) =>
          sql<string>`(select ${q(t.mails.subject)} from ${t.mails} where ${q(t.mails.id)} = ${q(table(t).mailId)})`,
      ),
      createOnly: true,
    },
    rules: {
      beforeSave: async (
        tx: TenantHandle["db"],
        ctx: ResourceCtx,
        id: string | number | undefined,
        values: Record<string, unknown>,
      ) => draftOnly(tx, ctx, Number(id === undefined ? values.mail : await mailOf(tx, ctx, id))),
      beforeDelete: async (tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number) =>
        draftOnly(tx, ctx, await mailOf(tx, ctx, id)),
      locked: {
        when: (t: TenantTables) =>
          sql`exists (select 1 from ${t.mails} where ${q(t.mails.id)} = ${q(table(t).mailId)} and ${q(t.mails.state)} <> 'draft')`,
        messageKey: "outbox.errors.notDraft",
      },
      scope: (t: TenantTables, ctx: ResourceCtx) =>
        ctx.user.roles.has("SiteAdmin")
          ? undefined
          : sql`exists (select 1 from ${t.mails} where ${q(t.mails.id)} = ${q(table(t).mailId)} and ${q(t.mails.userId)} = ${ctx.user.id})`,
      access: {
        view: ["OfficeUser", "SiteAdmin"] as Role[],
        edit: ["OfficeUser"] as Role[],
        delete: ["OfficeUser"] as Role[],
        listAll: [] as Role[],
      },
    },
  };
}

const r = (t: TenantTables) => t.mailRecipients;
const onRecipientMail = onMail(r);
export const recipientsResource = defineResource({
  id: "outbox.recipients",
  title: "outbox.recipientsTitle",
  table: r,
  pk: (t) => r(t).id,
  version: (t) => r(t).version,
  fields: {
    id: integer("fields.id", (t) => r(t).id, { editable: false, plain: true, width: 7 }),
    mail: onRecipientMail.mail,
    kind: choice("outbox.fields.kind", (t) => r(t).kind, recipientKinds, { required: true, width: 8 }),
    email: { ...text("fields.email", (t) => r(t).address, { required: true, width: 30 }), input: z.email() },
    name: text("fields.name", (t) => r(t).name, { max: 200, width: 30 }),
  },
  columns: ["kind", "email", "name"],
  hiddenColumns: ["id"],
  titleField: "email",
  defaultSort: [{ field: "id", dir: "asc" }],
  insert: { fields: ["mail", "kind", "email", "name"], defaults: () => ({ kind: "to" }) },
  ...onRecipientMail.rules,
  detail: [
    { key: "general", label: "resources.tabs.general", groups: [{ fields: ["mail", "kind", "email", "name"] }] },
  ],
});

const s = (t: TenantTables) => t.mailSettings;

/** Site → Administration → Mail server: the centre's SMTP server; the password is set by an action, never shown. */
export const mailSettingsResource = defineResource({
  id: "outbox.settings",
  title: "outbox.settings",
  table: s,
  pk: (t) => s(t).id,
  version: (t) => s(t).version,
  fields: {
    enabled: boolean("outbox.fields.enabled", (t) => s(t).enabled),
    host: text("outbox.fields.host", (t) => s(t).host, { max: 255, width: 24 }),
    port: integer("outbox.fields.port", (t) => s(t).port, { min: 1, max: 65535, width: 8, plain: true }),
    security: choice("outbox.fields.security", (t) => s(t).security, mailSecurities, { required: true }),
    username: text("outbox.fields.username", (t) => s(t).username, { max: 255 }),
    hasPassword: {
      type: "boolean",
      label: "outbox.fields.hasPassword",
      expr: (t) => sql<boolean>`${s(t).passwordEnc} is not null`,
    },
    fromAddress: {
      ...text("outbox.fields.fromAddress", (t) => s(t).fromAddress, { width: 28 }),
      input: z.union([z.email(), z.literal("")]),
    },
    fromName: text("outbox.fields.fromName", (t) => s(t).fromName, { max: 120, width: 24 }),
    // What the centre's mail system needs to forward returned mails (server/outbox/bounces.ts).
    bounceToken: {
      type: "text",
      label: "outbox.fields.bounceToken",
      help: "outbox.fields.bounceTokenHelp",
      width: 44,
      sortable: false,
      expr: () => sql<string>`''`,
      present: (_value, ctx) => bounceToken(ctx.handle.tenantId),
    },
  },
  columns: ["enabled", "host", "port", "security", "fromAddress"],
  titleField: "host",
  defaultSort: [{ field: "host", dir: "asc" }],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"], delete: [] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["enabled", "host", "port", "security"] },
        { fields: ["username", "hasPassword", "fromAddress", "fromName"] },
        { fields: ["bounceToken"] },
      ],
    },
  ],
  actions: [
    setSecretAction({
      name: "setPassword",
      label: "outbox.setPassword",
      param: "password",
      paramLabel: "fields.newPassword",
      resource: "outbox.settings",
      settings: s,
      column: (t) => s(t).passwordEnc,
      key: "passwordEnc",
      context: passwordContext,
    }),
    {
      name: "sendTest",
      label: "outbox.sendTest",
      roles: ["SiteAdmin"],
      params: { address: { ...text("fields.email", (t) => s(t).fromAddress), input: z.email(), required: true } },
      // Sent at once, not queued: the administrator sees the server's answer while setting it up.
      run: async (ctx, _id, params) => {
        const settings = await smtpSettingsOf(ctx.handle);
        if (!settings) throw new AppError("INVALID_INPUT", { messageKey: "outbox.errors.noServer" });
        const t = translatorFor(ctx.locale);
        try {
          await deliver(settings, {
            to: [{ address: String(params.address) }],
            subject: t("outbox.testSubject"),
            text: t("outbox.testBody"),
            automatic: true,
          });
        } catch (err) {
          throw new AppError("INVALID_INPUT", {
            messageKey: "outbox.errors.sendFailed",
            reason: err instanceof Error ? err.message : String(err),
          });
        }
      },
    },
  ],
});

const at = (t: TenantTables) => t.mailAttachments;
const onAttachmentMail = onMail(at);

/**
 * A mail's attachments (§15): scanned documents the writer may read (the uploads' own rights
 * apply to the picker), added to a draft by its sender and sent with it.
 */
export const attachmentsResource = defineResource({
  id: "outbox.attachments",
  title: "outbox.attachmentsTitle",
  table: at,
  pk: (t) => at(t).id,
  version: (t) => at(t).version,
  fields: {
    id: integer("fields.id", (t) => at(t).id, { editable: false, plain: true, width: 7 }),
    mail: onAttachmentMail.mail,
    upload: {
      ...reference(
        "outbox.fields.upload",
        "uploads.uploads",
        (t) => at(t).uploadId,
        (t) =>
          sql<string>`(select ${q(t.uploads.fileName)} from ${t.uploads} where ${q(t.uploads.id)} = ${q(at(t).uploadId)})`,
      ),
      required: true,
    },
  },
  columns: ["upload"],
  hiddenColumns: ["id"],
  titleField: "upload",
  defaultSort: [{ field: "id", dir: "asc" }],
  insert: { fields: ["mail", "upload"] },
  ...onAttachmentMail.rules,
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["mail", "upload"] }] }],
});
