import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { simpleParser, type Attachment } from "mailparser";
import { env } from "@/server/env";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { failMail } from "./send";

/**
 * Bounces: a mail the centre's server accepted and a receiving server returned later, as a delivery
 * status notification (RFC 3464) to the centre's address. The centre's mail system forwards such
 * messages here (a pipe or a provider's webhook posting the raw message), and the mail they are
 * about fails, with what the receiving server said, and its sender is told.
 */

/** The credential of a centre's bounce forwarding: fixed per centre, derived from the master key. */
export const bounceToken = (tenantId: string) =>
  createHmac("sha256", env().MASTER_KEY).update(`${tenantId}:outbox.bounces`).digest("base64url");

export interface Bounce {
  /** The Message-ID of the returned mail, as the original's headers give it. */
  messageId: string;
  /** "marie@example.org: 5.1.1 smtp; 550 5.1.1 <marie@example.org>: user unknown", per failed recipient. */
  failures: string[];
}

const headerOf = (block: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im")
    .exec(block)?.[1]
    ?.replace(/\r?\n[ \t]+/g, " ")
    .trim();

const textOf = (part: Attachment | undefined) => part?.content.toString("utf8") ?? "";

/** What a delivery status notification says, or null when the message is none (or reports no failure). */
export async function readBounce(raw: Buffer | string): Promise<Bounce | null> {
  const parsed = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const status = parsed.attachments.find((a) => a.contentType === "message/delivery-status");
  const original = parsed.attachments.find(
    (a) => a.contentType === "text/rfc822-headers" || a.contentType === "message/rfc822",
  );
  if (!status || !original) return null;
  const messageId = headerOf(textOf(original), "Message-ID");
  // The first block is about the message, each next one about a recipient.
  const failures = textOf(status)
    .split(/\r?\n\r?\n/)
    .slice(1)
    .filter((block) => /^failed$/i.test(headerOf(block, "Action") ?? ""))
    .map((block) => {
      const recipient = (headerOf(block, "Final-Recipient") ?? "").replace(/^rfc822;\s*/i, "");
      const said = [headerOf(block, "Status"), headerOf(block, "Diagnostic-Code")].filter(Boolean).join(" ");
      return `${recipient}: ${said}`;
    });
  if (!messageId || failures.length === 0) return null;
  return { messageId, failures };
}

/** Applies a bounce to the mail it is about; false when no mail of this centre went out with that Message-ID. */
export async function recordBounce(handle: TenantHandle, bounce: Bounce): Promise<boolean> {
  const { db, t } = handle;
  const [mail] = await db.select().from(t.mails).where(eq(t.mails.messageId, bounce.messageId));
  if (!mail) return false;
  await failMail(handle, mail, `outbox.errors.bounced\n${bounce.failures.join("\n")}`, { attempt: false });
  return true;
}
