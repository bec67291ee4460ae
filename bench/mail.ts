// Notification e-mails at volume (issue 13): DIGESTS users with unsent notifications in daily-digest
// mode; their digests are queued, then sent by the job workers through a real SMTP server on
// loopback. Time, and whether every mail arrived exactly once.
import { eq, sql } from "drizzle-orm";
import type { c } from "@/server/db/control";
import { startMailSink } from "@/server/integrations/mail/sink";
import { closeTransports } from "@/server/integrations/mail/transport";
import { startJobWorkers } from "@/server/jobs/queue";
import { mailNotifications } from "@/server/notify/mail";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { line, timed } from "./lib";

type Tenant = typeof c.tenants.$inferSelect;
const MESSAGES_PER_USER = 3;

export async function benchDigests(tenant: Tenant, digests: number) {
  const { registry } = await import("@/server/areas");
  const handle = tenantHandle(tenant);
  const { db, t } = handle;
  const received = new Map<string, number>();
  const sink = await startMailSink({
    onMail: (mail) => {
      for (const to of mail.to) received.set(to, (received.get(to) ?? 0) + 1);
    },
  });
  await db
    .update(t.mailSettings)
    .set({ enabled: true, host: "127.0.0.1", port: sink.port, security: "none", fromAddress: "bench@example.org" })
    .where(eq(t.mailSettings.id, 1));
  // The users and their messages, generated in SQL.
  await db.execute(sql`insert into ${t.users} (username, first_name, last_name, user_type, email, mail_mode)
    select 'digest-' || g, 'Digest', 'User ' || g, '100', 'digest-' || g || '@example.org', 'daily'
    from generate_series(1, ${digests}) g`);
  await db.execute(sql`insert into ${t.notifyMessages} (user_id, message_type, subject, mail_mode)
    select u.id, 'system', 'Message ' || m || ' for ' || u.username, 'daily'
    from ${t.users} u cross join generate_series(1, ${MESSAGES_PER_USER}) m where u.username like 'digest-%'`);

  // The workers run from the start, as in the app: mails leave while the digests are still queued.
  const workers = await startJobWorkers(registry, { pollingIntervalSeconds: 0.5 });
  let queued = { seconds: 0, result: 0 };
  const sent = await timed(async () => {
    queued = await timed(() => mailNotifications(handle, "daily"));
    const until = Date.now() + 30 * 60_000;
    while (received.size < queued.result && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  });
  await workers.stop();
  closeTransports();
  await sink.close();
  line("mail_digests_users", digests);
  line("mail_digests_messages", digests * MESSAGES_PER_USER);
  line("mail_digests_queued", queued.result);
  line("mail_digests_queue_seconds", queued.seconds);
  const copies = [...received.values()].reduce((a, b) => a + b, 0);
  line("mail_digests_queued_and_delivered_seconds", sent.seconds);
  line("mail_digests_per_second", received.size / sent.seconds);
  line("mail_digests_lost", queued.result - received.size);
  line("mail_digests_duplicated", copies - received.size);
  const [again] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.notifyMessages)
    .where(sql`${t.notifyMessages.sentAt} is null and ${t.notifyMessages.mailMode} = 'daily'`);
  line("mail_digests_messages_left_unsent", again?.n ?? -1);
}
