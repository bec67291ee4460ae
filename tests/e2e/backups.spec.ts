import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { test } from "@playwright/test";
import { urlOf } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signIn } from "./support";

// The console's backups, in French then in German (the console follows the browser's language):
// back up a centre now (the file downloads and is listed with its size and checksum), import it
// under a new address, and see the copy served; a damaged file is refused in the operator's language.
test.describe.configure({ mode: "serial" });

for (const locale of ["fr", "de"] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale: locale === "fr" ? "fr-BE" : "de-BE" });
    const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);

    test("backs a centre up, lists and downloads it, and imports it under a new address", async ({ page }, info) => {
      await signIn(page, undefined, locale);
      const panel = page.getByTestId("backups");
      await expect(panel.getByRole("heading", { name: t("operator.backups.title") })).toBeVisible();
      await panel.getByLabel(t("operator.backups.centre")).selectOption("chatelet");

      const download = page.waitForEvent("download");
      await panel.getByRole("button", { name: t("operator.backups.makeNow") }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^chatelet-\d{8}-\d{6}\.entraide-backup\.gz$/);
      await expect(panel.getByTestId("backups-notice")).toHaveText(
        t("operator.backups.made", { name: file.suggestedFilename() }),
      );
      const rows = panel.getByTestId("backup-list").locator("tbody tr");
      await expect(rows.first()).toContainText("sha256");
      await expect(rows.first().getByRole("link", { name: t("operator.backups.download") })).toBeVisible();
      await saveScreenshot(page, `backups-console-${locale}`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      const saved = info.outputPath(file.suggestedFilename());
      await file.saveAs(saved);
      const slug = `copie-${locale}-${randomBytes(3).toString("hex")}`;
      await panel.getByLabel(t("operator.backups.file")).setInputFiles(saved);
      await panel.getByLabel(t("operator.backups.as")).fill(slug);
      await panel.getByRole("button", { name: t("operator.backups.import"), exact: true }).click();
      await expect(panel.getByTestId("backups-notice")).toHaveText(t("operator.backups.imported", { slug }));
      await expect(page.getByTestId("grid-row").filter({ hasText: slug })).toBeVisible();
      await saveScreenshot(page, `backups-imported-${locale}`);

      // The copy is served on its own address, with the centre's own sign-in page.
      await page.goto(`${urlOf(slug)}/login`);
      await expect(page.getByRole("button", { name: msg("fr", "auth.signIn") })).toBeVisible();
    });

    test("refuses a damaged file with a message in the operator's language", async ({ page }, info) => {
      await signIn(page, undefined, locale);
      const panel = page.getByTestId("backups");
      const bad = info.outputPath("damaged.entraide-backup.gz");
      await writeFile(bad, "not a backup at all");
      await panel.getByLabel(t("operator.backups.file")).setInputFiles(bad);
      await panel.getByRole("button", { name: t("operator.backups.import"), exact: true }).click();
      await expect(panel.getByTestId("backups-notice")).toHaveText(t("errors.BACKUP_INVALID"));
      await saveScreenshot(page, `backups-refused-${locale}`);
    });
  });
}
