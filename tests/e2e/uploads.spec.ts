import { test, type Page } from "@playwright/test";
import { belgianToday } from "@/lib/format";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

const german = (iso: string) => iso.split("-").reverse().join(".");
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** A one-page PDF, as a scanner would save it (only its first bytes matter to the server). */
const scannedPdf = () =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

test("a reception clerk scans a residence permit valid six weeks more; its reminder is hers and the file opens", async ({
  page,
}) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  const today = belgianToday();
  const until = addDays(today, 42);
  // Theresia (210, reception clerk) works in German, as the centre.
  await signInAt(page, EUPEN, "de", "theresia");

  // A newcomer at the desk: registered, then the Documents tab of their file.
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByRole("button", { name: t("grid.new"), exact: true }).click();
  const clientForm = page.getByTestId("insert-form");
  await clientForm.getByLabel(new RegExp(`^${t("fields.firstName")}`)).fill("Amira");
  await clientForm.getByLabel(new RegExp(`^${t("fields.lastName")}`)).fill(`Scan${Date.now().toString(36)}`);
  await clientForm.getByRole("button", { name: t("detail.create") }).click();
  const anyway = page.getByRole("button", { name: t("detail.createAnyway") });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  await openTab(page, t("resources.clients.documentsTab"));
  const summary = page.getByTestId("uploads-summary");
  await expect(summary).toContainText(t("panels.uploadsSummary.idDocument"));

  // "+" after the residence permit: the type and the client are filled in; she picks the scan and its validity.
  await summary.getByRole("button", { name: t("panels.uploadsSummary.add", { type: "Aufenthaltserlaubnis" }) }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(t("resources.uploads.file")).setInputFiles({
    name: "Aufenthaltserlaubnis.pdf",
    mimeType: "application/pdf",
    buffer: scannedPdf(),
  });
  const endDate = form.getByRole("group", { name: t("resources.uploads.endDate") });
  // Day, month and year, each in its segment of the date picker.
  const [y, m, d] = until.split("-");
  for (const [i, part] of [d!, m!, y!].entries()) {
    await endDate.getByRole("spinbutton").nth(i).click();
    await page.keyboard.type(part);
  }
  await expect(endDate.getByRole("spinbutton")).toHaveText([d!, m!, y!]);
  await form.getByLabel(t("resources.uploads.description")).fill("Karte Typ A");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "upload-form-de");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  const permit = summary.getByRole("link", { name: "Karte Typ A" });
  await expect(permit).toBeVisible();
  // At most one residence permit: no more "+" for it.
  await expect(
    summary.getByRole("button", { name: t("panels.uploadsSummary.add", { type: "Aufenthaltserlaubnis" }) }),
  ).toHaveCount(0);
  await saveScreenshot(page, "client-documents-de");

  // The download opens: the PDF itself, shown by the browser, never sniffed into something else.
  const href = (await permit.getAttribute("href"))!;
  const file = await page.evaluate(async (url) => {
    const res = await fetch(url);
    const start = new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5));
    const h = (name: string) => res.headers.get(name);
    return {
      status: res.status,
      type: h("content-type"),
      disposition: h("content-disposition"),
      nosniff: h("x-content-type-options"),
      start,
    };
  }, href);
  expect(file).toMatchObject({ status: 200, type: "application/pdf", nosniff: "nosniff", start: "%PDF-" });
  expect(file.disposition).toMatch(/^inline;/);

  // The upload's detail: the expiry reminder is hers, today (two months' warning has already begun).
  const uploads = page.getByTestId("slave-uploads.uploads");
  await uploads.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/uploads\/uploads\/\d+/);
  await expect(page.getByTestId("upload-reminder")).toHaveText(
    t("panels.uploadFile.reminder", {
      summary: t("reminders.uploadExpires", { type: "Aufenthaltserlaubnis" }),
      date: german(today),
      user: "Theresia Thelen",
    }),
  );
  await expect(page.getByTestId("upload-file-link")).toContainText("Aufenthaltserlaubnis.pdf");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "upload-detail-de");
});

test("in French, office staff explore every upload and open one with its file", async ({ page }) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);
  await signInAt(page, CHATELET, "fr", "romain");
  await page.goto(`${CHATELET}/uploads/uploads`);
  await expect(page.getByRole("heading", { level: 1, name: t("resources.uploads.title") })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "uploads-explorer-fr");
  await page.getByRole("row").nth(1).click();
  await expect(page).toHaveURL(/\/uploads\/uploads\/\d+/);
  await expect(page.getByTestId("upload-file-link")).toBeVisible();
  await saveScreenshot(page, "upload-detail-fr");
  // The client's Documents tab, from the upload's client.
  await page.locator("dd[data-field=client] a").click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+/);
  await openTab(page, t("resources.clients.documentsTab"));
  await expect(page.getByTestId("uploads-summary")).toContainText(t("panels.uploadsSummary.idDocument"));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "client-documents-fr");
});
