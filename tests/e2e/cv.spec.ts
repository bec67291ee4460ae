import { test } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// An integration agent records a client's language and work experience on the Career tab, then finds
// the client through the integration clients' CV search, whose title names the criteria (issue 17).
test.use({ locale: "de-BE" });

test("eupen: an integration agent records a language and an experience, then finds the client by the CV search", async ({
  page,
}) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  await signInAt(page, EUPEN, "de", "hubert");

  // One of hubert's integration clients.
  await page.goto(`${EUPEN}/integ/clients`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+|\/integ\/clients\/\d+/);
  const client = (await page.getByTestId("detail-title").textContent())!.trim();
  await page.getByRole("tab", { name: t("cv.careerTab") }).click();

  // Albanian at B2 (no demo client knows Albanian).
  const languages = page.getByTestId("slave-cv.languageKnowledge");
  await expect(languages).toBeVisible();
  await languages.getByRole("button", { name: t("detail.add") }).click();
  let form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("cv.fields.language")}`)).selectOption("sq");
  await form.getByLabel(new RegExp(`^${t("cv.fields.cefLevel")}`)).selectOption("B2");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await expect(languages.getByRole("row").filter({ hasText: t("choices.cvLanguages.sq") })).toHaveCount(1);

  // A work experience in a bakery.
  const experiences = page.getByTestId("slave-cv.experiences");
  await experiences.getByRole("button", { name: t("detail.add") }).click();
  form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("cv.fields.company")}`)).fill("Bäckerei Kohnen");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await expect(experiences.getByRole("row").filter({ hasText: "Bäckerei Kohnen" })).toHaveCount(1);
  await saveScreenshot(page, "cv-career-tab-de");
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The CV search: Albanian at least B1 finds that client alone, and the title says so.
  await page.goto(`${EUPEN}/integ/clients`);
  await page.getByTestId("filters-toggle").click();
  const filters = page.getByRole("region", { name: t("grid.filters") });
  await filters.getByLabel(t("cv.search.language")).selectOption("sq");
  await filters.getByLabel(t("cv.search.minLevel")).selectOption("B1");
  await expect(page.getByTestId("grid-row")).toHaveCount(1);
  await expect(page.getByTestId("grid-row")).toContainText(client.split(" (")[0]!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    t("cv.search.languageSummary", { value: t("choices.cvLanguages.sq") }),
  );
  await saveScreenshot(page, "cv-search-de");
  // A level above the client's finds nobody.
  await filters.getByLabel(t("cv.search.minLevel")).selectOption("C1");
  await expect(page.getByTestId("grid-row")).toHaveCount(0);
});

test("chatelet: the Career tab shows Châtelet's skills, soft skills and obstacles, in French", async ({ page }) => {
  const t = (key: string) => msg("fr", key);
  await signInAt(page, CHATELET, "fr", "romain");
  await page.goto(`${CHATELET}/integ/clients`);
  const filters = page.getByRole("region", { name: t("grid.filters") });
  await page.getByTestId("filters-toggle").click();
  // The coach filter lifted: every integration client who knows German.
  await filters.getByLabel(t("resources.clients.coachedBy")).selectOption("");
  await filters.getByLabel(t("cv.search.language")).selectOption("de");
  await page.getByTestId("grid-row").first().click();
  await page.getByRole("tab", { name: t("cv.careerTab") }).click();
  await expect(page.getByTestId("slave-cv.languageKnowledge").getByRole("row")).not.toHaveCount(0);
  await expect(page.getByTestId("slave-cv.obstacles")).toBeVisible();
  await expect(page.getByTestId("slave-cv.skills")).toBeVisible();
  await saveScreenshot(page, "cv-career-tab-fr");
});
