import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { smsLength } from "./segments";

/** A Twilio account SID: `AC` and 32 hexadecimal digits. */
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;
const MESSAGES = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const E164 = /^\+[1-9]\d{6,14}$/;
/** Twilio refuses longer bodies (error 21617). */
const MAX_BODY = 1600;
const MAX_REQUEST = 64 * 1024;

/** The token every account of the fake signs in with, unless the test says otherwise. */
export const FAKE_AUTH_TOKEN = "fake-auth-token";

/** The demo's account of a centre at the fake provider: its id as an account SID, which names its folder. */
export const demoAccountSid = (tenantId: string) => `AC${tenantId.replace(/-/g, "").toLowerCase()}`;

export interface CaughtSms {
  account: string;
  sid: string;
  to: string;
  from: string;
  body: string;
  dateCreated: string;
}

/**
 * A local SMS provider speaking Twilio's Messages API on loopback (server/integrations/sms/twilio.ts),
 * for the demo and the tests: it checks the account's basic authentication and the fields as
 * Twilio does and answers with Twilio's codes and bodies, then keeps each message instead of
 * sending it (in `<dir>/<account sid>/`, shown to the centre's administrators in the demo, and to
 * `onSms`). `unreachable` makes it refuse a number as not mobile (21614); `failNext(n)` makes the
 * next n requests answer 503, as when the provider is down for a moment.
 */
export async function startSmsFake(
  opts: {
    dir?: string;
    port?: number;
    authToken?: string;
    onSms?: (sms: CaughtSms) => void;
    unreachable?: (to: string) => boolean;
  } = {},
) {
  const token = opts.authToken ?? FAKE_AUTH_TOKEN;
  let failing = 0;
  let n = 0;

  const answer = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, code: number, message: string) =>
    answer(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const route = MESSAGES.exec(url.pathname);
    if (!route) return refuse(res, 404, 20404, "The requested resource was not found");
    if (req.method !== "POST") return refuse(res, 405, 20004, "Method not allowed");
    const account = decodeURIComponent(route[1]!);
    const [scheme, encoded] = (req.headers.authorization ?? "").split(" ");
    const [user, ...rest] = Buffer.from(encoded ?? "", "base64")
      .toString()
      .split(":");
    if (scheme !== "Basic" || user !== account || rest.join(":") !== token || !ACCOUNT_SID.test(account))
      return refuse(res, 401, 20003, "Authenticate");
    if (failing > 0) {
      failing--;
      return refuse(res, 503, 20503, "Service Unavailable");
    }
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
      return refuse(res, 400, 20001, "Content-Type must be application/x-www-form-urlencoded");
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_REQUEST) return refuse(res, 413, 20001, "Request too large");
      chunks.push(chunk as Buffer);
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString());
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? "";
    const body = form.get("Body") ?? "";
    if (!to) return refuse(res, 400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return refuse(res, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!from) return refuse(res, 400, 21603, "A 'From' phone number is required.");
    // A number in E.164, or an alphanumeric sender id: 1 to 11 letters, digits and spaces, one letter at least.
    if (!E164.test(from) && !/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(from))
      return refuse(res, 400, 21212, `Invalid From Number (caller ID): ${from}`);
    if (!body) return refuse(res, 400, 21602, "Message body is required.");
    if (body.length > MAX_BODY)
      return refuse(res, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    if (opts.unreachable?.(to)) return refuse(res, 400, 21614, `'To' number ${to} is not a valid mobile number`);

    const sid = `SM${randomBytes(16).toString("hex")}`;
    const now = new Date().toUTCString().replace("GMT", "+0000");
    const sms: CaughtSms = { account, sid, to, from, body, dateCreated: new Date().toISOString() };
    if (opts.dir) {
      const folder = path.join(opts.dir, account);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `${Date.now()}-${String(++n).padStart(6, "0")}.json`), JSON.stringify(sms));
    }
    opts.onSms?.(sms);
    const uri = `/2010-04-01/Accounts/${account}/Messages/${sid}.json`;
    answer(res, 201, {
      account_sid: account,
      api_version: "2010-04-01",
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: "outbound-api",
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: null,
      num_media: "0",
      num_segments: String(smsLength(body).segments),
      price: null,
      price_unit: "EUR",
      sid,
      status: "queued",
      subresource_uris: { media: uri.replace(".json", "/Media.json") },
      to,
      uri,
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 20500, "Internal Server Error");
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** The next `count` requests answer 503 Service Unavailable. */
    failNext: (count: number) => void (failing = count),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
