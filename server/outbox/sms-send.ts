import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { decryptSecret } from "@/server/crypto/secrets";
import { formatGsm } from "@/server/integrations/sms/gsm";
import { PermanentSmsError, type SmsProvider } from "@/server/integrations/sms/provider";
import { twilioProvider } from "@/server/integrations/sms/twilio";
import { defineJob } from "@/server/jobs/define";
import type { Translator } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { settleOutgoing } from "./settle";

export const smsTokenContext = (tenantId: string) => `${tenantId}:sms.token`;

/** The centre's SMS provider and its sender id, ready to use; null while none is configured and enabled. */
export async function smsProviderOf(
  handle: Pick<TenantHandle, "db" | "t" | "tenantId">,
): Promise<{ provider: SmsProvider; from: string } | null> {
  const [s] = await handle.db.select().from(handle.t.smsSettings).where(eq(handle.t.smsSettings.id, 1));
  if (!s?.enabled || !s.baseUrl || !s.accountSid || !s.tokenEnc || !s.senderId) return null;
  const authToken = decryptSecret(s.tokenEnc, smsTokenContext(handle.tenantId));
  return { provider: twilioProvider({ baseUrl: s.baseUrl, accountSid: s.accountSid, authToken }), from: s.senderId };
}

const SEND_RETRY = { limit: 4, delaySeconds: 60 };

/**
 * Sends one queued SMS through the centre's provider. A refusal the provider will repeat (a bad
 * number, refused credentials) fails it at once; no answer, a 429 or a 5xx is retried with a
 * backoff. Each attempt's error is kept on the message; when it fails for good, its sender is told.
 */
export const sendSmsJob = defineJob({
  name: "outbox.sendSms",
  label: "outbox.sms.sendJob",
  payload: z.object({ smsId: z.number().int() }),
  retry: SEND_RETRY,
  run: async (handle, { smsId }, { attempt }) => {
    const { db, t } = handle;
    const [sms] = await db.select().from(t.smsMessages).where(eq(t.smsMessages.id, smsId));
    if (!sms || sms.state !== "queued") return;
    const failed = (error: string) => finish(handle, sms, { state: "failed", error });
    const account = await smsProviderOf(handle);
    if (!account) return failed("outbox.sms.errors.noProvider");
    try {
      const { providerId } = await account.provider.send({ to: sms.to, from: account.from, body: sms.body });
      await finish(handle, sms, { state: "sent", providerId });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentSmsError || attempt >= SEND_RETRY.limit) return failed(error);
      await db
        .update(t.smsMessages)
        .set({ attempts: sql`${t.smsMessages.attempts} + 1`, error })
        .where(eq(t.smsMessages.id, smsId));
      throw err;
    }
  },
});

type Sms = TenantHandle["t"]["smsMessages"]["$inferSelect"];

function finish(
  handle: Pick<TenantHandle, "db" | "t" | "tenantId">,
  sms: Sms,
  outcome: { state: "sent"; providerId: string } | { state: "failed"; error: string },
) {
  const { t } = handle;
  const message = {
    resource: "outbox.sms" as const,
    ...sms,
    failedNotice: (tr: Translator) => tr("outbox.sms.failedNotice", { to: formatGsm(sms.to) }),
  };
  return settleOutgoing(handle, message, outcome, (tx) =>
    tx
      .update(t.smsMessages)
      .set({
        state: outcome.state,
        attempts: sql`${t.smsMessages.attempts} + 1`,
        ...(outcome.state === "sent"
          ? { sentAt: sql`now()`, providerId: outcome.providerId, error: null }
          : { error: outcome.error }),
      })
      .where(eq(t.smsMessages.id, sms.id)),
  );
}
