import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import type { Role } from "@/server/auth/user-types";
import { clientNameOf } from "@/server/clients/sql";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { formatGsm, parseGsm, type GsmRefusal } from "@/server/integrations/sms/gsm";
import { MAX_SEGMENTS, smsLength } from "@/server/integrations/sms/segments";
import { enqueue } from "@/server/jobs/queue";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { boolean, choice, datetime, integer, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { userNameOf } from "@/server/users/sql";
import { mailStates } from "./choices";
import { setSecretAction } from "./secret-action";
import { outboxErrorText } from "./settle";
import { sendSmsJob, smsProviderOf, smsTokenContext } from "./sms-send";

type Tx = TenantHandle["db"];
const sms = (t: TenantTables) => t.smsMessages;

/** A number that cannot receive an SMS is refused on its field, saying why in the reader's language. */
function gsmRefused(reason: GsmRefusal, field: string, ofClient = false): AppError {
  return new AppError("INVALID_INPUT", {
    field,
    messageKey: ofClient ? `outbox.sms.gsm.client.${reason}` : `outbox.sms.gsm.${reason}`,
  });
}

/** The longest body the input takes before its parts are counted (`normalizeSms`): the provider's own limit. */
const MAX_BODY = 1600;

/**
 * A typed number is kept in E.164 (`+32475123456`), or refused with its reason; an emptied one is
 * filled from the client's GSM after saving (`toFromClient`). A text longer than MAX_SEGMENTS parts
 * is refused, naming how many it would take.
 */
function normalizeSms(values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  if (typeof out.to === "string") {
    if (out.to.trim() === "") out.to = "";
    else {
      const gsm = parseGsm(out.to);
      if (!gsm.ok) throw gsmRefused(gsm.reason, "to");
      out.to = gsm.e164;
    }
  }
  if (typeof out.body === "string") {
    const { segments } = smsLength(out.body);
    if (segments > MAX_SEGMENTS)
      throw new AppError("INVALID_INPUT", {
        field: "body",
        messageKey: "outbox.sms.errors.tooLong",
        segments,
        max: MAX_SEGMENTS,
      });
  }
  return out;
}

/** What a message's length means: its alphabet and parts, e.g. "2 SMS (GSM-7, 170 characters)". */
function presentLength(value: unknown, ctx: Pick<ResourceCtx, "locale">) {
  const text = String(value ?? "");
  const length = smsLength(text);
  const tr = translatorFor(ctx.locale);
  return tr(length.encoding === "GSM-7" ? "outbox.sms.length.gsm" : "outbox.sms.length.ucs2", {
    segments: length.segments,
    characters: length.characters,
    chars: length.nonGsm.join(" "),
  });
}

const presentError = (value: unknown, ctx: Pick<ResourceCtx, "locale">) =>
  typeof value === "string" ? outboxErrorText(value, translatorFor(ctx.locale)) : "";

const smsFields: ResourceDef["fields"] = {
  id: integer("fields.id", (t) => sms(t).id, { editable: false, width: 7 }),
  createdAt: datetime("outbox.fields.createdAt", (t) => sms(t).createdAt),
  sender: {
    ...reference(
      "outbox.fields.sender",
      "users.users",
      (t) => sms(t).userId,
      (t) => userNameOf(t, q(t.smsMessages.userId)),
    ),
    column: undefined,
    input: undefined,
  },
  client: {
    ...reference(
      "outbox.fields.client",
      "clients.clients",
      (t) => sms(t).clientId,
      (t) => clientNameOf(t, q(t.smsMessages.clientId)),
    ),
    column: undefined,
    input: undefined,
  },
  // Typed as people write it, kept in E.164, shown the way a reader in Belgium writes it.
  to: {
    ...text("outbox.sms.fields.to", (t) => sms(t).to, { max: 40, width: 16 }),
    help: "outbox.sms.help.to",
    present: (value) => (value ? formatGsm(String(value)) : ""),
  },
  body: {
    ...text("outbox.sms.fields.body", (t) => sms(t).body, { max: MAX_BODY, required: true, width: 40 }),
    type: "longtext",
    help: "outbox.sms.help.body",
  },
  length: {
    type: "text",
    label: "outbox.sms.fields.length",
    expr: (t) => sms(t).body,
    sortable: false,
    width: 22,
    present: presentLength,
  },
  state: choice("outbox.fields.state", (t) => sms(t).state, mailStates, { editable: false, width: 12 }),
  attempts: integer("outbox.fields.attempts", (t) => sms(t).attempts, { editable: false, width: 8 }),
  error: {
    ...text("outbox.fields.error", (t) => sms(t).error, { editable: false }),
    type: "longtext",
    present: presentError,
  },
  providerId: text("outbox.sms.fields.providerId", (t) => sms(t).providerId, { editable: false, width: 20 }),
  sentAt: datetime("outbox.fields.sentAt", (t) => sms(t).sentAt),
};

/** An SMS is written while it is a draft, by its writer only; once queued it is a record. */
async function draftOnly(tx: Tx, ctx: ResourceCtx, id: string | number | undefined) {
  if (id === undefined) return;
  const { t } = ctx.handle;
  const [row] = await tx
    .select({ state: t.smsMessages.state, userId: t.smsMessages.userId })
    .from(t.smsMessages)
    .where(eq(t.smsMessages.id, Number(id)));
  if (!row) throw new AppError("NOT_FOUND");
  if (row.userId !== ctx.user.id) throw new AppError("FORBIDDEN");
  if (row.state !== "draft") throw new AppError("INVALID_INPUT", { messageKey: "outbox.sms.errors.notDraft" });
}

/**
 * After every save: the writer is the sender, and a message without a number goes to its client's
 * GSM, which must be a mobile number; otherwise the save is refused and nothing is kept.
 */
async function writerAndNumber(tx: Tx, ctx: ResourceCtx, id: string | number) {
  const { t } = ctx.handle;
  const [row] = await tx
    .update(t.smsMessages)
    .set({ userId: sql`coalesce(${t.smsMessages.userId}, ${ctx.user.id})` })
    .where(eq(t.smsMessages.id, Number(id)))
    .returning({ to: t.smsMessages.to, clientId: t.smsMessages.clientId });
  if (!row || row.to) return;
  if (!row.clientId) throw new AppError("INVALID_INPUT", { field: "to", messageKey: "outbox.sms.gsm.empty" });
  const [client] = await tx.select({ gsm: t.partners.gsm }).from(t.partners).where(eq(t.partners.id, row.clientId));
  const gsm = parseGsm(client?.gsm ?? "");
  if (!gsm.ok) throw gsmRefused(gsm.reason, "to", true);
  await tx
    .update(t.smsMessages)
    .set({ to: gsm.e164 })
    .where(eq(t.smsMessages.id, Number(id)));
}

/**
 * "Send": only a draft, only by its writer, only to a mobile number; it is queued and its job asked
 * for in the same transaction.
 */
const sendTransition = {
  name: "send",
  label: "outbox.send",
  from: ["draft"],
  to: "queued",
  roles: ["OfficeUser"] as Role[],
  effect: async (tx: Tx, ctx: ResourceCtx, id: string | number) => {
    const { t } = ctx.handle;
    const [row] = await tx
      .select({ userId: t.smsMessages.userId, to: t.smsMessages.to, body: t.smsMessages.body })
      .from(t.smsMessages)
      .where(eq(t.smsMessages.id, Number(id)));
    if (row?.userId !== ctx.user.id) throw new AppError("FORBIDDEN");
    const gsm = parseGsm(row.to);
    if (!gsm.ok) throw gsmRefused(gsm.reason, "to");
    if (!row.body.trim()) throw new AppError("INVALID_INPUT", { field: "body" });
    await enqueue(ctx.handle, sendSmsJob, { smsId: Number(id) }, { tx });
  },
};

const smsCommon = {
  table: sms,
  pk: (t: TenantTables) => sms(t).id,
  version: (t: TenantTables) => sms(t).version,
  fields: smsFields,
  titleField: "to",
  defaultSort: [{ field: "createdAt", dir: "desc" as const }],
  filters: {
    state: {
      label: "outbox.fields.state",
      widget: "choice" as const,
      choices: mailStates,
      schema: z.enum(mailStates.values as [string, ...string[]]),
      where: (v: string, t: TenantTables) => eq(sms(t).state, v),
    },
  },
  normalize: normalizeSms,
  workflow: { field: "state", transitions: [sendTransition] },
  // Once queued an SMS is a record of what went out (or tried to).
  locked: {
    when: (t: TenantTables) => sql`${t.smsMessages.state} <> 'draft'`,
    messageKey: "outbox.sms.errors.notDraft",
  },
  beforeSave: draftOnly,
  beforeDelete: (tx: Tx, ctx: ResourceCtx, id: string | number) => draftOnly(tx, ctx, id),
  afterSave: writerAndNumber,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["to", "state", "sentAt", "length"] },
        { fields: ["sender", "client", "createdAt", "attempts"] },
        { fields: ["body"] },
        { fields: ["error", "providerId"] },
      ],
    },
  ],
};

/** Office → My SMS: the text messages I wrote; "New" starts a draft to a number. */
export const mySmsResource = defineResource({
  ...smsCommon,
  id: "outbox.mySms",
  title: "outbox.sms.mine",
  scope: (t, ctx) => eq(sms(t).userId, ctx.user.id),
  columns: ["createdAt", "to", "body", "length", "state", "sentAt"],
  hiddenColumns: ["id", "client", "attempts", "providerId"],
  access: { view: ["OfficeUser"], edit: ["OfficeUser"], delete: ["OfficeUser"] },
  insert: { fields: ["to", "body"] },
});

/**
 * A client's SMS (History tab, beside the mails): "New" writes to the client's GSM unless another
 * number is typed, refused at once when it is no mobile number. Any office user reads a client's
 * SMS; only their writer changes or sends them.
 */
export const clientSmsResource = defineResource({
  ...smsCommon,
  id: "outbox.smsByClient",
  title: "outbox.sms.byClient",
  fields: {
    ...smsFields,
    client: reference(
      "outbox.fields.client",
      "clients.clients",
      (t) => sms(t).clientId,
      (t) => clientNameOf(t, q(t.smsMessages.clientId)),
    ),
  },
  columns: ["createdAt", "sender", "to", "body", "state"],
  hiddenColumns: ["id", "client", "attempts", "sentAt", "length", "providerId"],
  access: { view: ["OfficeUser"], edit: ["OfficeUser"], delete: ["OfficeUser"], listAll: [] },
  insert: { fields: ["client", "to", "body"] },
});

/** Explorer → System → SMS: every SMS of the centre with what the provider answered, for administrators. */
export const allSmsResource = defineResource({
  ...smsCommon,
  id: "outbox.sms",
  title: "outbox.sms.all",
  columns: ["createdAt", "sender", "to", "length", "state", "sentAt"],
  hiddenColumns: ["id", "client", "attempts", "body", "providerId"],
  access: { view: ["SiteAdmin"], edit: [], delete: [] },
});

const s = (t: TenantTables) => t.smsSettings;

/** An SMS sender: a number in E.164, or 1 to 11 letters, digits and spaces with a letter (an alphanumeric id). */
const senderId = z.union([
  z.literal(""),
  z.string().regex(/^\+[1-9]\d{6,14}$/),
  z.string().regex(/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/),
]);

/** Site → Administration → SMS provider: an API speaking Twilio's; the token is set by an action, never shown. */
export const smsSettingsResource = defineResource({
  id: "outbox.smsSettings",
  title: "outbox.sms.settings",
  table: s,
  pk: (t) => s(t).id,
  version: (t) => s(t).version,
  fields: {
    enabled: boolean("outbox.fields.enabled", (t) => s(t).enabled),
    baseUrl: {
      ...text("outbox.sms.fields.baseUrl", (t) => s(t).baseUrl, { width: 28 }),
      input: z.union([z.url({ protocol: /^https?$/ }).max(255), z.literal("")]),
      help: "outbox.sms.help.baseUrl",
    },
    accountSid: text("outbox.sms.fields.accountSid", (t) => s(t).accountSid, { max: 64, width: 24 }),
    hasToken: {
      type: "boolean",
      label: "outbox.sms.fields.hasToken",
      expr: (t) => sql<boolean>`${s(t).tokenEnc} is not null`,
    },
    senderId: {
      ...text("outbox.sms.fields.senderId", (t) => s(t).senderId, { width: 14 }),
      input: senderId,
      help: "outbox.sms.help.senderId",
    },
  },
  columns: ["enabled", "baseUrl", "accountSid", "senderId"],
  titleField: "baseUrl",
  defaultSort: [{ field: "baseUrl", dir: "asc" }],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"], delete: [] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["enabled", "baseUrl", "accountSid"] }, { fields: ["hasToken", "senderId"] }],
    },
  ],
  actions: [
    setSecretAction({
      name: "setToken",
      label: "outbox.sms.setToken",
      param: "token",
      paramLabel: "outbox.sms.fields.token",
      resource: "outbox.smsSettings",
      settings: s,
      column: (t) => s(t).tokenEnc,
      key: "tokenEnc",
      context: smsTokenContext,
    }),
    {
      name: "sendTest",
      label: "outbox.sms.sendTest",
      roles: ["SiteAdmin"],
      params: {
        to: { ...text("outbox.sms.fields.to", (t) => s(t).senderId, { max: 40 }), required: true },
      },
      // Sent at once, not queued: the administrator sees the provider's answer while setting it up.
      run: async (ctx, _id, params) => {
        const gsm = parseGsm(String(params.to));
        if (!gsm.ok) throw gsmRefused(gsm.reason, "to");
        const account = await smsProviderOf(ctx.handle);
        if (!account) throw new AppError("INVALID_INPUT", { messageKey: "outbox.sms.errors.noProvider" });
        try {
          await account.provider.send({
            to: gsm.e164,
            from: account.from,
            body: translatorFor(ctx.locale)("outbox.sms.testBody"),
          });
        } catch (err) {
          throw new AppError("INVALID_INPUT", {
            messageKey: "outbox.sms.errors.sendFailed",
            reason: err instanceof Error ? err.message : String(err),
          });
        }
      },
    },
  ],
});
