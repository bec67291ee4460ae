// The grid machinery on one centre with many rows: the list procedure vs. the same SQL run raw, and
// exports of every row to CSV and XLSX with their time and peak memory. Imported by bench/run.ts
// once the environment is set (app modules read it on first use).
import { open } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { ListState } from "@/lib/resources";
import { getPool } from "@/server/db/pool";
import { placesResource } from "@/server/geo/resources";
import { csvStream } from "@/server/resources/export/csv";
import { renderPdf } from "@/server/resources/export/pdf";
import { PDF_MAX_ROWS, planExport } from "@/server/resources/export/rows";
import { xlsxStream } from "@/server/resources/export/xlsx";
import { listQuery, listRows } from "@/server/resources/service";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { agentOf } from "./clients";
import { collectGarbage, heapUsedAfterGc, line, mb, sideBySide, timed } from "./lib";

const LIST_ROUNDS = 20;
const LIST_BATCH = 10;
const LIST_WARMUP = 20;

/** Generated places: four kinds, ten provinces, zip codes spread over 1000–9999, names in three languages. */
async function generatePlaces(tenant: Tenant, count: number) {
  const { db, t } = tenantHandle(tenant);
  await db.execute(sql`
    insert into ${t.places} (kind, zip_code, names, province, region, country_code)
    select (array['city', 'town', 'village', 'municipality'])[1 + g % 4],
           (1000 + (g * 7919) % 9000)::text,
           jsonb_build_object('fr', 'Lieu ' || g, 'nl', 'Plaats ' || g, 'de', 'Ort ' || g),
           (array['Anvers', 'Brabant flamand', 'Brabant wallon', 'Flandre occidentale', 'Flandre orientale', 'Hainaut', 'Liège', 'Limbourg', 'Luxembourg', 'Namur'])[1 + g % 10],
           (array['Flandre', 'Wallonie', 'Bruxelles'])[1 + g % 3],
           'BE'
    from generate_series(1, ${count}) g`);
  await db.execute(sql`analyze ${t.places}`);
}

/**
 * Memory while `fn` runs, above what was in use before: the peak resident set size (what the
 * server process really takes), and — in a second run that collects garbage every 100 ms — the
 * peak of live data (heap plus buffers still referenced), which stays flat when memory is constant.
 */
async function peakMemory<T>(fn: () => Promise<T>, { live: measureLive = true } = {}) {
  const rssBefore = process.memoryUsage().rss;
  let rss = rssBefore;
  const sampleRss = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 5);
  let run;
  try {
    run = await timed(fn);
  } finally {
    clearInterval(sampleRss);
  }
  const rssDelta = Math.max(rss, process.memoryUsage().rss) - rssBefore;
  if (!measureLive) return { ...run, rssDelta, liveDelta: NaN };
  const live = () => {
    collectGarbage();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const liveBefore = (await heapUsedAfterGc(), live());
  let liveMax = liveBefore;
  const sampleLive = setInterval(() => (liveMax = Math.max(liveMax, live())), 100);
  try {
    await fn();
  } finally {
    clearInterval(sampleLive);
  }
  return { ...run, rssDelta, liveDelta: liveMax - liveBefore };
}

/** Writes a download to /dev/null as a browser would save it; the number of bytes. */
async function drain(stream: ReadableStream<Uint8Array>) {
  const sink = await open("/dev/null", "w");
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += chunk.byteLength;
      await sink.write(chunk);
    }
  } finally {
    await sink.close();
  }
  return bytes;
}

export async function benchGrid(tenant: Tenant, rows: number) {
  const handle = tenantHandle(tenant);
  const pool = getPool(tenant.clusterId);
  const seeded = await timed(() => generatePlaces(tenant, rows));
  const [{ n: total } = { n: 0 }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(handle.t.places);
  line("grid_rows_generated", rows);
  line("grid_rows_in_table", total);
  line("grid_generate_seconds", seeded.seconds);

  // A centre administrator (sees everything), signed in as the web requests would be.
  const { caller, ctx } = await agentOf(tenant, "bench-admin", "900");

  // 2. The list procedure (tRPC caller: input and output validation, access, two queries) vs. the
  //    very same two SQL statements on the raw pool, sorted by two fields and filtered, page of 25.
  const filtered: ListState = {
    page: 1,
    pageSize: 25,
    sort: [
      { field: "province", dir: "asc" },
      { field: "zipCode", dir: "desc" },
    ],
    filters: { kind: "city" },
    q: "",
  };
  const first = await caller.resources.list({ resource: "geo.places", state: filtered });
  const matching = first.total;
  // Deep enough to show what OFFSET costs, without making the run last minutes.
  const deepPage = Math.max(1, Math.min(100, Math.floor(matching / 25)));
  line("grid_list_filter_sort", "kind = city; province asc, zip code desc");
  line("grid_list_matching_rows", matching);
  line("grid_list_count_capped", first.totalIsCapped ? "yes" : "no"); // then more rows match than counted
  line("grid_list_deep_page", deepPage);
  for (const [name, page] of [
    ["page1", 1],
    ["deep", deepPage],
  ] as const) {
    const state = { ...filtered, page };
    const query = listQuery(ctx, placesResource, state);
    const pageSql = query.rows
      .limit(state.pageSize)
      .offset((page - 1) * state.pageSize)
      .toSQL();
    const countSql = query.total.toSQL();
    const viaProcedure = async () => void (await caller.resources.list({ resource: "geo.places", state }));
    const viaRaw = async () =>
      void (await Promise.all([pool.query(pageSql.sql, pageSql.params), pool.query(countSql.sql, countSql.params)]));
    line(`grid_list_${name}_count_per_method`, LIST_ROUNDS * LIST_BATCH);
    const { ratioP95: ratio } = await sideBySide(`grid_list_${name}`, ["procedure", viaProcedure], ["raw", viaRaw], {
      rounds: LIST_ROUNDS,
      batch: LIST_BATCH,
      warmup: LIST_WARMUP,
    });
    line(`grid_list_${name}_ratio_p95_target_met`, ratio <= 1.5 ? "yes" : "no");
  }
  line("target_grid_list_ratio_p95", 1.5);

  // 3. Every row of the table exported, written to /dev/null: time, size and peak memory.
  const columns = ["id", "name", "zipCode", "kind", "province", "region", "country"];
  const formats = [
    ["csv", csvStream],
    ["xlsx", xlsxStream],
  ] as const;
  const small: ListState = { page: 1, pageSize: 25, sort: [], filters: { zipCode: "47" }, q: "" };
  for (const [, stream] of formats) await drain(stream(await planExport(ctx, placesResource, small, columns))); // warm-up
  for (const [format, stream] of formats) {
    const plan = () =>
      planExport(
        ctx,
        placesResource,
        { page: 1, pageSize: 25, sort: [{ field: "zipCode", dir: "asc" }], filters: {}, q: "" },
        columns,
      );
    const run = await peakMemory(async () => drain(stream(await plan())));
    line(`grid_export_${format}_rows`, total);
    line(`grid_export_${format}_seconds`, run.seconds);
    line(`grid_export_${format}_rows_per_second`, Math.round(total / run.seconds));
    line(`grid_export_${format}_output_mb`, mb(run.result));
    line(`grid_export_${format}_peak_rss_delta_mb`, mb(run.rssDelta));
    line(`grid_export_${format}_peak_live_delta_mb`, mb(run.liveDelta));
  }

  // A PDF is laid out in memory (capped at PDF_MAX_ROWS): the postal codes 1000–1099.
  const pdfState: ListState = {
    page: 1,
    pageSize: 25,
    sort: [{ field: "zipCode", dir: "asc" }],
    filters: { zipCode: "10" },
    q: "",
  };
  const pdfPlan = await planExport(ctx, placesResource, pdfState, columns);
  const pdfRows = (await listRows(ctx, placesResource, pdfState)).total;
  const pdf = await peakMemory(async () => (await renderPdf(pdfPlan, tenant)).length, { live: false });
  line("grid_export_pdf_rows", pdfRows);
  line("grid_export_pdf_seconds", pdf.seconds);
  line("grid_export_pdf_output_mb", mb(pdf.result));
  line("grid_export_pdf_peak_rss_delta_mb", mb(pdf.rssDelta));
  line("grid_export_pdf_max_rows", PDF_MAX_ROWS);
}
