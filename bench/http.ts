// The app over HTTP, as a browser uses it, on a production build (issue 11): the three pages
// users open most (first page after sign-in, client list, client detail), each timed beside the
// very SQL statements it ran replayed raw, with the requests and statements it costs; then a soak
// run over many centres that prints the server's memory as it goes. Imported by bench/run.ts.
//
// The server is `server/main.ts` in production mode in a child process, started with
// bench/server-probe.ts, which counts the SQL statements it sends and reports its memory. The
// build is made once (`next build`) unless BENCH_SKIP_BUILD=1 says the current one is fresh.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { generateClients } from "@/db/seed/volume";
import { hashPassword } from "@/server/auth/password";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { ProbeQuestion } from "./server-probe";
import { eachConcurrently, line, mb, percentile, sideBySide, timed } from "./lib";
import { benchLive } from "./live";
import { benchReceptionLive } from "./reception-live";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "bench password, long enough";
const TARGET_P95_MS = { first_page: 30, client_list_page: 15, client_detail: 30 };
const TARGET_DETAIL_REQUESTS = 3;
const TARGET_DETAIL_STATEMENTS = 15;

/** `next build`, unless BENCH_SKIP_BUILD=1 (CI builds once for the benchmark and the browser tests). */
export function buildOnce() {
  if (process.env.BENCH_SKIP_BUILD === "1") return line("http_build", "reused (BENCH_SKIP_BUILD=1)");
  const start = performance.now();
  const built = spawnSync("npx", ["next", "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error("next build failed");
  line("http_build_seconds", (performance.now() - start) / 1000);
}

const BENCH_UPLOADS = path.join(tmpdir(), `entraide-bench-uploads-${process.pid}`);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The production server in a child process, with the probe that counts its SQL and reads its memory. */
export class AppServer {
  private constructor(
    private child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(databaseUrl: string): Promise<AppServer> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "--import", "./bench/server-probe.ts", "server/main.ts"],
      {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit", "ipc"],
        serialization: "advanced", // statement parameters keep their types (dates, buffers)
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          BASE_DOMAIN: "localhost",
          SESSION_SECRET: randomBytes(32).toString("hex"),
          MASTER_KEY: "entraide-bench-master-key-for-generated-data",
          SECURE_COOKIES: "false",
          LOG_LEVEL: "warn",
          // Web requests are what is measured here: background jobs would run beside them.
          JOB_WORKERS: "off",
          // The request limits of production (the bench's own loading runs without them).
          DB_STATEMENT_TIMEOUT_MS: "10000",
          DB_LOCK_TIMEOUT_MS: "5000",
          // The uploaded test files go to a folder of the run's own, removed when the server stops.
          UPLOADS_DIR: BENCH_UPLOADS,
        },
      },
    );
    const server = new AppServer(child, port);
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`the server stopped (${child.exitCode})`);
      const up = await server.get("console", "/api/health").then(
        () => true,
        () => false,
      );
      if (up) return server;
      if (tries > 1800) throw new Error("the server did not start within three minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private asking: Promise<unknown> = Promise.resolve();

  /** One question to the probe at a time: an answer carries no question, so it goes to the one asked. */
  ask<T>(question: ProbeQuestion): Promise<T> {
    const answer = this.asking.then(
      () =>
        new Promise<T>((resolve) => {
          this.child.once("message", (answer) => resolve(answer as T));
          this.child.send(question);
        }),
    );
    this.asking = answer;
    return answer;
  }

  private agent = new http.Agent({ keepAlive: true });

  /** One request to `<label>.localhost` (a centre's slug, or "console"), as a browser sends it. */
  request(
    label: string,
    pathname: string,
    { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          path: pathname,
          method,
          agent: this.agent,
          headers: { host: `${label}.localhost:${this.port}`, ...headers },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  get(label: string, pathname: string, cookie?: string) {
    return this.request(label, pathname, { headers: cookie ? { cookie } : {} });
  }

  async stop() {
    this.agent.destroy();
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    // A graceful stop may wait on connections the bench left open: killed after 15 s.
    const kill = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(kill);
    rmSync(BENCH_UPLOADS, { recursive: true, force: true });
  }
}

/** Signs in through Auth.js as the sign-in form does; the session cookie comes back. */
async function signIn(server: AppServer, slug: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (headers: http.IncomingHttpHeaders) => {
    for (const cookie of headers["set-cookie"] ?? []) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await server.get(slug, "/api/auth/csrf");
  keep(csrf.headers);
  const form = new URLSearchParams({
    csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken,
    username,
    password: PASSWORD,
  });
  const signed = await server.request(slug, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { cookie: cookies(), "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  keep(signed.headers);
  if (![...jar.keys()].some((k) => k.endsWith("session-token")))
    throw new Error(`${username} could not sign in on ${slug}`);
  return cookies();
}

/** A user of the centre with a password (user type 100, integration agent), for signing in. */
async function staffOf(tenant: Tenant, username: string, passwordHash: string) {
  const handle = tenantHandle(tenant);
  const [user] = await handle.db
    .insert(handle.t.users)
    .values({ username, firstName: "Bench", lastName: username, userType: "100", passwordHash })
    .returning();
  return user!;
}

const trpcGet = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: input } }))}`;
/** What the client grid asks for when it opens (page 1, the page size and order it starts with). */
const CLIENT_LIST_ROWS = trpcGet("resources.list", {
  resource: "clients.clients",
  state: { page: 1, pageSize: 25, sort: [], filters: {}, q: "" },
});

/**
 * The three requests: the first page after sign-in (the dashboard), a page of the client list (the
 * rows the grid asks for) and a client's detail (the page, which brings the row and its first tab).
 */
type View = { name: keyof typeof TARGET_P95_MS; requests: (clientId: number) => string[] };
const VIEWS: View[] = [
  { name: "first_page", requests: () => ["/"] },
  { name: "client_list_page", requests: () => [CLIENT_LIST_ROWS] },
  { name: "client_detail", requests: (id) => [`/clients/clients/${id}`] },
];

/** Makes the requests one after the other; the bytes of their answers. */
async function load(server: AppServer, slug: string, cookie: string, paths: string[]) {
  let bytes = 0;
  for (const p of paths) {
    const res = await server.get(slug, p, cookie);
    if (res.status !== 200) throw new Error(`${slug}${p}: ${res.status}`);
    bytes += Buffer.byteLength(res.body);
  }
  return bytes;
}

type Statement = { text: string; values: unknown[] };

/**
 * HTTP timings of the three pages on the centre holding the generated clients, each beside its
 * SQL replayed raw; then the soak run over `soakCentres`.
 */
export async function benchHttp(
  big: Tenant,
  soakCentres: Tenant[],
  databaseUrl: string,
  {
    samples,
    soakRequests,
    live,
    runs,
  }: {
    samples: number;
    soakRequests: number;
    live: { changes: number; connections: number; checkins: number; views: number; waitingRooms: number };
    /** Which of the sections pages, uploads, soak and live to run. */
    runs: (section: string) => boolean;
  },
) {
  const passwordHash = await hashPassword(PASSWORD);
  const user = await staffOf(big, "bench-http", passwordHash);
  const { db, t } = tenantHandle(big);
  const ids = (
    await db.select({ id: t.partners.id }).from(t.partners).where(eq(t.partners.isClient, true)).limit(200)
  ).map((r) => r.id);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const server = await AppServer.start(databaseUrl);
  try {
    const cookie = await signIn(server, big.slug, user.username);
    let next = 0;
    const nextId = () => ids[next++ % ids.length]!;
    for (const view of runs("pages") ? VIEWS : []) {
      // What one opening costs: requests, and SQL statements (recorded, to be replayed raw below).
      const requests = view.requests(nextId());
      await load(server, big.slug, cookie, requests); // the first request of a route loads its code
      await server.ask({ ask: "record" });
      const bytes = await load(server, big.slug, cookie, view.requests(nextId()));
      const { recorded } = await server.ask<{ recorded: Statement[] }>({ ask: "recorded" });
      line(`http_${view.name}_requests`, requests.length);
      line(`http_${view.name}_response_kb`, bytes / 1024);
      line(`http_${view.name}_sql_statements`, recorded.length);
      // BENCH_SHOW_SQL=1: the statements themselves with their raw median time, to see which of them a
      // page could do without or make cheaper.
      if (process.env.BENCH_SHOW_SQL === "1")
        for (const [i, s] of recorded.entries()) {
          const ms: number[] = [];
          for (let k = 0; k < 7; k++) {
            const start = performance.now();
            await pool.query(s.text, s.values);
            ms.push(performance.now() - start);
          }
          const text = s.text.replace(/\s+/g, " ").slice(0, 300);
          line(`http_${view.name}_sql_${i + 1}`, `${percentile(ms, 50).toFixed(2)} ms ${text}`);
        }
      const batch = 5;
      // The server's CPU time (all its threads) over the run, per request: the raw SQL batches
      // between them run from this process, so the server is idle then.
      let loads = 0;
      const cpu = async () => {
        const { user, system } = (await server.ask<{ cpu: NodeJS.CpuUsage }>({ ask: "cpu" })).cpu;
        return user + system;
      };
      const cpuBefore = await cpu();
      // BENCH_CPU_PROFILES=<folder>: the server's CPU profile of this page's timed run, to open in DevTools.
      const profiles = process.env.BENCH_CPU_PROFILES;
      if (profiles) await server.ask({ ask: "profile" });
      const { p95 } = await sideBySide(
        `http_${view.name}`,
        [
          "http",
          async () => {
            loads++;
            await load(server, big.slug, cookie, view.requests(nextId()));
          },
        ],
        // The same statements one after another on a raw connection (the app runs some side by side).
        [
          "raw_sql",
          async () => {
            for (const s of recorded) await pool.query(s.text, s.values);
          },
        ],
        { rounds: Math.max(2, Math.round(samples / batch)), batch, warmup: 10 },
      );
      line(`http_${view.name}_server_cpu_ms_per_request`, ((await cpu()) - cpuBefore) / 1000 / loads);
      if (profiles) await server.ask({ ask: "profiled", path: path.resolve(profiles, `${view.name}.cpuprofile`) });
      line(`target_http_${view.name}_p95_ms`, TARGET_P95_MS[view.name]);
      line(`http_${view.name}_target_met`, p95 <= TARGET_P95_MS[view.name] ? "yes" : "no");
      if (view.name === "client_detail") {
        line("target_http_client_detail_requests", TARGET_DETAIL_REQUESTS);
        line("target_http_client_detail_sql_statements", TARGET_DETAIL_STATEMENTS);
      }
    }
    if (runs("uploads")) await uploadRoundTrip(server, big, cookie);
    if (runs("soak")) await soak(server, soakCentres, passwordHash, soakRequests);
    if (!runs("live")) return;
    // The notification bell's live channel: one user on each of the soak's centres.
    const sessions = await Promise.all(
      soakCentres.map(async (tenant, i) => {
        const user = await staffOf(tenant, `bench-live-${i}`, passwordHash);
        return { slug: tenant.slug, cookie: await signIn(server, tenant.slug, user.username), userId: user.id, tenant };
      }),
    );
    await benchLive(server, sessions, live);
    // The waiting room's live views (issue 16): a check-in to 50 views of a centre; 1 000 over 20 centres.
    await benchReceptionLive(server, sessions, {
      checkins: live.checkins,
      views: live.views,
      connections: live.waitingRooms,
    });
  } finally {
    await server.stop();
    await pool.end();
  }
}

/**
 * Many requests over many centres, `concurrency` users at a time, each centre's user asking in
 * turn for the first page, the client list and its rows, and a client's detail; the server's
 * resident memory (RSS) and JS heap are printed every tenth of the run. A server that plateaus
 * holds about the same in the second half as at its middle.
 */
async function soak(server: AppServer, centres: Tenant[], passwordHash: string, total: number, concurrency = 4) {
  const prepared = await timed(() =>
    Promise.all(
      centres.map(async (tenant, i) => {
        const user = await staffOf(tenant, `bench-soak-${i}`, passwordHash);
        const handle = tenantHandle(tenant);
        const existing = await handle.db
          .select({ id: handle.t.partners.id })
          .from(handle.t.partners)
          .where(eq(handle.t.partners.isClient, true))
          .limit(20);
        if (existing.length < 20) await generateClients(handle, 20, [user.id]);
        const clients = (
          await handle.db
            .select({ id: handle.t.partners.id })
            .from(handle.t.partners)
            .where(eq(handle.t.partners.isClient, true))
            .limit(20)
        ).map((r) => r.id);
        return { slug: tenant.slug, cookie: await signIn(server, tenant.slug, user.username), clients };
      }),
    ),
  );
  line("soak_setup_seconds", prepared.seconds);
  const users = prepared.result;
  const every = Math.max(1, Math.round(total / 10));
  const memory = async () => (await server.ask<{ memory: NodeJS.MemoryUsage }>({ ask: "memory" })).memory;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  line("soak_requests", total);
  line("soak_centres", users.length);
  line("soak_concurrency", concurrency);
  const rss: number[] = [];
  const report = async (done: number) => {
    const m = await memory();
    rss.push(m.rss);
    line(`soak_rss_mb_after_${done}`, mb(m.rss));
    line(`soak_heap_used_mb_after_${done}`, mb(m.heapUsed));
    line(`soak_heap_total_mb_after_${done}`, mb(m.heapTotal));
  };
  // What stays after a full garbage collection, before and after: a leak would show there.
  const live = async () =>
    mb((await server.ask<{ memory: NodeJS.MemoryUsage }>({ ask: "memory", gc: true })).memory.heapUsed);
  // BENCH_HEAP_SNAPSHOTS=<folder>: heap snapshots before and after, to compare in Chrome's DevTools.
  const snapshot = (name: string) =>
    process.env.BENCH_HEAP_SNAPSHOTS &&
    server.ask({ ask: "snapshot", path: path.resolve(process.env.BENCH_HEAP_SNAPSHOTS, `soak-${name}.heapsnapshot`) });
  line("soak_heap_live_mb_before", await live());
  await snapshot("before");
  await report(0);
  let done = 0;
  let failed = 0;
  const run = await timed(() =>
    eachConcurrently(
      Array.from({ length: total }, (_, i) => i),
      concurrency,
      async (i) => {
        // Centre after centre; each centre's user makes the pages' requests in turn, on its clients in turn.
        const u = users[i % users.length]!;
        const turn = Math.floor(i / users.length);
        const paths = [
          "/",
          "/clients/clients",
          CLIENT_LIST_ROWS,
          `/clients/clients/${u.clients[turn % u.clients.length]}`,
        ];
        const res = await server.get(u.slug, paths[turn % paths.length]!, u.cookie);
        if (res.status !== 200) failed++;
        done++;
        if (done % every === 0) await report(done);
      },
    ),
  );
  line("soak_seconds", run.seconds);
  line("soak_failed_requests", failed);
  const middle = rss[Math.floor(rss.length / 2)]!;
  line("soak_rss_growth_second_half_mb", mb(rss.at(-1)! - middle));
  line("soak_rss_peak_mb", mb(Math.max(...rss)));
  line("soak_heap_live_mb_after", await live());
  await snapshot("after");
}

const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const TARGET_UPLOAD_RSS_GROWTH_MB = 50;
const TARGET_UPLOAD_MB_PER_S = 100;

/**
 * A scanned document of UPLOAD_MB megabytes through the upload route and back through the download
 * route, on loopback: throughput each way, and how far the server's resident memory rose above
 * where it stood before (sampled every 50 ms). The file is generated as it is sent (a PDF's first
 * bytes, then filler), so the benchmark itself holds one chunk at a time.
 */
async function uploadRoundTrip(server: AppServer, centre: Tenant, cookie: string) {
  const { db, t } = tenantHandle(centre);
  await db
    .update(t.siteSettings)
    .set({ uploadMaxMegabytes: UPLOAD_MB + 10 })
    .where(eq(t.siteSettings.id, 1));
  const [client] = await db
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(eq(t.partners.isClient, true))
    .limit(1);
  const [type] = await db.select({ id: t.uploadTypes.id }).from(t.uploadTypes).limit(1);
  const rss = async () => (await server.ask<{ memory: NodeJS.MemoryUsage }>({ ask: "memory", gc: true })).memory.rss;
  const watch = () => {
    let peak = 0;
    const timer = setInterval(() => {
      void server.ask<{ memory: NodeJS.MemoryUsage }>({ ask: "memory" }).then(({ memory }) => {
        peak = Math.max(peak, memory.rss);
      });
    }, 50);
    return () => {
      clearInterval(timer);
      return peak;
    };
  };
  const host = `${centre.slug}.localhost:${server.port}`;
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const head = Buffer.from("%PDF-1.4\n%bench\n");

  const upload = (megabytes: number) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: server.port,
          path: "/api/uploads",
          method: "POST",
          headers: {
            host,
            origin: `http://${host}`,
            cookie,
            "content-type": "application/pdf",
            "content-length": String(megabytes * chunk.length),
            "x-upload-name": "bench.pdf",
            "x-upload-fields": encodeURIComponent(JSON.stringify({ values: { client: client!.id, type: type!.id } })),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () =>
            res.statusCode === 201
              ? resolve((JSON.parse(text) as { id: number }).id)
              : reject(new Error(`upload answered ${res.statusCode}: ${text}`)),
          );
        },
      );
      req.on("error", reject);
      let sent = 0;
      const write = () => {
        while (sent < megabytes) {
          const piece = sent === 0 ? Buffer.concat([head, chunk.subarray(head.length)]) : chunk;
          sent++;
          if (!req.write(piece)) return void req.once("drain", write);
        }
        req.end();
      };
      write();
    });
  const download = (id: number) =>
    new Promise<number>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: server.port, path: `/api/uploads/${id}`, headers: { host, cookie } }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`download answered ${res.statusCode}`));
          let bytes = 0;
          res.on("data", (c: Buffer) => (bytes += c.length));
          res.on("end", () => resolve(bytes));
        })
        .on("error", reject);
    });
  // Both routes once with a small file first: the first request of a route loads its code.
  await download(await upload(1));

  // The server's CPU time per megabyte: what the throughput costs, less at the mercy of other work on the machine.
  const cpu = async () => {
    const { user, system } = (await server.ask<{ cpu: NodeJS.CpuUsage }>({ ask: "cpu" })).cpu;
    return (user + system) / 1000;
  };
  const before = await rss();
  const cpuUp = await cpu();
  const stopUp = watch();
  const up = await timed(() => upload(UPLOAD_MB));
  const upPeak = stopUp();
  line("upload_200mb_seconds", up.seconds.toFixed(2));
  line("upload_mb_per_s", (UPLOAD_MB / up.seconds).toFixed(0));
  line("upload_server_cpu_ms_per_mb", ((await cpu()) - cpuUp) / UPLOAD_MB);
  line("upload_server_rss_growth_mb", mb(Math.max(0, upPeak - before)).toFixed(1));

  const beforeDown = await rss();
  const cpuDown = await cpu();
  const stopDown = watch();
  const down = await timed(() => download(up.result));
  const downPeak = stopDown();
  if (down.result !== UPLOAD_MB * chunk.length) throw new Error(`downloaded ${down.result} bytes`);
  line("download_200mb_seconds", down.seconds.toFixed(2));
  line("download_mb_per_s", (UPLOAD_MB / down.seconds).toFixed(0));
  line("download_server_cpu_ms_per_mb", ((await cpu()) - cpuDown) / UPLOAD_MB);
  line("download_server_rss_growth_mb", mb(Math.max(0, downPeak - beforeDown)).toFixed(1));
  line("target_upload_rss_growth_mb", TARGET_UPLOAD_RSS_GROWTH_MB);
  line("target_upload_mb_per_s", TARGET_UPLOAD_MB_PER_S);
}
