import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { test } from "@playwright/test";
import PizZip from "pizzip";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// Mass printing (issue 14 §6): a worker ticks three clients in the clients' list, prints their file
// sheets in one go and downloads one file: a PDF where the server has LibreOffice, else a zip of
// Word files. Progress shows in the dialog until the download appears.
const fr = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);

/** The text of the download, whichever form it came in, upper-cased (the file sheet writes last names so). */
function textOf(file: Buffer): string {
  const text =
    file.subarray(0, 4).toString("latin1") === "%PDF"
      ? execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: file }).toString("utf8")
      : Object.values(new PizZip(file).files)
          .map((f) =>
            new PizZip(f.asNodeBuffer())
              .file("word/document.xml")!
              .asText()
              .replace(/<[^>]+>/g, " "),
          )
          .join(" ");
  return text.replace(/\s+/g, " ").toLocaleUpperCase("de");
}

test("eupen: a worker ticks three clients, prints their file sheets in one go and downloads the result", async ({
  page,
}) => {
  await signInAt(page, EUPEN, "de", "romain");
  await page.goto(`${EUPEN}/clients/clients`);
  const rows = page.getByTestId("grid-row");
  await expect(rows.first()).toBeVisible();
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    await rows.nth(i).getByTestId("grid-select-row").check();
    names.push((await rows.nth(i).locator("td").nth(1).innerText()).replace(/\s*\(\d+\)$/, "").trim());
  }
  // Ticking does not open the client.
  await expect(page).toHaveURL(/\/clients\/clients(\?.*)?$/);
  await expect(page.getByTestId("grid-selection")).toContainText("3 lignes sélectionnées");

  await page.getByTestId("print-selection").click();
  const dialog = page.getByRole("dialog", { name: fr("documents.massPrint.title") });
  await expect(dialog.getByTestId("print-selection-type")).toHaveValue(/\d+/);
  await expect(dialog.getByTestId("print-selection-type").locator("option:checked")).toHaveText("Fiche du dossier");
  await saveScreenshot(page, "eupen-print-selection-fr");
  await dialog.getByTestId("print-selection-start").click();
  const link = dialog.getByTestId("print-selection-download");
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId("print-selection-progress")).toHaveText("3 documents prêts.");
  await saveScreenshot(page, "eupen-print-selection-ready-fr");

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^impressions-\d+\.(pdf|zip)$/);
  const text = textOf(await readFile((await download.path())!));
  for (const name of names) expect(text).toContain(name.toLocaleUpperCase("de"));
});
