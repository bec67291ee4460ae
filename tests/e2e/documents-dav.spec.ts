import { test } from "@playwright/test";
import { DIRECT, EUPEN, direct } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// Editing in place (issue 14 §5): a worker prints a file sheet, asks for "Edit" (the office program
// would open the WebDAV link; the test process plays it, saving a changed document), and the
// document's detail lists the print and the save as versions, in French and in German.
test("eupen: Edit gives a WebDAV link whose save becomes a new version listed on the document", async ({
  page,
  request,
}) => {
  // Eupen's sign-in page is in German; Romain reads his screens in French.
  await signInAt(page, EUPEN, "de", "romain");
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await page.getByRole("button", { name: msg("fr", "documents.print"), exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/mine\/\d+/);
  const panel = page.getByTestId("panel-documentEdit");
  await expect(panel.getByRole("heading")).toHaveText(msg("fr", "documents.dav.versions"));
  // The office program's address is not one a headless browser can open: the link shows as fallback.
  page.on("pageerror", () => {});
  await panel.getByTestId("document-edit-button").click();
  const fallback = panel.getByTestId("document-edit-fallback").getByRole("link");
  await expect(fallback).toHaveAttribute("href", /\/dav\/[A-Za-z0-9_-]{43}\/.+\.docx$/);
  const url = new URL((await fallback.getAttribute("href"))!);

  const original = await request.get(`${DIRECT}${url.pathname}`, direct("eupen"));
  expect(original.status()).toBe(200);
  const saved = await request.fetch(`${DIRECT}${url.pathname}`, {
    method: "PUT",
    ...direct("eupen"),
    data: Buffer.concat([await original.body(), Buffer.from("edited")]),
  });
  expect(saved.status()).toBe(200);

  await page.reload();
  const versions = page.getByTestId("document-versions").getByRole("row");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(1)).toContainText(msg("fr", "documents.dav.version", { number: 2 }));
  await saveScreenshot(page, "eupen-document-versions-fr");
});

test("eupen: a German reader's printed document offers Edit in German", async ({ page }) => {
  await signInAt(page, EUPEN, "de", "rolf");
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await page.getByRole("button", { name: msg("de", "documents.print"), exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/mine\/\d+/);
  await expect(page.getByTestId("panel-documentEdit").getByRole("heading")).toHaveText(
    msg("de", "documents.dav.versions"),
  );
  await expect(page.getByTestId("document-edit-button")).toHaveText(msg("de", "documents.dav.edit"));
  await saveScreenshot(page, "eupen-document-versions-de");
});
