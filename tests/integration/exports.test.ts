import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { pickLocalized } from "@/lib/format";
import type { ListState, Row } from "@/lib/resources";
import { resolveSessionUser, type SessionClaims } from "@/server/auth/session";
import { placesResource } from "@/server/geo/resources";
import type { Locale } from "@/server/i18n/locale";
import type { ResourceCtx, ResourceDef } from "@/server/resources/define";
import { csvStream } from "@/server/resources/export/csv";
import { renderPdf } from "@/server/resources/export/pdf";
import { exportResponse } from "@/server/resources/export/response";
import { describeState, exportBatches, PDF_MAX_ROWS, planExport } from "@/server/resources/export/rows";
import { coachingsResource } from "@/server/coachings/resource";
import { xlsxStream } from "@/server/resources/export/xlsx";
import { listRows } from "@/server/resources/service";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { usersResource } from "@/server/users/resource";
import { newCentre, newUser } from "./helpers";
import { registry } from "@/server/areas";

const state = (over: Partial<ListState> = {}): ListState => ({
  page: 1,
  pageSize: 25,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
const csvRecords = (buffer: Buffer) => parse(buffer, { delimiter: ";", bom: true }) as string[][];

let eupen: Tenant;
let chatelet: Tenant;

async function ctxOf(tenant: Tenant, userType: "100" | "110" | "900", locale: Locale = "de"): Promise<ResourceCtx> {
  const { claims } = await newUser(tenant, userType);
  const handle = tenantHandle(tenant);
  return { handle, user: (await resolveSessionUser(handle, tenant, claims))!, locale, registry };
}

/** Every row of a grid state, page after page, as the list procedure gives them. */
async function allPages(ctx: ResourceCtx, def: ResourceDef, s: ListState): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const got = await listRows(ctx, def, { ...s, page, pageSize: 200 });
    rows.push(...got.rows);
    if (!got.totalIsCapped && rows.length >= got.total) return rows;
  }
}

/** A GET of the export route as a browser on that centre's host would send it. */
function get(tenant: Tenant, file: string, params: { state?: unknown; columns?: string } = {}, cookies = "") {
  const query = new URLSearchParams();
  if (params.state !== undefined)
    query.set("state", typeof params.state === "string" ? params.state : JSON.stringify(params.state));
  if (params.columns !== undefined) query.set("columns", params.columns);
  return new Request(`http://${tenant.slug}.localhost/api/export/${file}?${query}`, {
    headers: { host: `${tenant.slug}.localhost`, cookie: cookies },
  });
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("exp-eupen"), newCentre("exp-chatelet")]);
});

const placesState = state({
  filters: { zipCode: "47" },
  sort: [
    { field: "zipCode", dir: "desc" },
    { field: "name", dir: "asc" },
  ],
});

describe("export rows", () => {
  it("reads through the cursor exactly the rows, order and cells of the grid, all pages", async () => {
    const ctx = await ctxOf(eupen, "110");
    const expected = await allPages(ctx, placesResource, placesState);
    expect(expected.length).toBeGreaterThan(20);
    const plan = await planExport(ctx, placesResource, { ...placesState, page: 3, pageSize: 5 }, [
      "zipCode",
      "name",
      "kind",
      "country",
      "id",
    ]);
    const got: Row[] = [];
    for await (const batch of exportBatches(plan, "csv", { audit: false })) got.push(...batch);
    expect(got).toEqual(
      expected.map((r) => ({
        __id: r.__id,
        __version: r.__version,
        zipCode: r.zipCode,
        name: r.name,
        kind: r.kind,
        country: r.country,
        id: r.id,
      })),
    );
  });

  it("names a filtered user by name in the export's filter line, not by id", async () => {
    const ctx = await ctxOf(eupen, "110", "de");
    const { user: coach } = await newUser(eupen, "100", { firstName: "Mélanie", lastName: "Exportmann" });
    const plan = await planExport(ctx, coachingsResource, state({ filters: { coachedBy: coach.id } }), [
      "client",
      "user",
    ]);
    const { filters } = describeState(plan);
    expect(filters.some((f) => f.includes("Exportmann Mélanie"))).toBe(true);
    expect(filters.some((f) => f.endsWith(`: ${coach.id}`))).toBe(false);
  });

  it("types dates, booleans and numbers like the list procedure", async () => {
    const ctx = await ctxOf(eupen, "900");
    await newUser(eupen, "100", { lastName: "Zzexport", startDate: "2024-03-05", newcomerQuota: 7 });
    const s = state({ q: "Zzexport" });
    const plan = await planExport(ctx, usersResource, s, [
      "id",
      "fullName",
      "startDate",
      "active",
      "modifiedAt",
      "userType",
    ]);
    const got: Row[] = [];
    for await (const batch of exportBatches(plan, "csv", { audit: false })) got.push(...batch);
    const expected = (await listRows(ctx, usersResource, s)).rows.map((r) =>
      Object.fromEntries(["__id", "__version", ...plan.fields].map((k) => [k, r[k]])),
    );
    expect(got).toEqual(expected);
    expect(got[0]).toMatchObject({ startDate: "2024-03-05", active: true, userType: "100" });
  });
});

describe("CSV", () => {
  it("has translated headers and cells, `;` separators, a BOM, the filter and sort of the grid", async () => {
    const ctx = await ctxOf(eupen, "110", "de");
    const expected = await allPages(ctx, placesResource, placesState);
    const plan = await planExport(ctx, placesResource, placesState, ["zipCode", "name", "kind", "country"]);
    const buffer = await bytesOf(csvStream(plan));
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buffer.toString("utf8")).toContain("\r\n");
    const [header, ...records] = csvRecords(buffer);
    expect(header).toEqual(["Postleitzahl", "Name", "Ortsart", "Land"]);
    expect(records).toHaveLength(expected.length);
    expect(records.map((r) => r[0])).toEqual(expected.map((r) => r.zipCode));
    expect(records.every((r) => r[0]!.startsWith("47"))).toBe(true);
    const eupenRow = records.find((r) => r[1] === "Eupen");
    expect(eupenRow?.[3]).toBe("Belgien");
    expect(records.some((r) => r[2] === "Stadt")).toBe(true); // a choice label, not the value "city"
  });

  it("writes the same rows in French with French labels", async () => {
    const ctx = await ctxOf(chatelet, "110", "fr");
    const plan = await planExport(ctx, placesResource, state({ filters: { zipCode: "6200" } }), [
      "name",
      "zipCode",
      "country",
    ]);
    const [header, ...records] = csvRecords(await bytesOf(csvStream(plan)));
    expect(header).toContain("Code postal");
    expect(records.map((r) => r[0])).toContain("Châtelet");
    expect(records.every((r) => r[1]!.startsWith("6200") && r[2] === "Belgique")).toBe(true);
  });

  it("neutralises text that a spreadsheet would run as a formula", async () => {
    const ctx = await ctxOf(eupen, "900", "en");
    await newUser(eupen, "100", { lastName: '=HYPERLINK("http://evil")', firstName: "Zzformula" });
    const plan = await planExport(ctx, usersResource, state({ q: "Zzformula" }), ["fullName"]);
    const [, record] = csvRecords(await bytesOf(csvStream(plan)));
    expect(record![0]!.startsWith("'=")).toBe(true);
  });

  it("audits the export: format, rows and filters", async () => {
    const ctx = await ctxOf(eupen, "110", "de");
    const plan = await planExport(ctx, placesResource, placesState, ["zipCode", "name"]);
    const [, ...records] = csvRecords(await bytesOf(csvStream(plan)));
    const h = tenantHandle(eupen);
    const audits = (await h.db.select().from(h.t.auditLog)).filter(
      (a) => a.action === "geo.places.export" && a.actor === `user:${ctx.user.id}`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.entity).toBe("geo.places");
    expect(audits[0]!.changes).toMatchObject({
      format: { to: "csv" },
      rows: { to: records.length },
      filters: { to: { zipCode: "47" } },
    });
  });

  it("gives the connection back and audits a partial export when the download is cancelled", async () => {
    const ctx = await ctxOf(eupen, "110", "en");
    const plan = await planExport(ctx, placesResource, state(), ["name"]);
    const reader = csvStream(plan).getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    await reader.cancel();
    const h = tenantHandle(eupen);
    const audit = (await h.db.select().from(h.t.auditLog)).find(
      (a) => a.action === "geo.places.export" && a.actor === `user:${ctx.user.id}`,
    );
    expect(audit?.changes).toMatchObject({ complete: { to: false } });
    // The batch being read when the download stopped may still count; the rest was never read.
    const { total } = await listRows(ctx, placesResource, state());
    expect([1000, 2000]).toContain((audit!.changes.rows as { to: number }).to);
    expect(total).toBeGreaterThan(2000);
  });
});

describe("XLSX", () => {
  it("has a header row, the declared widths and typed cells", async () => {
    const ctx = await ctxOf(eupen, "900", "fr");
    const { user } = await newUser(eupen, "100", { lastName: "Zzxlsx", startDate: "2024-03-05", newcomerQuota: 12 });
    const columns = ["id", "fullName", "startDate", "active", "modifiedAt", "userType"];
    const plan = await planExport(ctx, usersResource, state({ q: "Zzxlsx" }), columns);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(xlsxStream(plan))) as never);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "ID",
      "Nom complet",
      "Valide à partir du",
      "Actif",
      "Modifié le",
      "Type d'utilisateur",
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(columns.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(columns.map((c) => plan.meta.fields[c]!.width));
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(user.id);
    expect(row.getCell(2).value).toBe("Zzxlsx Test");
    expect(row.getCell(3).value).toEqual(new Date("2024-03-05T00:00:00Z"));
    expect(row.getCell(3).numFmt).toBe("dd/mm/yyyy");
    expect(row.getCell(4).value).toBe(true);
    expect(row.getCell(5).value).toBeInstanceOf(Date);
    expect(row.getCell(5).numFmt).toBe("dd/mm/yyyy hh:mm");
    // The wall clock in Belgium: one or two hours ahead of UTC.
    const ahead = ((row.getCell(5).value as Date).getTime() - user.modifiedAt.getTime()) / 3_600_000;
    expect([1, 2].some((hours) => Math.abs(ahead - hours) < 0.001)).toBe(true);
    expect(row.getCell(6).value).toBe("Agent d'insertion");
  });
});

describe("PDF", () => {
  it("is a PDF whose text holds the centre, the title, the filter and the rows", async () => {
    const ctx = await ctxOf(eupen, "110", "de");
    const plan = await planExport(ctx, placesResource, placesState, ["zipCode", "name", "kind", "province", "country"]);
    const pdf = await renderPdf(plan, eupen);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain(eupen.names.fr!);
    expect(text).toContain("Orte");
    expect(text).toContain("Postleitzahl: 47");
    expect(text).toMatch(/Seite 1 von \d+/);
    const expected = await allPages(ctx, placesResource, placesState);
    for (const row of expected) expect(text).toContain(pickLocalized(row.name as Record<string, string>, "de"));
  });

  it("writes its filter and sort lines with the reader's punctuation: a space before the colon in French", async () => {
    const ctx = await ctxOf(eupen, "110", "fr");
    const plan = await planExport(ctx, placesResource, { ...placesState, q: "Eu" }, ["zipCode", "name"]);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderPdf(plan, eupen))), {
      mergePages: true,
    });
    expect(text).toContain("Filtres : Code postal : 47 · Recherche : Eu");
    expect(text).toContain("Tri : Code postal (décroissant), Nom (croissant)");
  });

  it("cuts long lists into pages, each with the header, numbered", async () => {
    const ctx = await ctxOf(eupen, "110", "fr");
    const plan = await planExport(ctx, placesResource, state(), ["name", "zipCode"]);
    const pdf = await renderPdf(plan, eupen);
    const document = await getDocumentProxy(new Uint8Array(pdf));
    const { text, totalPages } = await extractText(document, { mergePages: false });
    expect(totalPages).toBeGreaterThan(10);
    expect(
      text.every(
        (page, i) =>
          page.includes("Lieux") && page.includes("Code postal") && page.includes(`Page ${i + 1} sur ${totalPages}`),
      ),
    ).toBe(true);
  });

  it("refuses more rows than a PDF can hold", async () => {
    const big = await newCentre("exp-big");
    const h = tenantHandle(big);
    const { sql } = await import("drizzle-orm");
    await h.db.execute(
      sql`insert into ${h.t.places} (kind, zip_code, names, country_code) select 'city', '9' || g, jsonb_build_object('fr', 'Lieu ' || g), 'BE' from generate_series(1, ${PDF_MAX_ROWS}) g`,
    );
    const ctx = await ctxOf(big, "110", "en");
    const plan = await planExport(ctx, placesResource, state(), ["name"]);
    await expect(renderPdf(plan, big)).rejects.toMatchObject({
      code: "EXPORT_TOO_LARGE",
      params: { max: PDF_MAX_ROWS },
    });
    const narrowed = await planExport(ctx, placesResource, state({ filters: { zipCode: "47" } }), ["name"]);
    expect((await renderPdf(narrowed, big)).subarray(0, 4).toString()).toBe("%PDF");

    // Through the route: a translated 400 naming the cap.
    const { claims } = await newUser(big, "110");
    const res = await exportResponse(get(big, "geo.places.pdf", { columns: "name" }, "entraide_locale=en"), claims);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(
      `Too many rows for a PDF (at most ${PDF_MAX_ROWS}). Filter the list or export to CSV or XLSX.`,
    );
  });
});

describe("export route", () => {
  let agent: SessionClaims;
  let admin: SessionClaims;
  beforeAll(async () => {
    agent = (await newUser(eupen, "100")).claims;
    admin = (await newUser(eupen, "900")).claims;
  });
  const file = "geo.places.csv";
  const params = { state: placesState, columns: "zipCode,name" };

  it("answers a download named after the list's title in the reader's language, its filters and the day", async () => {
    const res = await exportResponse(get(eupen, file, params, "entraide_locale=de"), agent);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    // "Orte (Postleitzahl: 47)", without the colon that Windows refuses in a file name.
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Orte \(Postleitzahl 47\) \d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''Orte%20%28Postleitzahl%2047%29%20\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const [header, ...records] = csvRecords(Buffer.from(await res.arrayBuffer()));
    expect(header).toHaveLength(2);
    expect(records.every((r) => r[0]!.startsWith("47"))).toBe(true);
  });

  it("names a file in any language safely: UTF-8 in filename*, an ASCII look-alike in filename", async () => {
    const h = tenantHandle(eupen);
    const [phase] = await h.db
      .select({ id: h.t.personGroups.id, names: h.t.personGroups.names })
      .from(h.t.personGroups)
      .limit(1);
    const state = { filters: { clientState: "30", group: phase!.id } };
    const res = await exportResponse(
      get(eupen, "clients.clients.pdf", { state, columns: "name" }, "entraide_locale=fr"),
      agent,
    );
    expect(res.status).toBe(200);
    const header = res.headers.get("content-disposition")!;
    const utf8 = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!);
    expect(utf8).toMatch(
      new RegExp(
        `^Bénéficiaires \\(Accompagné, Masquer les obsolètes, ${phase!.names.fr!.replace(/[()]/g, "\\$&")}\\) \\d{4}-\\d{2}-\\d{2}\\.pdf$`,
      ),
    );
    const ascii = /filename="([^"]*)"/.exec(header)![1]!;
    expect(ascii).toMatch(/^Beneficiaires \(Accompagne, /);
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
  });

  it("answers every format", async () => {
    for (const [ext, type, magic] of [
      ["xlsx", "spreadsheetml", "PK"],
      ["pdf", "application/pdf", "%P"],
    ] as const) {
      const res = await exportResponse(get(eupen, `geo.places.${ext}`, params), agent);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 2)
          .toString("latin1"),
      ).toBe(magic);
    }
  });

  it("refuses anonymous requests and sessions of another centre (401)", async () => {
    expect((await exportResponse(get(eupen, file, params), null)).status).toBe(401);
    const foreign = (await newUser(chatelet, "900")).claims;
    const res = await exportResponse(get(eupen, file, params, "entraide_locale=fr"), foreign);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("Veuillez vous connecter.");
  });

  it("allows a resource per user type (users.users: 900 yes, 100 no)", async () => {
    const users = { columns: "username,fullName" };
    expect((await exportResponse(get(eupen, "users.users.csv", users), agent)).status).toBe(403);
    const res = await exportResponse(get(eupen, "users.users.xlsx", users), admin);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it("refuses undeclared columns, filters and sorts, bad state, unknown resources and formats (400, translated)", async () => {
    const cases: [string, { state?: unknown; columns?: string }, RegExp][] = [
      [file, { columns: "zipCode,version" }, /"version"/],
      [file, { columns: "zipCode,zipCode" }, /"zipCode"/],
      [file, { state: { filters: { countryCode: "BE" } } }, /"countryCode"/],
      [file, { state: { sort: [{ field: "zip_code; drop table places", dir: "asc" }] } }, /drop table/],
      [file, { state: { filters: { kind: { $ne: 1 } } } }, /"kind"/],
      [file, { state: "{not json" }, /filters or sort/],
      [file, { state: { pageSize: "all" } }, /filters or sort/],
      ["geo.nothing.csv", {}, /"geo\.nothing"/],
      ["geo.places.docx", {}, /CSV, XLSX or PDF/],
      ["places", {}, /CSV, XLSX or PDF/],
    ];
    for (const [name, p, message] of cases) {
      const res = await exportResponse(get(eupen, name, p, "entraide_locale=en"), agent);
      expect(res.status, name + JSON.stringify(p)).toBe(400);
      expect(await res.text()).toMatch(message);
    }
  });
});
