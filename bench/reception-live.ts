// The live waiting room (issue 16): how soon a check-in at the desk reaches every open
// waiting-room view of the centre (real server-sent event connections to the built server), that
// it reaches no view of another centre, and what many open views cost the server per connection.
// The check-ins are made by this process through the app's procedures: another app instance, as
// far as the server is concerned, so each one travels through PostgreSQL's NOTIFY.
import http from "node:http";
import { claimsFor } from "@/server/auth/session";
import type { c } from "@/server/db/control";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import type { AppServer } from "./http";
import { line, mb, percentile } from "./lib";

type Tenant = typeof c.tenants.$inferSelect;
interface Session {
  slug: string;
  cookie: string;
  tenant: Tenant;
}

const TARGET_P95_MS = 1000;

/** Opens a waiting-room view as the browser's EventSource does; `onChanged` is called at each `changed` event. */
function openWaitingRoom(server: AppServer, session: Session, onChanged: () => void) {
  return new Promise<http.ClientRequest>((resolve, reject) => {
    const req = http.get(
      {
        host: "127.0.0.1",
        port: server.port,
        path: "/api/reception/live",
        headers: {
          host: `${session.slug}.localhost:${server.port}`,
          cookie: session.cookie,
          accept: "text/event-stream",
        },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`waiting room answered ${res.statusCode}`));
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let match;
          while ((match = /event: changed\ndata: .*\n\n/.exec(buffer))) {
            buffer = buffer.slice(match.index + match[0].length);
            onChanged();
          }
        });
        resolve(req);
      },
    );
    req.on("error", reject);
  });
}

/** A clerk of the centre who sends the same client to an agent who accepts newcomer consultations, once per call. */
async function desk(tenant: Tenant) {
  const { db, t } = tenantHandle(tenant);
  const [agent] = await db
    .insert(t.users)
    .values({
      username: "bench-desk-agent",
      firstName: "Bench",
      lastName: "Agent",
      userType: "100",
      newcomerConsultations: true,
    })
    .returning();
  const [clerk] = await db
    .insert(t.users)
    .values({ username: "bench-desk-clerk", firstName: "Bench", lastName: "Clerk", userType: "210" })
    .returning();
  const [client] = await db
    .insert(t.partners)
    .values({ kind: "person", name: "Visitor Bench", firstName: "Bench", lastName: "Visitor", isClient: true })
    .returning({ id: t.partners.id });
  const caller = createCaller(
    await createInnerContext({ host: { kind: "tenant", slug: tenant.slug }, claims: claimsFor(tenant, clerk!) }),
  );
  return () =>
    caller.resources.action({
      resource: "reception.clients",
      id: client!.id,
      name: "createVisit",
      params: { user: agent!.id, summary: "Bench" },
    });
}

/** Waits until `done()` holds, looking every few milliseconds. */
async function until(done: () => boolean) {
  while (!done()) await new Promise((r) => setTimeout(r, 2));
}

export async function benchReceptionLive(
  server: AppServer,
  sessions: Session[],
  { checkins, views, connections }: { checkins: number; views: number; connections: number },
) {
  const [centre, other] = [sessions[0]!, sessions[1]!];
  const checkIn = await desk(centre.tenant);

  // 1. `views` open waiting rooms of one centre and ten of another; each check-in until the last of
  // the centre's views has heard of it.
  let heard = 0;
  let heardElsewhere = 0;
  const open: http.ClientRequest[] = [];
  for (let i = 0; i < views; i++) open.push(await openWaitingRoom(server, centre, () => void heard++));
  for (let i = 0; i < 10; i++) open.push(await openWaitingRoom(server, other, () => void heardElsewhere++));
  // Each view first gets the state it catches up with.
  await until(() => heard >= views && heardElsewhere >= 10);
  heard = 0;
  heardElsewhere = 0;
  const latencies: number[] = [];
  for (let i = 0; i < checkins; i++) {
    const start = performance.now();
    await checkIn();
    await until(() => heard >= views);
    latencies.push(performance.now() - start);
    heard = 0;
  }
  // Whatever was late for the other centre would have arrived by now.
  await new Promise((r) => setTimeout(r, 500));
  for (const req of open) req.destroy();
  line("reception_live_views", views);
  line("reception_live_checkins", checkins);
  line("reception_live_all_views_p50_ms", percentile(latencies, 50));
  line("reception_live_all_views_p95_ms", percentile(latencies, 95));
  line("target_reception_live_all_views_p95_ms", TARGET_P95_MS);
  line("reception_live_target_met", percentile(latencies, 95) <= TARGET_P95_MS ? "yes" : "no");
  line("reception_live_events_on_other_centre", heardElsewhere);

  // 2. Many open waiting rooms over the centres, held by one server process: memory per connection.
  const memory = async () => (await server.ask<{ memory: NodeJS.MemoryUsage }>({ ask: "memory", gc: true })).memory;
  const before = await memory();
  let first = 0;
  const many: http.ClientRequest[] = [];
  for (let i = 0; i < connections; i++)
    many.push(await openWaitingRoom(server, sessions[i % sessions.length]!, () => void first++));
  await until(() => first >= connections);
  const after = await memory();
  line("reception_live_connections_open", many.length);
  line("reception_live_connections_centres", Math.min(connections, new Set(sessions.map((s) => s.slug)).size));
  line("reception_live_connection_rss_kb_each", (after.rss - before.rss) / 1024 / connections);
  line("reception_live_connection_heap_kb_each", (after.heapUsed - before.heapUsed) / 1024 / connections);
  line("reception_live_server_rss_mb_with_connections", mb(after.rss));
  // A check-in still reaches the centre's views with every connection open.
  const onCentre = Math.ceil(connections / sessions.length);
  first = 0;
  const start = performance.now();
  await checkIn();
  await until(() => first >= onCentre);
  line("reception_live_checkin_ms_with_connections_open", performance.now() - start);
  for (const req of many) req.destroy();
}
