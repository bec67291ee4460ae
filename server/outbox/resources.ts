import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { clientNameOf } from "@/server/clients/sql";
import { encryptSecret } from "@/server/crypto/secrets";
import { AppError } from "@/server/errors";
import { deliver } from "@/server/integrations/mail/transport";
import { translatorFor } from "@/server/i18n/translator";
import { defineResource, type ResourceDef } from "@/server/resources/define";
import { boolean, choice, datetime, integer, longText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { mailSecurities, mailStates, recipientKinds } from "./choices";
import { passwordContext, smtpSettingsOf } from "./send";

const mails = (t: TenantTables) => t.mails;

/** An error kept as a message key (no mail server) is shown in the reader's language. */
const presentError = (value: unknown, ctx: { locale: Parameters<typeof translatorFor>[0] }) =>
  typeof value === "string" && /^outbox\.errors\.\w+$/.test(value)
    ? translatorFor(ctx.locale)(value)
    : String(value ?? "");

const mailFields: ResourceDef["fields"] = {
  id: integer("fields.id", (t) => mails(t).id, { editable: false, width: 7 }),
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
      "fields.client",
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
  subject: text("outbox.fields.subject", (t) => mails(t).subject, { editable: false, width: 40 }),
  body: longText("outbox.fields.body", (t) => mails(t).body, { editable: false }),
  state: choice("outbox.fields.state", (t) => mails(t).state, mailStates, { editable: false, width: 12 }),
  attempts: integer("outbox.fields.attempts", (t) => mails(t).attempts, { editable: false, width: 8 }),
  error: { ...longText("outbox.fields.error", (t) => mails(t).error, { editable: false }), present: presentError },
  sentAt: datetime("outbox.fields.sentAt", (t) => mails(t).sentAt),
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
      slaves: [{ resource: "outbox.recipients", label: "outbox.recipientsTitle", masterField: "mail" }],
    },
  ],
};

/** Office → My outbox (§15): the mails I wrote. */
export const myMailsResource = defineResource({
  ...mailCommon,
  id: "outbox.mine",
  title: "outbox.mine",
  scope: (t, ctx) => eq(mails(t).userId, ctx.user.id),
  columns: ["createdAt", "recipients", "subject", "state", "sentAt"],
  hiddenColumns: ["id", "client", "attempts"],
  access: { view: ["OfficeUser"], edit: [], delete: [] },
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

const r = (t: TenantTables) => t.mailRecipients;
export const recipientsResource = defineResource({
  id: "outbox.recipients",
  title: "outbox.recipientsTitle",
  table: r,
  pk: (t) => r(t).id,
  version: (t) => r(t).version,
  fields: {
    id: integer("fields.id", (t) => r(t).id, { editable: false, width: 7 }),
    mail: integer("outbox.fields.mail", (t) => r(t).mailId, { editable: false }),
    kind: choice("outbox.fields.kind", (t) => r(t).kind, recipientKinds, { editable: false, width: 8 }),
    address: text("fields.email", (t) => r(t).address, { editable: false, width: 30 }),
    name: text("fields.name", (t) => r(t).name, { editable: false, width: 30 }),
  },
  columns: ["kind", "address", "name"],
  hiddenColumns: ["id"],
  titleField: "address",
  defaultSort: [{ field: "id", dir: "asc" }],
  // Whoever may read the mail reads its recipients, on the mail: the sender, or an administrator.
  scope: (t, ctx) =>
    ctx.user.roles.has("SiteAdmin")
      ? undefined
      : sql`exists (select 1 from ${t.mails} where ${q(t.mails.id)} = ${q(r(t).mailId)} and ${q(t.mails.userId)} = ${ctx.user.id})`,
  access: { view: ["OfficeUser", "SiteAdmin"], edit: [], delete: [], listAll: [] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["kind", "address", "name"] }] }],
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
    port: integer("outbox.fields.port", (t) => s(t).port, { min: 1, max: 65535, width: 8 }),
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
      ],
    },
  ],
  actions: [
    {
      name: "setPassword",
      label: "outbox.setPassword",
      roles: ["SiteAdmin"],
      params: {
        password: {
          type: "password",
          label: "fields.newPassword",
          expr: (t) => s(t).passwordEnc,
          input: z.string().min(1).max(512),
          required: true,
        },
      },
      run: async (ctx, _id, params) => {
        const { db, t, tenantId } = ctx.handle;
        await db.transaction(async (tx) => {
          await tx
            .update(t.mailSettings)
            .set({ passwordEnc: encryptSecret(String(params.password), passwordContext(tenantId)) })
            .where(eq(t.mailSettings.id, 1));
          await writeAudit(
            tx,
            t,
            actorOf(ctx.user),
            rowChange("outbox.settings", "setPassword", 1, { password: { from: "(secret)", to: "(changed)" } }),
          );
        });
      },
    },
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
