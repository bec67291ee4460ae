// The notification bell's live channel (issue 13): how soon the unseen count reaches an open
// session after a change made by another process, and what open connections cost the server.
import http from "node:http";
import type { c } from "@/server/db/control";
import { notify } from "@/server/notify/emit";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { AppServer } from "./http";
import { line, mb, percentile } from "./lib";

type Tenant = typeof c.tenants.$inferSelect;
interface Session {
  slug: string;
  cookie: string;
  userId: number;
  tenant: Tenant;
}

/** Opens the live channel as the browser's EventSource does; `onCount` gets each unseen count. */
function openLive(server: AppServer, session: Session, onCount: (count: number) => void) {
  return new Promise<http.ClientRequest>((resolve, reject) => {
    const req = http.get(
      {
        host: "127.0.0.1",
        port: server.port,
        path: "/api/notify/live",
        headers: {
          host: `${session.slug}.localhost:${server.port}`,
          cookie: session.cookie,
          accept: "text/event-stream",
        },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`live channel answered ${res.statusCode}`));
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let match;
          while ((match = /event: unseen\ndata: (.*)\n\n/.exec(buffer))) {
            buffer = buffer.slice(match.index + match[0].length);
            onCount((JSON.parse(match[1]!) as { count: number }).count);
          }
        });
        resolve(req);
      },
    );
    req.on("error", reject);
  });
}

const notifyOne = (session: Session, subject: string) => {
  const handle = tenantHandle(session.tenant);
  return handle.db.transaction((tx) =>
    notify(tx, handle, null, [session.userId], { type: "system", owner: null, compose: () => ({ subject }) }),
  );
};

export async function benchLive(
  server: AppServer,
  sessions: Session[],
  { changes, connections }: { changes: number; connections: number },
) {
  // 1. Latency: a notification written by this process (another app instance, as far as the server
  // knows) until the new count arrives on the server's stream.
  const watcher = sessions[0]!;
  let last = -1;
  let waiting: ((count: number) => void) | null = null;
  const stream = await openLive(server, watcher, (count) => {
    last = count;
    waiting?.(count);
  });
  while (last < 0) await new Promise((r) => setTimeout(r, 10));
  const latencies: number[] = [];
  for (let i = 0; i < changes; i++) {
    const expected = last + 1;
    const arrived = new Promise<void>((resolve) => {
      waiting = (count) => count >= expected && resolve();
    });
    const start = performance.now();
    await notifyOne(watcher, `Live ${i}`);
    await arrived;
    latencies.push(performance.now() - start);
  }
  stream.destroy();
  line("live_changes", changes);
  line("live_unseen_count_p50_ms", percentile(latencies, 50));
  line("live_unseen_count_p95_ms", percentile(latencies, 95));
  line("target_live_unseen_count_p95_ms", 1000);

  // 2. Many open connections over the centres, held by one server process: memory per connection.
  const memory = async () => (await server.ask<{ memory: NodeJS.MemoryUsage }>({ ask: "memory", gc: true })).memory;
  const before = await memory();
  const open: http.ClientRequest[] = [];
  let first = 0;
  for (let i = 0; i < connections; i++) {
    const session = sessions[i % sessions.length]!;
    open.push(await openLive(server, session, () => void first++));
  }
  while (first < connections) await new Promise((r) => setTimeout(r, 20));
  const after = await memory();
  line("live_connections_open", open.length);
  line("live_connections_centres", new Set(sessions.map((s) => s.slug)).size);
  line("live_connection_rss_kb_each", (after.rss - before.rss) / 1024 / connections);
  line("live_connection_heap_kb_each", (after.heapUsed - before.heapUsed) / 1024 / connections);
  line("live_server_rss_mb_with_connections", mb(after.rss));
  // A change still arrives with every connection open.
  const arrived = new Promise<void>((resolve) => {
    waiting = () => resolve();
  });
  const again = await openLive(server, watcher, (count) => waiting?.(count));
  const start = performance.now();
  await notifyOne(watcher, "Live with many open");
  await arrived;
  line("live_unseen_count_ms_with_connections_open", performance.now() - start);
  again.destroy();
  for (const req of open) req.destroy();
}
