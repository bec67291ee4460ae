import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { DIRECT, direct, EUPEN } from "./hosts";
import { msg, signInAt } from "./support";

// Exports of a grid, through the toolbar's links: the downloaded files are parsed and must hold
// exactly the rows of the filtered, sorted grid (all pages), with its columns and in its language.
const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
test.use({ locale: "en-GB", acceptDownloads: true });

const STATE = {
  filters: { zipCode: "47" },
  sort: [
    { field: "zipCode", dir: "desc" },
    { field: "name", dir: "asc" },
  ],
};

/** Clicks the toolbar's export link of that format; the saved file. */
async function download(page: Page, format: "csv" | "xlsx" | "pdf") {
  const link = page.getByTestId(`export-${format}`);
  if (!(await link.isVisible())) await page.getByRole("button", { name: t("grid.export") }).click(); // the menu stays open after a download
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  // Named like the grid's heading, in its language: "Orte (Postleitzahl: 47)" without the colon no file system likes.
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^${t("resources.places.title")} \\(${t("fields.zipCode")} 47\\) \\d{4}-\\d{2}-\\d{2}\\.${format}$`),
  );
  return readFile(await file.path());
}

/** The grid's column headers and the texts of its rows, as shown. */
async function gridShown(page: Page) {
  const grid = page.getByTestId("grid");
  const columns = await grid
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column")).filter((c): c is string => !!c));
  const rows = await grid
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
  return { columns, rows };
}

test("eupen: every export of the filtered places grid holds exactly its rows", async ({ page }) => {
  await signInAt(page, EUPEN, "de", "melanie");
  await page.goto(`${EUPEN}/geo/places?s=${encodeURIComponent(JSON.stringify(STATE))}`);
  await expect(page.getByTestId("grid-row").first()).toBeVisible();
  const shown = await gridShown(page);
  const zipIndex = shown.columns.indexOf("zipCode");
  expect(zipIndex).toBeGreaterThanOrEqual(0);
  const headers = shown.columns.map((c) => t(c === "kind" ? "fields.placeKind" : `fields.${c}`));

  // CSV: the grid's columns and header labels, every page of rows, the first page as the grid shows it.
  const csv = parse(await download(page, "csv"), { delimiter: ";", bom: true }) as string[][];
  const [header, ...records] = csv;
  expect(header).toEqual(headers);
  expect(records.length).toBeGreaterThan(shown.rows.length); // all pages, not only the one shown
  expect(records.every((r) => r[zipIndex]!.startsWith("47"))).toBe(true);
  const zips = records.map((r) => r[zipIndex]!);
  expect([...zips].sort().reverse()).toEqual(zips);
  expect(records.slice(0, shown.rows.length).map((r) => r[zipIndex])).toEqual(shown.rows.map((r) => r[zipIndex]));
  expect(records.slice(0, shown.rows.length)).toEqual(shown.rows);

  // XLSX: same header and rows, in the same order.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(page, "xlsx")) as never);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
  const xlsxZips: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) xlsxZips.push(String(row.getCell(zipIndex + 1).value));
  });
  expect(xlsxZips).toEqual(zips);

  // PDF: the title, the filter, the rows.
  const pdf = await download(page, "pdf");
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain(t("resources.places.title"));
  expect(text).toContain(`${t("fields.zipCode")}: 47`);
  expect(text).toContain("Eupen");
});

test("eupen: an export link is refused to a visitor, with a translated reason", async ({ page }) => {
  const url = `${DIRECT}/api/export/geo.places.csv?state=${encodeURIComponent(JSON.stringify(STATE))}&columns=name`;
  const res = await page.request.get(url, direct("eupen", { cookie: "entraide_locale=de" }));
  expect(res.status()).toBe(401);
  expect(await res.text()).toBe(t("errors.UNAUTHORIZED"));
});
