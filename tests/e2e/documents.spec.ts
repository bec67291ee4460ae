import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { test } from "@playwright/test";
import PizZip from "pizzip";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// Printing (issue 14): a worker whose screens are in French prints a German-speaking client's file
// sheet; the document comes out in German (the client's language, §14.2) and is downloaded from the
// excerpt it made, which the client's Documents tab lists too.
const fr = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);
const de = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

test("eupen: from the French UI, Print on a German-speaking client gives the file sheet in German", async ({
  page,
}) => {
  await signInAt(page, EUPEN, "de", "romain");
  await page.goto(`${EUPEN}/clients/clients`);
  // A client whose language is German (most of Eupen's).
  await page.getByTestId("grid-row").filter({ hasText: "Deutsch" }).first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+/);
  const clientId = /\/clients\/clients\/(\d+)/.exec(page.url())![1]!;

  await page.getByRole("button", { name: fr("documents.print"), exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/mine\/\d+/);
  await expect(page.locator("dd[data-field=language]")).toHaveText("Deutsch");
  const link = page.getByTestId("upload-file-link");
  await expect(link).toContainText(`aktenblatt-${clientId}.docx`);
  await saveScreenshot(page, "eupen-excerpt-fr-ui");

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`aktenblatt-${clientId}.docx`);
  const text = textOf(await readFile((await download.path())!));
  expect(text).toContain("Aktenblatt");
  expect(text).toContain(`Aktennummer ${clientId}`);
  expect(text).toContain("Bergstraße 12 4700 Eupen");
  // German is Eupen's own language: no "(Übersetzung)".
  expect(text).not.toContain("Übersetzung");

  // The client's Documents tab lists it.
  await page.goto(`${EUPEN}/clients/clients/${clientId}`);
  await page.getByRole("tab", { name: fr("resources.clients.documentsTab") }).click();
  await expect(
    page.getByTestId("slave-documents.byClient").getByRole("row").filter({ hasText: "aktenblatt" }),
  ).not.toHaveCount(0);
  await saveScreenshot(page, "eupen-client-excerpts-fr");
});

// With LibreOffice on the server, the print's PDF follows from a job; the excerpt shows its link once made.
test("eupen: from the French UI, the file sheet of a German-speaking client is downloaded as a PDF in German", async ({
  page,
}) => {
  test.skip(!existsSync("/usr/lib/libreoffice/program/soffice"), "LibreOffice is not installed");
  await signInAt(page, EUPEN, "de", "romain");
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").filter({ hasText: "Deutsch" }).first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+/);
  const clientId = /\/clients\/clients\/(\d+)/.exec(page.url())![1]!;
  await page.getByRole("button", { name: fr("documents.print"), exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/mine\/\d+/);
  const pdf = page.getByTestId("excerpt-pdf-link");
  await expect(pdf).toContainText(`aktenblatt-${clientId}.pdf`, { timeout: 30_000 });
  await expect(page.getByTestId("panel-excerptPdf")).toContainText(fr("documents.pdf.download"));
  await saveScreenshot(page, "eupen-excerpt-pdf-fr-ui");

  const [download] = await Promise.all([page.waitForEvent("download"), pdf.click()]);
  expect(download.suggestedFilename()).toBe(`aktenblatt-${clientId}.pdf`);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", (await download.path())!, "-"])
    .toString("utf8")
    .replace(/\s+/g, " ");
  expect(text).toContain("Aktenblatt");
  expect(text).toContain("Geburtsdatum");
  expect(text).toContain("Bergstraße 12 4700 Eupen");
  expect(text).not.toContain("Übersetzung");
});

test("eupen: a German reader finds what they printed under Office → My excerpts", async ({ page }) => {
  await signInAt(page, EUPEN, "de", "rolf");
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+/);
  await page.getByRole("button", { name: de("documents.print"), exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/mine\/\d+/);
  if (existsSync("/usr/lib/libreoffice/program/soffice"))
    await expect(page.getByTestId("excerpt-pdf-link")).toContainText(".pdf", { timeout: 30_000 });
  await saveScreenshot(page, "eupen-excerpt-pdf-de-ui");
  await page.goto(`${EUPEN}/documents/mine`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(de("documents.mine"));
  await expect(page.getByTestId("grid-row")).not.toHaveCount(0);
  await saveScreenshot(page, "eupen-my-excerpts-de");
});

test("eupen: an administrator uploads a template with a typo in a tag and reads which tag is wrong", async ({
  page,
}) => {
  const zip = new PizZip(await readFile("templates/fileSheet/de.docx"));
  zip.file("word/document.xml", zip.file("word/document.xml")!.asText().replace("{clientName}", "{clientNme}"));
  const typo = zip.generate({ type: "nodebuffer" }) as Buffer;

  await signInAt(page, EUPEN, "de", "rolf");
  await page.goto(`${EUPEN}/documents/types`);
  await page.getByTestId("grid-row").filter({ hasText: "Aktenblatt" }).first().click();
  await expect(page).toHaveURL(/\/documents\/types\/\d+/);
  const panel = page.getByTestId("document-templates");
  await expect(panel.getByTestId("template-de")).toContainText(de("documents.own.default"));
  await panel
    .getByLabel(de("documents.own.uploadFor", { language: "Deutsch" }))
    .setInputFiles({ name: "Aktenblatt.docx", mimeType: "application/octet-stream", buffer: typo });
  await expect(panel.getByRole("alert")).toHaveText(de("documents.errors.template.unknown_tag", { tag: "clientNme" }));
  await expect(panel.getByTestId("template-de")).toContainText(de("documents.own.default"));
  await saveScreenshot(page, "eupen-template-typo-de");
});
