// Documents (issue 14): docx rendering of the file sheet, PDF conversion through the warm
// LibreOffice beside a cold `soffice --convert-to` run, and a mass print joined into one PDF.
// Imported by bench/run.ts once the environment is set.
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { registry } from "@/server/areas";
import { DOCUMENT_LANGUAGES } from "@/server/documents/language";
import { pdfAvailable, WarmConverter } from "@/server/documents/pdf/converter";
import { joinIntoOnePdf } from "@/server/documents/pdf/mass";
import { centreIdentityOf, centreOf, fileSheetData, letterheadData } from "@/server/documents/print";
import { renderDocx } from "@/server/documents/render";
import { defaultTemplate } from "@/server/documents/templates";
import type { ResourceCtx } from "@/server/resources/define";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { line, mb, timed } from "./lib";

const run = promisify(execFile);

/** The file sheet of one of the centre's clients with ten coachings, rendered in `language`. */
async function fileSheetMaker(tenant: Tenant) {
  const handle = tenantHandle(tenant);
  const { db, t } = handle;
  const [user] = await db
    .insert(t.users)
    .values({ username: "bench-docs", firstName: "Bench", lastName: "Documents", userType: "100" })
    .returning();
  const [client] = await db
    .insert(t.partners)
    .values({
      kind: "person",
      isClient: true,
      firstName: "Anna",
      lastName: "Müller",
      name: "Müller Anna",
      language: "de",
    })
    .returning({ id: t.partners.id });
  await db.insert(t.coachings).values(
    Array.from({ length: 10 }, (_, i) => ({
      clientId: client!.id,
      userId: user!.id,
      startDate: `20${10 + i}-01-15`,
      endDate: i < 9 ? `20${11 + i}-01-14` : null,
    })),
  );
  const ctx = { handle, user: { id: user!.id }, locale: "fr", registry } as unknown as ResourceCtx;
  const centre = await centreOf(db, handle, await centreIdentityOf(handle));
  const data = Object.fromEntries(
    await Promise.all(
      DOCUMENT_LANGUAGES.map(async (language) => [
        language,
        { ...letterheadData(centre, language), ...(await fileSheetData(db, ctx, client!.id, language)) },
      ]),
    ),
  );
  const templates = Object.fromEntries(
    await Promise.all(DOCUMENT_LANGUAGES.map(async (l) => [l, await defaultTemplate("fileSheet", l)])),
  );
  return (i: number) => {
    const language = DOCUMENT_LANGUAGES[i % DOCUMENT_LANGUAGES.length]!;
    return renderDocx(templates[language], data[language]);
  };
}

export async function benchDocuments(tenant: Tenant, smoke: boolean) {
  const make = await fileSheetMaker(tenant);
  const RENDERS = smoke ? 200 : 1_000;
  for (let i = 0; i < 20; i++) make(i); // warm-up
  const rendered = await timed(async () => {
    for (let i = 0; i < RENDERS; i++) make(i);
  });
  line("documents_docx_render_count", RENDERS);
  line("documents_docx_render_per_second", RENDERS / rendered.seconds);
  line("target_documents_docx_render_per_second_min", 30);

  if (!pdfAvailable()) {
    line("documents_pdf", "skipped: LibreOffice with python3-uno is not installed");
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-bench-pdf-"));
  const converter = new WarmConverter({ timeoutMs: 60_000 });
  try {
    const CONVERSIONS = smoke ? 20 : 100;
    await converter.convert(make(0)); // starts the listener
    const warm = await timed(async () => {
      for (let i = 0; i < CONVERSIONS; i++) await converter.convert(make(i));
    });
    line("documents_pdf_warm_count", CONVERSIONS);
    line("documents_pdf_warm_per_second", CONVERSIONS / warm.seconds);
    line("target_documents_pdf_warm_per_second_min", 5);

    // The same documents, each through a new `soffice --convert-to` (its own profile, created once).
    const COLD = smoke ? 3 : 5;
    const profile = `file://${path.join(dir, "cold-profile")}`;
    const input = path.join(dir, "cold.docx");
    await writeFile(input, make(0));
    await run("soffice", [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      input,
    ]);
    const cold = await timed(async () => {
      for (let i = 0; i < COLD; i++) {
        await writeFile(input, make(i));
        await run("soffice", [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          input,
        ]);
      }
    });
    line("documents_pdf_cold_count", COLD);
    line("documents_pdf_cold_per_second", COLD / cold.seconds);

    // Mass print: MASS file sheets into one PDF; peak resident memory of this process sampled meanwhile.
    const MASS = Number(process.env.BENCH_MASS_PRINT ?? (smoke ? 100 : 500));
    const target = path.join(dir, "mass.pdf");
    let peak = process.memoryUsage().rss;
    let peakAt100 = 0;
    const start = process.memoryUsage().rss;
    async function* documents() {
      for (let i = 0; i < MASS; i++) yield make(i);
    }
    const mass = await timed(() =>
      joinIntoOnePdf(converter, documents(), target, (done) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (done === Math.min(100, MASS)) peakAt100 = peak;
      }),
    );
    line("documents_mass_print_count", mass.result.count);
    line("documents_mass_print_seconds", mass.seconds);
    line("documents_mass_print_file_mb", mb((await stat(target)).size));
    line("documents_mass_print_rss_start_mb", mb(start));
    line("documents_mass_print_rss_peak_after_100_mb", mb(peakAt100));
    line("documents_mass_print_rss_peak_mb", mb(peak));
  } finally {
    await converter.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
