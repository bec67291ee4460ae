import { test, type Page } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Issue 17: an integration agent of Eupen, in German, looks for the clients he coaches who are
// available (no PIIS, Art. 60§7 or immersion contract today: domain-integ-money §2.2; an Art. 61
// contract leaves a client available) and have worked as waiters (the CV filters, §2.7), saves that
// search and finds it again. The saved search is deleted at the end, so the walk can run again.
test.use({ locale: "de-BE" });

const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

/** The clients' names of the grid's rows, in order, without their ids (the demo's order of seeding gives those). */
const names = async (page: Page) =>
  (await page.getByTestId("grid-row").allInnerTexts()).map((r) =>
    r
      .split(/\t|\n/)
      .filter((c) => c.trim())[0]!
      .replace(/\s*\(\d+\*?\)$/, "")
      .trim(),
  );

test("eupen: hubert filters his integration clients on availability and the CV, saves the search and opens it again", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAt(page, EUPEN, "de", "hubert");

  // Integration → Clients: those hubert coaches (9 in the demo). Ingrid Ivens and Norbert Nelles
  // work under an Art. 60§7 contract today, Theresa Thissen has a PIIS (the contract column).
  await page.goto(`${EUPEN}/integ/clients`);
  await expect(page.getByTestId("grid-row")).toHaveCount(9);
  for (const [who, kind] of [
    ["IVENS Ingrid", t("jobs.contracts.kind")],
    ["NELLES Norbert", t("jobs.contracts.kind")],
    ["THISSEN Theresa", "VSE"],
  ] as const)
    await expect(page.getByTestId("grid-row").filter({ hasText: who })).toContainText(kind);

  // Available: those three go; Jacqueline Jacobs's Art. 60§7 contract ended in September.
  await page.getByTestId("filters-toggle").click();
  const filters = page.getByRole("region", { name: t("grid.filters") });
  await filters.getByLabel(t("integ.filters.available")).selectOption({ label: t("format.yes") });
  await expect(page.getByTestId("grid-row")).toHaveCount(6);
  expect(await names(page)).toEqual([
    "BRECHT Bernd",
    "JACOBS Jacqueline",
    "KAIVERS Karl",
    "KREUSCH Klara",
    "PAUELS Paula",
    "YDENS Yvonne",
  ]);

  // Among them, who has worked (or trained) as a waiter: Karl Kaivers, from his CV.
  await filters.getByLabel(t("cv.search.function")).selectOption({ label: "Kellner" });
  await expect(page.getByTestId("grid-row")).toHaveCount(1);
  expect(await names(page)).toEqual(["KAIVERS Karl"]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(t("integ.filters.available"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    t("cv.search.functionSummary", { value: "Kellner" }),
  );
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "integ-lists-filtered-de");
  await page.setViewportSize({ width: 768, height: 1000 });
  await saveScreenshot(page, "integ-lists-filtered-de-768");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Saved as "Verfügbare Kellner".
  const name = "Verfügbare Kellner";
  await page.getByTestId("saved-searches").click();
  await page.getByTestId("saved-search-name").fill(name);
  await page
    .getByTestId("saved-search-name")
    .locator("xpath=..")
    .getByRole("button", { name: t("grid.saved.saveButton") })
    .click();
  await expect(page.getByRole("button", { name: t("grid.saved.open", { name }) })).toBeVisible();
  // The panel is wide enough for the name box to show its placeholder whole.
  const box = page.getByTestId("saved-search-name");
  const fits = await box.evaluate((e: HTMLInputElement) => {
    const style = getComputedStyle(e);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = style.font;
    const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return ctx.measureText(e.placeholder).width <= room;
  });
  expect(fits).toBe(true);
  await saveScreenshot(page, "integ-lists-saving-de");

  // The list opened afresh has its default filters again; the saved search brings the two back.
  await page.goto(`${EUPEN}/integ/clients`);
  await expect(page.getByTestId("grid-row")).toHaveCount(9);
  await page.getByTestId("saved-searches").click();
  await page.getByRole("button", { name: t("grid.saved.open", { name }) }).click();
  // The menu closes on the choice (it covered the first rows), the focus back on its button.
  await expect(page.getByRole("button", { name: t("grid.saved.open", { name }) })).toBeHidden();
  await expect(page.getByTestId("saved-searches")).toBeFocused();
  await expect(page.getByTestId("grid-row")).toHaveCount(1);
  expect(await names(page)).toEqual(["KAIVERS Karl"]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(t("integ.filters.available"));
  await saveScreenshot(page, "integ-lists-saved-de");

  // Deleted again, after the browser's confirmation.
  await page.getByTestId("saved-searches").click();
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(t("grid.saved.confirmDelete", { name }));
    void dialog.accept();
  });
  await page.getByRole("button", { name: t("grid.saved.delete", { name }) }).click();
  await expect(page.getByRole("button", { name: t("grid.saved.open", { name }) })).toHaveCount(0);
  await expect(page.getByText(t("grid.saved.none"))).toBeVisible();
});
