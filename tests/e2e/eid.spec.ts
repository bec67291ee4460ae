import path from "node:path";
import { test } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

test.use({ locale: "en-GB" });

const CARD = path.resolve(import.meta.dirname, "../fixtures/eid/card_test_1.json");

test("a reception clerk reads an eID card, creates the client and lands on its detail", async ({ page }) => {
  // Theresia (210, reception clerk) works in German, as the centre.
  await signInAt(page, EUPEN, "de", "theresia");
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  const nav = page.getByRole("navigation", { name: t("menu.label") });
  await nav.getByRole("button", { name: t("menu.reception") }).click();
  await nav.getByRole("link", { name: t("menu.eid") }).click();
  await expect(page.getByRole("heading", { name: t("eidFlow.title") })).toBeVisible();

  // The reader helper's file, as a desk PC would hand it over.
  await page.getByLabel(t("eidFlow.file")).setInputFiles(CARD);
  await expect(page.getByRole("textbox", { name: t("eidFlow.paste"), exact: true })).toHaveValue(/Jeffin/);
  await page.getByRole("button", { name: t("eidFlow.read") }).click();
  const summary = page.getByTestId("eid-summary");
  await expect(summary.getByRole("heading", { name: "Jean-Jacques Jeffin" })).toBeVisible();
  await expect(summary.getByRole("img", { name: t("eidFlow.photoAlt", { name: "Jean-Jacques Jeffin" }) })).toBeVisible();
  await expect(summary).toContainText("680601 053-29");
  await expect(page.getByTestId("eid-new")).toContainText(t("eidFlow.noMatch"));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "eid-read");

  // Demo look-alikes, if any, must be confirmed first.
  const confirm = page.getByLabel(t("eidFlow.confirmSimilar"));
  if (await confirm.isVisible()) await confirm.check();
  await page.getByRole("button", { name: t("eidFlow.create", { name: "Jean-Jacques Jeffin" }) }).click();
  await expect(page).toHaveURL(/\/contacts\/clients\/\d+$/);
  await expect(page.getByText(/JEFFIN Jean-Jacques \(\d+\)/).first()).toBeVisible();

  // Reading the same card again finds the client.
  await page.goto(`${EUPEN}/reception/eid`);
  await page.getByLabel(t("eidFlow.file")).setInputFiles(CARD);
  await expect(page.getByRole("textbox", { name: t("eidFlow.paste"), exact: true })).toHaveValue(/Jeffin/);
  await page.getByRole("button", { name: t("eidFlow.read") }).click();
  await expect(page.getByTestId("eid-match")).toContainText("JEFFIN Jean-Jacques");
  await page.getByRole("button", { name: t("eidFlow.compare") }).click();
  await expect(page.getByTestId("eid-changes").getByRole("status")).toContainText("JEFFIN Jean-Jacques");
});
