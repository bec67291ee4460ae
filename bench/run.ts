// `npm run bench`: scaling figures for schema-per-tenant, measured in one run, one `name: value`
// line each. Nothing is asserted; the targets are printed as `target_*` lines (all are maxima).
//
// Runs in a throwaway database `entraide_bench_<pid>` created next to BENCH_DATABASE_URL (or
// DATABASE_URL) and dropped at the end, so the developer's data is never touched. Without either,
// it runs on an in-memory embedded PostgreSQL (PGlite) with fewer tenants.
// BENCH_TENANTS overrides the number of tenants (default 200, or 20 on the embedded database).
// BENCH_ROWS is the number of rows generated for the grid and export figures (default 100 000, or
// 10 000 on the embedded database; CI's smoke run uses fewer). BENCH_NOTES: see section 8.
// The HTTP figures need a production build: the run starts with `next build` (about 3 minutes)
// unless BENCH_SKIP_BUILD=1. Below 100 000 rows (a smoke run) they take fewer samples, and the
// soak run BENCH_SOAK_REQUESTS requests (default 50 000, or 2 000 in a smoke run).
// BENCH_ONLY=<section>,… runs only the named sections (the centres are always created): migrate, memory,
// pk, grid, clients, digests, locked, notes, series, isip, documents, newcomers, cv, integ, reports, planner, move,
// pages, uploads, soak, live. BENCH_CPU_PROFILES=<folder> writes the server's CPU profile of each page's timed run there
// (`<page>.cpuprofile`, for Chrome's DevTools; the profiler adds to the CPU figures of that run).
// BENCH_CENTRE_STEPS: after section 7's "32 agents at once", centres are added up to each step and the
// agents measured again (default 200,600; none in a smoke run).
// The clients of section 7 are generated whenever notes or the HTTP sections need them. BENCH_KEEP_DATABASE=1 keeps the throwaway database
// (to EXPLAIN its queries afterwards; drop it by hand).
import { createHash } from "node:crypto";
import { registerHooks } from "node:module";
import pg from "pg";
import { eachConcurrently, heapUsedAfterGc, line, mb, percentile, pick, timed } from "./lib";

const ACTOR = "cli:bench";
const PK_ROUNDS = 20;
const PK_BATCH = 200;
const PK_WARMUP = 500;

// Outside Next, `server-only` throws when imported (the tests alias it to an empty module likewise);
// the session and tRPC modules measured below import it.
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context),
});

// App modules read the environment on first use: everything below is set before they are imported.
process.env.LOG_LEVEL = "silent";
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
// BENCH_DATABASE_NAME names the throwaway database (where databases must carry a prefix of one's own).
const benchDb = process.env.BENCH_DATABASE_NAME ?? `entraide_bench_${process.pid}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let stopEmbedded: (() => Promise<void>) | undefined;
if (adminUrl) {
  await admin(`CREATE DATABASE ${benchDb}`);
  const url = new URL(adminUrl);
  url.pathname = `/${benchDb}`;
  process.env.DATABASE_URL = url.toString();
} else {
  const { ensureDatabase } = await import("@/server/db/embedded");
  stopEmbedded = (await ensureDatabase({ dataDir: "memory://" })).stop;
}
const N = Number(process.env.BENCH_TENANTS ?? (adminUrl ? 200 : 20));
const ROWS = Number(process.env.BENCH_ROWS ?? (adminUrl ? 100_000 : 10_000));
// 4 is what migrateAll uses by default. PGlite has a single backend: the socket server interleaves
// the protocol messages of concurrent connections, which breaks their unnamed prepared statements.
const CONCURRENCY = adminUrl ? 4 : 1;
const SMOKE = ROWS < 100_000;
// BENCH_NOTES: notes generated on one centre (default 1 000 000; 20 000 in a smoke run or on the embedded database).
const NOTES = Number(process.env.BENCH_NOTES ?? (adminUrl && !SMOKE ? 1_000_000 : 20_000));
// BENCH_PLANNER_ENTRIES: calendar entries generated on one centre (default 500 000; 20 000 in a smoke run or on the embedded database).
const PLANNER_ENTRIES = Number(process.env.BENCH_PLANNER_ENTRIES ?? (adminUrl && !SMOKE ? 500_000 : 20_000));
// BENCH_HTTP_SAMPLES: timed requests per page (default 200, or 20 in a smoke run).
const HTTP_SAMPLES = Number(process.env.BENCH_HTTP_SAMPLES ?? (SMOKE ? 20 : 200));
const SOAK_REQUESTS = Number(process.env.BENCH_SOAK_REQUESTS ?? (SMOKE ? 2_000 : 50_000));
const ONLY = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
/** Whether the run includes any of these sections (all of them unless BENCH_ONLY names some). */
const runs = (...sections: string[]) => !ONLY || sections.some((s) => ONLY.includes(s));
const HTTP_SECTIONS = ["pages", "uploads", "soak", "live"];

let closePools: (() => Promise<void>) | undefined;
try {
  ({ closePools } = await import("@/server/db/pool"));
  await run();
} finally {
  // A check-in from the bench's own desk queues a job: the queue client it started must not keep the process alive.
  await (await import("@/server/jobs/queue")).stopQueue();
  await closePools?.();
  await stopEmbedded?.();
  if (adminUrl && process.env.BENCH_KEEP_DATABASE === "1") line("database_kept", benchDb);
  else if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
  if (adminUrl && process.env.BENCH_KEEP_DATABASE !== "1")
    await admin(`DROP DATABASE IF EXISTS ${benchDb}_move WITH (FORCE)`);
}

async function run() {
  const { resetEnvCache } = await import("@/server/env");
  // Loading a million notes takes statements longer than a request may: the bench's own loading has no limit.
  process.env.DB_STATEMENT_TIMEOUT_MS ??= "0";
  process.env.DB_LOCK_TIMEOUT_MS ??= "0";
  resetEnvCache();
  const { asc, eq, sql } = await import("drizzle-orm");
  const { loadMigrations, MIGRATIONS_DIR } = await import("@/db/migrate");
  const { c, controlDb } = await import("@/server/db/control");
  const { getPool } = await import("@/server/db/pool");
  const { createTenant, migrateAll } = await import("@/server/tenancy/lifecycle");
  const { migrateControl, migrateTenant } = await import("@/server/tenancy/migrations");
  const { CACHED_CENTRES, findById, forgetTenantHandle, tenantHandle } = await import("@/server/tenancy/tenant-db");
  type Tenant = typeof c.tenants.$inferSelect;

  const pool = getPool();
  const {
    rows: [version],
  } = await pool.query<{ version: string }>("select version()");
  line("node_version", process.version);
  line("postgres_version", version!.version.split(" on ")[0]!.split(",")[0]!);
  line(
    "database",
    adminUrl ? `postgresql, throwaway database ${benchDb}` : "embedded PGlite (memory://), not representative",
  );
  line("tenants", N);
  // First, while nothing else is measured: the build the HTTP figures run on.
  const { benchHttp, buildOnce } = await import("./http");
  if (adminUrl && runs(...HTTP_SECTIONS)) buildOnce();
  await migrateControl();

  // 1. Create, migrate and seed (reference data) N centres, CONCURRENCY at a time.
  const slugs = Array.from({ length: N }, (_, i) => `bench-${String(i + 1).padStart(4, "0")}`);
  const create = await timed(() =>
    eachConcurrently(slugs, CONCURRENCY, async (slug) => {
      await createTenant({ slug, names: { fr: `Bench ${slug}` }, defaultLocale: "fr", kind: "production" }, ACTOR);
    }),
  );
  line("tenant_create_concurrency", CONCURRENCY);
  line("tenant_create_seconds_total", create.seconds);
  line("tenant_create_seconds_per_tenant", create.seconds / N);
  line("target_tenant_create_seconds_per_tenant", 0.5);

  const listTenants = () =>
    controlDb()
      .select()
      .from(c.tenants)
      .where(sql`${c.tenants.status} <> 'deleting'`)
      .orderBy(asc(c.tenants.slug));
  if (runs("migrate")) {
    // 2. Roll the real migrations over tenants that are all up to date.
    const noop = await timed(() => migrateAll(ACTOR, undefined, CONCURRENCY));
    line("migrate_concurrency", CONCURRENCY);
    line("migrate_noop_seconds_total", noop.seconds);
    line("migrate_noop_failed", noop.result.failed.length);

    // 3. Roll one extra migration that adds a column, tenant by tenant like migrateAll does.
    const addColumn = 'ALTER TABLE "tenant_template"."places" ADD COLUMN "bench_note" text';
    const migrations = [
      ...loadMigrations(MIGRATIONS_DIR.tenant),
      {
        tag: "9999_bench_add_column",
        hash: createHash("sha256").update(addColumn).digest("hex"),
        statements: [addColumn],
      },
    ];
    let [applied, failed] = [0, 0];
    const column = await timed(async () =>
      eachConcurrently(await listTenants(), CONCURRENCY, async (tenant) => {
        await migrateTenant(tenant, migrations).then(
          (r) => (applied += r.applied.length),
          () => failed++,
        );
      }),
    );
    line("migrate_one_column_seconds_total", column.seconds);
    line("migrate_one_column_seconds_per_tenant", column.seconds / N);
    line("migrate_one_column_applied", applied);
    line("migrate_one_column_failed", failed);
    line(`target_migrate_one_column_seconds_total_at_200_tenants`, 5);
  }

  const tenants: Tenant[] = await listTenants();
  // The app's primary-key lookup (query built once per table), and the same built anew on every call.
  const pkLookup = (tenant: Tenant, id: number) => {
    const handle = tenantHandle(tenant);
    return findById(handle, handle.t.places, id);
  };
  const pkQuery = (tenant: Tenant, id: number) => {
    const { db, t } = tenantHandle(tenant);
    return db.select().from(t.places).where(eq(t.places.id, id)).limit(1);
  };

  const { rows: idRows } = await pool.query<{ id: number }>(`select id from "${tenants[0]!.schemaName}"."places"`);
  const ids = idRows.map((r) => r.id);
  if (runs("memory")) {
    // 5. Heap held per touched tenant: forget every cached handle, touch one tenant, then all of them.
    for (const tenant of tenants) forgetTenantHandle(tenant.schemaName);
    for (let i = 0; i < 20; i++) await pkLookup(tenants[0]!, pick(ids)); // code paths warm on the same tenant
    const heapAfter1 = await heapUsedAfterGc();
    for (const tenant of tenants) await pkLookup(tenant, pick(ids));
    const heapAfterN = await heapUsedAfterGc();
    line("memory_heap_after_1_tenant_mb", mb(heapAfter1));
    line("memory_heap_after_n_tenants_mb", mb(heapAfterN));
    line("memory_per_touched_tenant_kb", (heapAfterN - heapAfter1) / Math.max(1, tenants.length - 1) / 1024);
    line("target_memory_per_touched_tenant_kb", 100);
    // A centre whose every area is used holds all its tables: what each new table adds, per centre.
    for (const tenant of tenants) forgetTenantHandle(tenant.schemaName);
    const heapBefore = await heapUsedAfterGc();
    const some = tenants.slice(0, Math.min(tenants.length, CACHED_CENTRES));
    for (const tenant of some) for (const table of Object.values(tenantHandle(tenant).t)) void table;
    line("memory_per_centre_all_tables_kb", ((await heapUsedAfterGc()) - heapBefore) / some.length / 1024);
    line("tables_per_centre", Object.keys(tenantHandle(tenants[0]!).t).length);
    line("centres_with_tables_kept", CACHED_CENTRES);
  }

  if (runs("pk")) {
    // 4. Primary-key query: tenant handle vs. the very same SQL text on the raw pool.
    const rawSql = new Map(tenants.map((tenant) => [tenant.id, pkQuery(tenant, 0).toSQL().sql]));
    const viaHandle = async ([tenant, id]: [Tenant, number]) => {
      await pkLookup(tenant, id);
    };
    const viaAdhoc = async ([tenant, id]: [Tenant, number]) => {
      await pkQuery(tenant, id);
    };
    const viaRaw = async ([tenant, id]: [Tenant, number]) => {
      await pool.query(rawSql.get(tenant.id)!, [id, 1]); // $2 is the limit
    };
    const workload = (n: number) => Array.from({ length: n }, (): [Tenant, number] => [pick(tenants), pick(ids)]);
    async function batch(method: typeof viaRaw, work: [Tenant, number][], into?: number[]) {
      for (const item of work) {
        const start = performance.now();
        await method(item);
        into?.push(performance.now() - start);
      }
    }
    const warm = workload(PK_WARMUP);
    await batch(viaHandle, warm);
    await batch(viaAdhoc, warm);
    await batch(viaRaw, warm);
    const handleMs: number[] = [];
    const adhocMs: number[] = [];
    const rawMs: number[] = [];
    const methods = [
      [viaHandle, handleMs],
      [viaAdhoc, adhocMs],
      [viaRaw, rawMs],
    ] as const;
    for (let round = 0; round < PK_ROUNDS; round++) {
      // Same workload for all, and the order rotates each round, so drift hits all alike.
      const work = workload(PK_BATCH);
      for (let k = 0; k < methods.length; k++) {
        const [method, into] = methods[(round + k) % methods.length]!;
        await batch(method, work, into);
      }
    }
    const stats = { handle: handleMs, adhoc: adhocMs, raw: rawMs };
    line("pk_query_count_per_method", handleMs.length);
    for (const [name, values] of Object.entries(stats)) {
      line(`pk_query_${name}_p50_ms`, percentile(values, 50));
      line(`pk_query_${name}_p95_ms`, percentile(values, 95));
    }
    line("pk_query_ratio_p50", percentile(handleMs, 50) / percentile(rawMs, 50));
    line("pk_query_ratio_p95", percentile(handleMs, 95) / percentile(rawMs, 95));
    line("target_pk_query_ratio", 1.2);
    // For comparison: a drizzle query built on every call, as ad-hoc queries in services are.
    line("pk_query_adhoc_ratio_p50", percentile(adhocMs, 50) / percentile(rawMs, 50));
    line("pk_query_adhoc_ratio_p95", percentile(adhocMs, 95) / percentile(rawMs, 95));
    // Diagnostic: the share of the handle's time spent building the query in JS, without the database.
    const buildMs: number[] = [];
    await batch(async ([tenant, id]) => void pkQuery(tenant, id).toSQL(), workload(PK_BATCH * 5), buildMs);
    line("pk_query_adhoc_build_only_p50_ms", percentile(buildMs, 50));
  }

  // 6. Grids and exports on one centre holding ROWS generated places (see bench/grid.ts).
  const { benchGrid } = await import("./grid");
  if (runs("grid")) await benchGrid(tenants[0]!, ROWS);

  // 7. The client file with ROWS generated clients on one centre, and many users over all centres.
  const { benchClients } = await import("./clients");
  const clients = runs("clients", "notes", ...HTTP_SECTIONS)
    ? await benchClients(tenants.slice(1), ROWS, runs("clients"))
    : undefined;
  // 7a. The same 32 agents with more centres present (issue 12 §5: 20, 200 and 600): centres are
  // added up to each step of BENCH_CENTRE_STEPS (default 200,600 in a full run, none in a smoke run).
  const steps = (process.env.BENCH_CENTRE_STEPS ?? (SMOKE ? "" : "200,600"))
    .split(",")
    .map(Number)
    .filter((n) => n > tenants.length);
  if (clients && runs("clients") && steps.length) {
    const { benchConcurrentAgents } = await import("./clients");
    let present = [...tenants];
    for (const step of steps) {
      const more = Array.from({ length: step - present.length }, (_, i) => `bench-more-${present.length + i + 1}`);
      const added = await timed(() =>
        eachConcurrently(more, CONCURRENCY, async (slug) => {
          await createTenant({ slug, names: { fr: `Bench ${slug}` }, defaultLocale: "fr", kind: "production" }, ACTOR);
        }),
      );
      present = await listTenants();
      line(`clients_concurrent_at_${step}_centres_created_seconds`, added.seconds);
      await benchConcurrentAgents(clients.big, clients.colleagues, present, `clients_concurrent_at_${step}_centres`);
    }
  }

  // 7b. Notification e-mails at volume: digests queued and sent through a loopback SMTP server.
  const { benchDigests } = await import("./mail");
  if (runs("digests")) await benchDigests(tenants[2] ?? tenants[0]!, SMOKE ? 500 : 10_000);

  // 8. Notes by client and the full-text note search with NOTES generated notes on the centre of section 7.
  const { benchNotes } = await import("./notes");
  if (runs("notes")) await benchNotes(tenants[1]!, NOTES);

  // 8b. The calendar's series engine: 1 000 owners' monthly evaluations over two years, with holidays (bench/series.ts).
  const { benchSeries } = await import("./series");
  if (runs("series")) await benchSeries(tenants[0]!);

  // 8b'. ISIP evaluation meetings: 1 000 contracts regenerated as a save does (bench/isip.ts).
  const { benchIsip } = await import("./isip");
  if (runs("isip")) await benchIsip(tenants[0]!);

  // 8c. Documents: docx rendering, warm vs. cold PDF conversion, a mass print (see bench/documents.ts).
  const { benchDocuments } = await import("./documents");
  if (runs("documents")) await benchDocuments(tenants[3] ?? tenants[0]!, SMOKE);

  // 8d. Available coaches for a newcomer with 200 agents and ROWS clients, on a centre of its own.
  const { benchNewcomers } = await import("./newcomers");
  if (runs("newcomers")) await benchNewcomers(tenants[3] ?? tenants[0]!, ROWS);

  // 8d'. The integration clients' search on CV criteria with ROWS clients, on a centre of its own (bench/cv.ts).
  const { benchCv } = await import("./cv");
  if (runs("cv")) await benchCv(tenants[9] ?? tenants.at(-1)!, ROWS);

  // 8d''. The integration client list with its contract columns, a CV filter and the contract filters, with
  // ROWS clients and BENCH_INTEG_CONTRACTS contracts (default 3 × ROWS), on a centre of its own (bench/integ.ts).
  const { benchInteg } = await import("./integ");
  if (runs("integ"))
    await benchInteg(tenants[10] ?? tenants.at(-1)!, ROWS, Number(process.env.BENCH_INTEG_CONTRACTS ?? 3 * ROWS));
  // 8d'''. The activity report and the contract statistics of a year: ROWS clients, 3 contracts each (bench/integ-reports.ts).
  const { benchIntegReports } = await import("./integ-reports");
  if (runs("reports")) await benchIntegReports(tenants[11] ?? tenants.at(-1)!, ROWS);
  // 8d-iv. The Art. 60§7 contracts situation on that centre: jobs, contracts and candidatures of its clients.
  const { benchJobsSituation } = await import("./jobs-situation");
  if (runs("reports")) await benchJobsSituation(tenants[11] ?? tenants.at(-1)!, ROWS);

  // 8e. The calendar planners (issue 15): a week of 10 agents among BENCH_PLANNER_ENTRIES entries, free slots.
  const { benchPlanner } = await import("./planner");
  if (runs("planner")) await benchPlanner(tenants[6] ?? tenants.at(-1)!, PLANNER_ENTRIES);

  // 8e'. Moving a centre of ROWS clients to another cluster (a database of its own on the same server).
  if (runs("move") && adminUrl) {
    const { benchMove, moveTargetDatabase } = await import("./move");
    await benchMove(ROWS, await moveTargetDatabase(adminUrl, `${benchDb}_move`));
  }

  // 8f. One centre's rows locked, another centre's list timed beside its normal figure (last: it closes
  // and reopens the pools).
  if (runs("locked"))
    await (await import("./faults")).benchLockedCentre(tenants[7] ?? tenants[0]!, tenants[8] ?? tenants[1]!);

  // 9. Pages over HTTP on a production build (on the centre of section 7), and the soak run over 20 centres.
  if (!runs(...HTTP_SECTIONS)) return;
  if (adminUrl)
    await benchHttp(tenants[1]!, tenants.slice(0, 20), process.env.DATABASE_URL!, {
      samples: HTTP_SAMPLES,
      soakRequests: SOAK_REQUESTS,
      live: SMOKE
        ? { changes: 20, connections: 40, checkins: 20, views: 50, waitingRooms: 1000 }
        : { changes: 100, connections: 500, checkins: 100, views: 50, waitingRooms: 1000 },
      runs,
    });
  else line("http", "skipped: the embedded database serves one process only");
}
