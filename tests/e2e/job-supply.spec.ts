import { expect, test } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Art. 60§7 job supply (domain-integ-money §2.5) in the demo: Eupen's 8 jobs with their candidatures,
// a candidature put on probation, the client's Job search tab; Châtelet's providers and candidatures.
test.use({ locale: "en-GB" });

test("eupen: an integration agent puts a job's candidate on probation and finds it on the client's Job search tab", async ({
  page,
}) => {
  const t = (key: string) => msg("de", key);
  await signInAt(page, EUPEN, "de", "hubert");
  await page.goto(`${EUPEN}/jobs/jobs`);
  await expect(page.getByRole("heading", { level: 1, name: t("jobs.jobs.title") })).toBeVisible();
  await expect(page.getByTestId("grid-row")).toHaveCount(8);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "jobs-eupen-de");

  await page.getByTestId("grid-row").first().locator("td").first().click();
  const candidates = page.getByTestId("slave-jobs.candidatures");
  await expect(candidates).toBeVisible();
  await saveScreenshot(page, "job-eupen-de");
  // "Aktiv" exactly: "Inaktiv" contains it.
  const active = candidates
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: t("choices.candidatureStates.10"), exact: true }) })
    .first();
  await active.getByRole("link").first().click();

  const workflow = page.getByTestId("workflow");
  await expect(page.getByTestId("workflow-state")).toHaveText(t("choices.candidatureStates.10"));
  await expect(workflow.getByRole("button")).toHaveText([
    t("jobs.candidatures.actions.probation"),
    t("jobs.candidatures.actions.work"),
    t("jobs.candidatures.actions.deactivate"),
  ]);
  await workflow.getByRole("button", { name: t("jobs.candidatures.actions.probation") }).click();
  await expect(page.getByTestId("workflow-state")).toHaveText(t("choices.candidatureStates.20"));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "candidature-probation-de");

  // The client's file lists it on the Job search tab.
  await page
    .getByRole("link", { name: /\(\d+\*?\)$/ })
    .first()
    .click();
  await page.getByRole("tab", { name: t("resources.clients.jobSearchTab") }).click();
  const onClient = page.getByTestId("slave-jobs.candidatures");
  await expect(
    onClient
      .getByRole("row")
      .filter({ hasText: t("choices.candidatureStates.20") })
      .first(),
  ).toBeVisible();
  await saveScreenshot(page, "client-job-search-de");
});

test("chatelet: providers and every candidature, in French, for social staff", async ({ page }) => {
  const t = (key: string) => msg("fr", key);
  await signInAt(page, CHATELET, "fr", "romain");
  await page.goto(`${CHATELET}/jobs/providers`);
  await expect(page.getByRole("heading", { level: 1, name: t("jobs.providers.title") })).toBeVisible();
  await expect(page.getByTestId("grid-row")).toHaveCount(2);
  await page.getByTestId("grid-row").first().locator("td").first().click();
  await expect(page.getByTestId("slave-jobs.jobs")).toBeVisible();
  await saveScreenshot(page, "provider-chatelet-fr");

  await page.goto(`${CHATELET}/jobs/candidatures`);
  await expect(page.getByRole("heading", { level: 1, name: t("jobs.candidatures.title") })).toBeVisible();
  await expect(page.getByTestId("grid-row")).toHaveCount(8);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "candidatures-chatelet-fr");
});
