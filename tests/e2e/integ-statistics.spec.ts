import { test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { CHATELET } from "./hosts";
import { fillDate, openRow } from "./integ-forms";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Issue 17 (item 7, docs/integ-reports.md): the integration manager of Châtelet, in French, asks the
// statistics who had an Art. 61 contract today, opens the contracts a figure counts, and downloads
// the same figures as XLSX and PDF.
//
// Châtelet's demo Art. 61 contracts (server/art61/seed.ts): 7, the i-th (0…6) from a year ago plus
// 30·i days, each a year long (to the day before its anniversary). On today the first ended yesterday
// and the six others run: 6 active, none started or ended today.
test.use({ locale: "fr-BE" });

const t = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);

/** Today in Brussels, as the server counts it. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());

/** The cells of a report table's row named `head`, as shown. */
const rowCells = (page: Page, table: string, head: string) =>
  page
    .getByTestId(`table-${table}`)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: head, exact: true }) })
    .getByRole("cell");

test("chatelet: melanie asks the statistics who had an Art. 61 contract today, opens them and downloads the figures", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAt(page, CHATELET, "fr", "melanie");
  await page.goto(`${CHATELET}/integ/statistics`);
  await expect(page.getByRole("heading", { level: 1, name: t("integReports.statisticsPage.title") })).toBeVisible();
  // The browser's tab names the page, as the lists' do.
  await expect(page).toHaveTitle(`${t("integReports.statisticsPage.title")} · ${t("app.name")}`);

  // On one day: today.
  const form = page.getByTestId("period-form");
  await form.getByTestId("one-day").check();
  await fillDate(page, form, t("integReports.oneDay"), today, "/");
  await form.getByRole("button", { name: t("integReports.show") }).click();
  const [y, m, d] = today.split("-");
  await expect(page.getByTestId("report")).toContainText(`${d}/${m}/${y}`);

  // Art. 61 by type: active at the start, in the period, started, ended, with success, otherwise,
  // decided, signed, active at the end.
  const type = "Mise à l'emploi art.61";
  await expect(rowCells(page, "art61.types", type)).toHaveText(["6", "6", "0", "0", "0", "0", "0", "0", "6"]);
  await expect(rowCells(page, "art61.types", t("integReports.total"))).toHaveText([
    "6",
    "6",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "6",
  ]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "integ-statistics-fr");

  // The charts' axis labels do not run into their legends.
  const charts = await page.locator("[data-testid^=chart-][data-testid$=-types]").all();
  expect(charts).toHaveLength(4);
  for (const chart of charts) {
    const legend = await chart.locator(".recharts-legend-wrapper").boundingBox();
    const ticks = await chart.locator(".recharts-xAxis-tick-labels text").all();
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) {
      const box = (await tick.boundingBox())!;
      expect(box.y + box.height, `${await tick.textContent()} above the legend`).toBeLessThanOrEqual(legend!.y + 1);
    }
  }
  await page.setViewportSize({ width: 768, height: 1000 });
  await saveScreenshot(page, "integ-statistics-fr-768");
  await page.setViewportSize({ width: 1280, height: 720 });

  // The downloads: the same figures in a workbook, and a PDF.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), form.getByTestId("export-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await xlsx.path())!)) as never);
  const rows = workbook.worksheets.flatMap((sheet) =>
    sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.filter((v) => v !== undefined && v !== null)] : [])),
  );
  expect(rows.filter((r) => r[0] === type)).toContainEqual([type, 6, 6, 0, 0, 0, 0, 0, 0, 6]);
  const [pdf] = await Promise.all([page.waitForEvent("download"), form.getByTestId("export-pdf").click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  // A figure opens the contracts it counts: the six running today.
  await rowCells(page, "art61.types", type).nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/art61\/contracts\?/);
  await expect(page.getByTestId("grid-row")).toHaveCount(6);
  await openRow(page.getByTestId("grid-row").first());
  await expect(page).toHaveURL(/\/art61\/contracts\/\d+/);
});

test("chatelet: melanie opens the activity report of this year and downloads it as XLSX and PDF", async ({ page }) => {
  await signInAt(page, CHATELET, "fr", "melanie");
  await page.goto(`${CHATELET}/integ/activity-report`);
  await expect(page.getByRole("heading", { level: 1, name: t("integReports.activityPage.title") })).toBeVisible();
  await expect(page).toHaveTitle(`${t("integReports.activityPage.title")} · ${t("app.name")}`);
  // This year, the page's default period: from 1 January to 31 December.
  const year = today.slice(0, 4);
  await expect(page.getByTestId("report")).toContainText(`01/01/${year} – 31/12/${year}`);
  await expect(page.getByTestId("table-indicators")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "integ-activity-report-fr");

  const form = page.getByTestId("period-form");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), form.getByTestId("export-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await xlsx.path())!)) as never);
  expect(workbook.worksheets.length).toBeGreaterThan(0);
  const [pdf] = await Promise.all([page.waitForEvent("download"), form.getByTestId("export-pdf").click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
});
