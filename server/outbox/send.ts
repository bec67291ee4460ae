import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { decryptSecret } from "@/server/crypto/secrets";
import { deliver, PermanentMailError, type SmtpSettings } from "@/server/integrations/mail/transport";
import { defineJob } from "@/server/jobs/define";
import { enqueue } from "@/server/jobs/queue";
import type { Translator } from "@/server/i18n/translator";
import { uploadStorage } from "@/server/uploads/storage";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { settleOutgoing } from "./settle";

type Tx = TenantHandle["db"];

export const passwordContext = (tenantId: string) => `${tenantId}:mail.password`;

/** The centre's mail server, ready to use; null while none is configured and enabled. */
export async function smtpSettingsOf(
  handle: Pick<TenantHandle, "db" | "t" | "tenantId">,
): Promise<SmtpSettings | null> {
  const [s] = await handle.db.select().from(handle.t.mailSettings).where(eq(handle.t.mailSettings.id, 1));
  if (!s?.enabled || !s.host || !s.fromAddress) return null;
  return {
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username,
    password: s.passwordEnc ? decryptSecret(s.passwordEnc, passwordContext(handle.tenantId)) : null,
    fromAddress: s.fromAddress,
    fromName: s.fromName,
  };
}

export interface MailDraft {
  /** Who sends it; null for the centre itself. */
  userId: number | null;
  clientId?: number | null;
  owner?: { type: string; id: number } | null;
  subject: string;
  body: string;
  to: { address: string; name?: string; partnerId?: number | null }[];
  cc?: { address: string; name?: string; partnerId?: number | null }[];
}

/**
 * Writes a mail and puts it on the queue, in the caller's transaction: the mail exists, and will be
 * sent, exactly when what asked for it is saved. Returns the mail's id.
 */
export async function queueMail(tx: Tx, handle: Pick<TenantHandle, "t" | "tenantId">, draft: MailDraft) {
  const { t } = handle;
  const [mail] = await tx
    .insert(t.mails)
    .values({
      userId: draft.userId,
      clientId: draft.clientId ?? null,
      ownerType: draft.owner?.type ?? null,
      ownerId: draft.owner?.id ?? null,
      subject: draft.subject,
      body: draft.body,
      state: "queued",
    })
    .returning({ id: t.mails.id });
  const recipients = [
    ...draft.to.map((r) => ({ ...r, kind: "to" })),
    ...(draft.cc ?? []).map((r) => ({ ...r, kind: "cc" })),
  ];
  await tx.insert(t.mailRecipients).values(
    recipients.map((r) => ({
      mailId: mail!.id,
      kind: r.kind,
      address: r.address,
      name: r.name ?? "",
      partnerId: r.partnerId ?? null,
    })),
  );
  await enqueue(handle, sendMailJob, { mailId: mail!.id }, { tx });
  return mail!.id;
}

const SEND_RETRY = { limit: 4, delaySeconds: 60 };

/**
 * Sends one queued mail. A refusal the server will repeat (5xx, an unknown recipient) fails the
 * mail at once; a lost connection or a temporary refusal is retried with a backoff. Each attempt's
 * error is kept on the mail; when it fails for good, its sender is told.
 */
export const sendMailJob = defineJob({
  name: "outbox.send",
  label: "outbox.sendJob",
  payload: z.object({ mailId: z.number().int() }),
  retry: SEND_RETRY,
  run: async (handle, { mailId }, { attempt }) => {
    const { db, t } = handle;
    const [mail] = await db.select().from(t.mails).where(eq(t.mails.id, mailId));
    if (!mail || mail.state === "sent" || mail.state === "failed") return;
    const recipients = await db.select().from(t.mailRecipients).where(eq(t.mailRecipients.mailId, mailId));
    const settings = await smtpSettingsOf(handle);
    const failed = (error: string) => failMail(handle, mail, error);
    if (!settings) return failed("outbox.errors.noServer");
    const [writer] = mail.userId
      ? await db
          .select({ first: t.users.firstName, last: t.users.lastName, address: t.users.email })
          .from(t.users)
          .where(eq(t.users.id, mail.userId))
      : [];
    // Each attached document streams from the centre's storage into the mail.
    const attached = await db
      .select({ key: t.uploads.storageKey, name: t.uploads.fileName, type: t.uploads.mimeType })
      .from(t.mailAttachments)
      .innerJoin(t.uploads, eq(t.uploads.id, t.mailAttachments.uploadId))
      .where(eq(t.mailAttachments.mailId, mailId));
    const attachments = await Promise.all(
      attached.map(async (a) => ({
        filename: a.name,
        contentType: a.type,
        content: (await uploadStorage().get(handle.tenantId, a.key)).stream,
      })),
    );
    const of = (kind: string) =>
      recipients.filter((r) => r.kind === kind).map((r) => ({ address: r.address, name: r.name }));
    try {
      const messageId = await deliver(settings, {
        to: of("to"),
        cc: of("cc"),
        bcc: of("bcc"),
        subject: mail.subject,
        text: mail.body,
        automatic: mail.userId === null,
        attachments,
        writer: writer && { name: `${writer.first} ${writer.last}`.trim(), address: writer.address },
      });
      await finish(handle, mail, { state: "sent", messageId });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentMailError || attempt >= SEND_RETRY.limit) return failed(error);
      await db
        .update(t.mails)
        .set({ attempts: sql`${t.mails.attempts} + 1`, error })
        .where(eq(t.mails.id, mailId));
      throw err;
    }
  },
});

type Mail = TenantHandle["t"]["mails"]["$inferSelect"];

/**
 * A mail that will not arrive: refused for good at sending, or returned later by the receiving
 * server (a bounce, which is no attempt of ours). Its sender is told.
 */
export const failMail = (
  handle: Pick<TenantHandle, "db" | "t" | "tenantId">,
  mail: Mail,
  error: string,
  { attempt = true } = {},
) => finish(handle, mail, { state: "failed", error }, attempt);

function finish(
  handle: Pick<TenantHandle, "db" | "t" | "tenantId">,
  mail: Mail,
  outcome: { state: "sent"; messageId: string } | { state: "failed"; error: string },
  attempt = true,
) {
  const { t } = handle;
  const message = {
    resource: "outbox.mails" as const,
    ...mail,
    failedNotice: (tr: Translator) => tr("outbox.failedNotice", { subject: mail.subject }),
  };
  return settleOutgoing(handle, message, outcome, (tx) =>
    tx
      .update(t.mails)
      .set({
        state: outcome.state,
        ...(attempt ? { attempts: sql`${t.mails.attempts} + 1` } : {}),
        ...(outcome.state === "sent"
          ? { sentAt: sql`now()`, messageId: outcome.messageId, error: null }
          : { error: outcome.error }),
      })
      .where(eq(t.mails.id, mail.id)),
  );
}
