import type { Readable } from "node:stream";
import nodemailer from "nodemailer";

/** How to reach a centre's mail server (the password decrypted). */
export interface SmtpSettings {
  host: string;
  port: number;
  security: string;
  username: string;
  password: string | null;
  fromAddress: string;
  fromName: string;
}

export interface OutgoingMail {
  to: { address: string; name?: string }[];
  cc?: { address: string; name?: string }[];
  bcc?: { address: string; name?: string }[];
  subject: string;
  text: string;
  /** Sent by the centre itself (notifications): marked so that auto-responders stay quiet. */
  automatic?: boolean;
  /** Written by a user: it leaves from the centre's address in their name, and answers go to them. */
  writer?: { name: string; address: string };
  attachments?: { filename: string; content: Buffer | Readable; contentType?: string }[];
}

/** A refusal the mail server will give again (5xx): retrying cannot help. */
export class PermanentMailError extends Error {}

const TIMEOUT_MS = 15_000;

/**
 * One pooled connection set per mail server and account, kept while it is used: a burst of mails
 * (digests) goes over a few open connections instead of a handshake each. Settings that change make
 * another key; the least recently used transports are closed.
 */
const transports = new Map<string, nodemailer.Transporter>();
const MAX_TRANSPORTS = 50;

function transportFor(settings: SmtpSettings) {
  const key = JSON.stringify(settings);
  let transport = transports.get(key);
  if (transport) {
    transports.delete(key);
    transports.set(key, transport);
    return transport;
  }
  transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    auth: settings.username ? { user: settings.username, pass: settings.password ?? "" } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  transports.set(key, transport);
  if (transports.size > MAX_TRANSPORTS) {
    const [oldest] = transports.keys();
    transports.get(oldest!)?.close();
    transports.delete(oldest!);
  }
  return transport;
}

/** Closes every pooled connection (a script's or a test's end). */
export function closeTransports() {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/** Hands one mail to the centre's SMTP server; returns its Message-ID. */
export async function deliver(settings: SmtpSettings, mail: OutgoingMail): Promise<string> {
  const transport = transportFor(settings);
  const list = (rs?: { address: string; name?: string }[]) =>
    rs?.map((r) => ({ address: r.address, name: r.name ?? "" }));
  try {
    const info: { rejected: unknown[]; messageId: string } = await transport.sendMail({
      from: {
        address: settings.fromAddress,
        name: mail.writer ? `${mail.writer.name} (${settings.fromName})` : settings.fromName,
      },
      replyTo: mail.writer?.address ? { address: mail.writer.address, name: mail.writer.name } : undefined,
      to: list(mail.to),
      cc: list(mail.cc),
      bcc: list(mail.bcc),
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments,
      headers: mail.automatic ? { "Auto-Submitted": "auto-generated" } : undefined,
    });
    if (info.rejected.length > 0) throw new PermanentMailError(`rejected: ${info.rejected.join(", ")}`);
    return info.messageId;
  } catch (err) {
    // A refusal (5xx) or refused credentials come back the same on every try.
    const { responseCode, code } = err as { responseCode?: number; code?: string };
    if ((responseCode && responseCode >= 500) || code === "EAUTH") throw new PermanentMailError((err as Error).message);
    throw err;
  }
}
