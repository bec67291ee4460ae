import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "@playwright/test";
import { DIRECT, direct, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

test.use({ locale: "en-GB" });

const CARD = path.resolve(import.meta.dirname, "../fixtures/eid/card_test_1.json");

test("a reception clerk reads an eID card, creates the client and lands on its detail", async ({
  page,
  playwright,
}) => {
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
  await expect(
    summary.getByRole("img", { name: t("eidFlow.photoAlt", { name: "Jean-Jacques Jeffin" }) }),
  ).toBeVisible();
  await expect(summary).toContainText("680601 053-29");
  // The card's dates as a German reader writes them.
  await expect(summary).toContainText(`${t("eidFlow.fields.birthDate")}: 01.06.1968`);
  await expect(summary).toContainText(t("eidFlow.validity", { from: "02.06.2016", until: "02.06.2026" }));
  await expect(page.getByTestId("eid-new")).toContainText(t("eidFlow.noMatch"));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "eid-read");

  // Demo look-alikes, if any, must be confirmed first.
  const confirm = page.getByLabel(t("eidFlow.confirmSimilar"));
  if (await confirm.isVisible()) await confirm.check();
  await page.getByRole("button", { name: t("eidFlow.create", { name: "Jean-Jacques Jeffin" }) }).click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+$/);
  await expect(page.getByText(/JEFFIN Jean-Jacques \(\d+\)/).first()).toBeVisible();

  // Reading the same card again, now through the reader helper, finds the client: the page opens a
  // read, the helper (here a plain HTTP client without the clerk's session) posts the card to the
  // address it was given, and the page picks it up.
  await page.goto(`${EUPEN}/reception/eid`);
  await page.getByRole("button", { name: t("eidFlow.reader.start") }).click();
  const open = page.getByTestId("eid-reader-open");
  await expect(open.getByRole("link", { name: t("eidFlow.reader.openHelper") })).toHaveAttribute(
    "href",
    /^beid:\/\/http/,
  );
  const postUrl = await open.getAttribute("data-post-url");
  const helper = await playwright.request.newContext();
  const { pathname } = new URL(postUrl!);
  const posted = await helper.post(`${DIRECT}${pathname}`, {
    data: readFileSync(CARD, "utf8"),
    ...direct("eupen", { "content-type": "application/json" }),
  });
  expect(posted.status()).toBe(202);
  await helper.dispose();
  await expect(page.getByTestId("eid-reader").getByRole("status")).toHaveText(t("eidFlow.reader.received"));
  await expect(page.getByRole("textbox", { name: t("eidFlow.paste"), exact: true })).toHaveValue(/Jeffin/);
  await expect(page.getByTestId("eid-match")).toContainText("JEFFIN Jean-Jacques");
  await page.getByRole("button", { name: t("eidFlow.compare") }).click();
  await expect(page.getByTestId("eid-changes").getByRole("status")).toContainText("JEFFIN Jean-Jacques");
});
