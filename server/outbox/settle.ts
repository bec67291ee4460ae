import { rowChange, systemActor, writeAudit } from "@/server/audit";
import type { Translator } from "@/server/i18n/translator";
import { notify } from "@/server/notify/emit";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Handle = Pick<TenantHandle, "db" | "t" | "tenantId">;
type Tx = Parameters<Parameters<TenantHandle["db"]["transaction"]>[0]>[0];

/**
 * A mail's or an SMS's error in the reader's words: kept as a message key when it is ours (no mail
 * server, no SMS provider; a bounce, with the receiving server's words on the next lines), as the
 * server said it otherwise.
 */
export function outboxErrorText(error: string, tr: Translator): string {
  const [first = "", ...rest] = error.split("\n");
  return /^outbox\.(sms\.)?errors\.\w+$/.test(first) ? tr(first, { details: rest.join("\n") }) : error;
}

/**
 * Records how sending a mail or an SMS ended, in one transaction: the message's own columns
 * (`update`), the audit row, and, when it failed, a notice to its sender in their language.
 */
export async function settleOutgoing(
  handle: Handle,
  message: {
    resource: "outbox.mails" | "outbox.sms";
    id: number;
    state: string;
    userId: number | null;
    /** The notice's subject when it failed. */
    failedNotice: (tr: Translator) => string;
  },
  outcome: { state: "sent" } | { state: "failed"; error: string },
  update: (tx: Tx) => Promise<unknown>,
) {
  await handle.db.transaction(async (tx) => {
    await update(tx);
    const change = { state: { from: message.state, to: outcome.state } };
    await writeAudit(
      tx,
      handle.t,
      systemActor("outbox"),
      rowChange(message.resource, outcome.state, message.id, change),
    );
    if (outcome.state === "failed" && message.userId)
      await notify(tx, handle, null, [message.userId], {
        type: "system",
        owner: null,
        compose: (tr) => ({ subject: message.failedNotice(tr), body: outboxErrorText(outcome.error, tr) }),
      });
  });
}
