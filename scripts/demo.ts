// `npm run demo`: an embedded database (unless DATABASE_URL is set), the demo centres and an
// operator account, then the web server. Safe to run again: existing centres are only brought up to date.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { DEMO_CENTRES, DEMO_OPERATOR } from "@/db/seed/demo-centres";
import { upperFirst } from "@/lib/format";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { ensureDatabase } from "@/server/db/embedded";
import { onShutdown, startServer } from "@/server/main";
import { createOperator } from "@/server/operator/accounts";
import { encryptSecret } from "@/server/crypto/secrets";
import { startMailSink } from "@/server/integrations/mail/sink";
import { demoAccountSid, FAKE_AUTH_TOKEN, startSmsFake } from "@/server/integrations/sms/fake";
import { passwordContext } from "@/server/outbox/send";
import { smsTokenContext } from "@/server/outbox/sms-send";
import { env } from "@/server/env";
import { createTenant } from "@/server/tenancy/lifecycle";
import { prepareQueues } from "@/server/jobs/queue";
import { registry } from "@/server/areas";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { migrateControl, migrateTenant } from "@/server/tenancy/migrations";

const { values } = parseArgs({
  options: {
    prod: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    memory: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
// Sessions of a demo only need to outlive the demo process.
process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
// Secrets stored by the demo must stay readable across restarts: a fixed demo key, never for production data.
process.env.MASTER_KEY ??= "entraide-demo-master-key-for-fictitious-data-only";
const log = (line: string) => console.log(`  ${line}`);
/** An SMS sender id (11 letters and digits at most) from the centre's name: "ÖSHZ Eupen" → "OSHZ Eupen". */
const smsSender = (name: string, slug: string) =>
  `${name.split(" ")[0]} ${upperFirst(slug)}`
    .normalize("NFD")
    .replace(/[^A-Za-z0-9 ]/g, "")
    .slice(0, 11)
    .trim();

const db = await ensureDatabase({ dataDir: values.memory ? "memory://" : undefined });
console.log(db.embedded ? "Embedded PostgreSQL (PGlite) ready" : "Using DATABASE_URL");
await migrateControl();
// A real SMTP server on loopback catches what the centres send; their administrators read it on
// /outbox/caught. Each demo centre signs in to it with its id, which names its mailbox.
const mailSink = await startMailSink({ dir: env().MAILBOX_DIR });
// Likewise a local SMS provider speaking Twilio's API catches their SMS, each centre with an account of its own.
const smsFake = await startSmsFake({ dir: env().SMS_DIR });
// Seeding queues jobs inside its transactions (mails of users notified at once): the queues exist first.
await prepareQueues(registry);
for (const centre of DEMO_CENTRES) {
  const { tenant, created } = await createTenant(centre, "demo", log);
  if (!created) await migrateTenant(tenant);
  const { db, t } = tenantHandle(tenant);
  await db
    .update(t.mailSettings)
    .set({
      enabled: true,
      host: "127.0.0.1",
      port: mailSink.port,
      security: "none",
      username: tenant.id,
      passwordEnc: encryptSecret("demo", passwordContext(tenant.id)),
      fromAddress: `noreply@${tenant.slug}.demo.entraide.test`,
      fromName: centre.names[centre.defaultLocale] ?? tenant.slug,
    })
    .where(eq(t.mailSettings.id, 1));
  await db
    .update(t.smsSettings)
    .set({
      enabled: true,
      baseUrl: smsFake.url,
      accountSid: demoAccountSid(tenant.id),
      tokenEnc: encryptSecret(FAKE_AUTH_TOKEN, smsTokenContext(tenant.id)),
      senderId: smsSender(centre.names[centre.defaultLocale] ?? "", tenant.slug),
    })
    .where(eq(t.smsSettings.id, 1));
  // The centre's box exists from the start: the caught page says "none yet" rather than "no demo box".
  mkdirSync(path.resolve(env().SMS_DIR, demoAccountSid(tenant.id)), { recursive: true });
}
const [operator] = await controlDb().select().from(c.operators).where(eq(c.operators.email, DEMO_OPERATOR.email));
if (!operator) await createOperator(DEMO_OPERATOR, "demo");

process.env.PORT = String(port);
// The demo's accounts have public passwords: only this machine may reach it, unless HOSTNAME says otherwise.
const hostname = process.env.HOSTNAME || "127.0.0.1";
const web = await startServer({ dev: !values.prod, port, hostname });
onShutdown(web.close, mailSink.close, smsFake.close, closePools, db.stop);

const base = process.env.BASE_DOMAIN ?? "localhost";
console.log(`
Entraide demo is running${values.prod ? "" : " (development mode: the first page takes a few seconds to compile)"}:
${DEMO_CENTRES.map((t) => `  ${t.names[t.defaultLocale] ?? t.names.fr}: http://${t.slug}.${base}:${port}`).join("\n")}
  Operator console: http://console.${base}:${port}   ${DEMO_OPERATOR.email} / ${DEMO_OPERATOR.password}
  Mails and SMS the centres send are caught by a local mail server and SMS provider: /outbox/caught in each centre (administrators).
Listening on ${hostname}${hostname === "127.0.0.1" ? " (this machine only; HOSTNAME=0.0.0.0 opens it to the network)" : ""}. Press Ctrl-C to stop.`);
