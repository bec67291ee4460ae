import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { env } from "@/server/env";

const MAILBOX = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface CaughtMailView {
  file: string;
  date: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: string[];
}

/**
 * The folder where the demo's mail server keeps a centre's mails (named by the centre's id, the
 * user name it signs in to that server with); null when there is none (not a demo).
 */
export function mailboxOf(tenantId: string): string | null {
  if (!MAILBOX.test(tenantId)) return null;
  const dir = path.resolve(env().MAILBOX_DIR, tenantId);
  return existsSync(dir) ? dir : null;
}

/** The newest mails the demo's mail server caught for the centre, read as a mail program would show them. */
export async function caughtMails(tenantId: string, limit = 50): Promise<CaughtMailView[] | null> {
  const dir = mailboxOf(tenantId);
  if (!dir) return null;
  const files = (await readdir(dir))
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(path.join(dir, file)));
      const addresses = (a: typeof mail.to) => (Array.isArray(a) ? a.map((x) => x.text).join(", ") : (a?.text ?? ""));
      return {
        file,
        date: mail.date?.toISOString() ?? null,
        from: mail.from?.text ?? "",
        to: addresses(mail.to),
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        attachments: mail.attachments.map((a) => a.filename ?? a.contentType),
      };
    }),
  );
}
