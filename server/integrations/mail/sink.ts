import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** A mailbox's name: the SMTP user name the centre signs in with (its id in the demo). */
const MAILBOX = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface CaughtMail {
  mailbox: string;
  from: string;
  to: string[];
  raw: Buffer;
}

/**
 * A real SMTP server on loopback that keeps every mail instead of delivering it: in the demo (each
 * centre's mails in `<dir>/<mailbox>/`, shown to its administrators) and in tests (`onMail`).
 * `refuse` makes it answer 550 for an address, as a server does for an unknown recipient.
 */
export async function startMailSink(
  opts: {
    dir?: string;
    port?: number;
    onMail?: (mail: CaughtMail) => void;
    refuse?: (address: string) => boolean;
  } = {},
) {
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address, _session, callback) => {
      if (opts.refuse?.(address.address)) {
        const err = Object.assign(new Error(`<${address.address}>: no such mailbox here`), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const user = typeof session.user === "string" && MAILBOX.test(session.user) ? session.user : "unknown";
        const mail: CaughtMail = {
          mailbox: user,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        };
        if (opts.dir) {
          const folder = path.join(opts.dir, user);
          mkdirSync(folder, { recursive: true });
          writeFileSync(path.join(folder, `${Date.now()}-${String(++n).padStart(6, "0")}.eml`), mail.raw);
        }
        opts.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
