import { test } from "@playwright/test";
import { EUPEN } from "./hosts";
import { fillDate, openRow, pickRef } from "./integ-forms";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Issue 17: an integration agent of Eupen, in German, puts a client to work on one of the jobs
// (Art. 60§7, domain-integ-money §2.5): the job gives the contract its type and provider, the
// client's age its duration and planned end, the type's exam policy its evaluation meetings (§2.3).
// The contract is deleted at the end, so the walk can run again on the same centre.
test.use({ locale: "de-BE" });

const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

test("eupen: hubert makes an Art. 60§7 contract from a job in German and sees its evaluation meetings", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAt(page, EUPEN, "de", "hubert");

  // Integration → Jobs: the cook at BISA (an internal job).
  await page.goto(`${EUPEN}/jobs/jobs`);
  await expect(page.getByRole("heading", { level: 1, name: t("jobs.jobs.title") })).toBeVisible();
  const job = page.getByTestId("grid-row").filter({ hasText: "Koch" }).filter({ hasText: "BISA" });
  await expect(job).toHaveCount(1);
  await openRow(job);
  await expect(page).toHaveURL(/\/jobs\/jobs\/\d+/);

  // A contract for Paula Pauels (born 25.11.1997) from Monday 5 March 2029, nothing else given.
  const contracts = page.getByTestId("slave-jobs.contracts");
  await contracts.getByRole("button", { name: t("detail.add") }).click();
  const form = page.getByTestId("insert-form");
  await pickRef(form, "client", "PAUELS Paula");
  await fillDate(page, form, t("isip.appliesFrom"), "2029-03-05");
  await saveScreenshot(page, "integ-art60-insert-de");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  const row = contracts.getByRole("row").filter({ hasText: "05.03.2029" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("PAUELS Paula");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/jobs\/contracts\/\d+/);

  // The job gave its contract type and provider; the age (31 at the start, under 36) 312 working
  // days, and without a planned end Lino counts them as calendar days: 5 March 2029 + 312 = 11 January 2030.
  await expect(page.locator("dd[data-field=company]")).toHaveText("BISA");
  await expect(page.locator("dd[data-field=type]")).toHaveText("Sozialökonomie — majoré");
  await expect(page.locator("dd[data-field=duration]")).toHaveText("312");
  await expect(page.locator("dd[data-field=appliesUntil]")).toHaveText("11.01.2030");

  // Evaluations every three months from the start, on working days, until the planned end:
  // Tuesday 5 June, Wednesday 5 September, Wednesday 5 December 2029 (5 March 2030 is after the end).
  const evaluations = page.getByTestId("slave-jobs.evaluations");
  await expect(evaluations.getByRole("row").filter({ hasText: /\.20(29|30)/ })).toHaveCount(3);
  for (const day of ["05.06.2029", "05.09.2029", "05.12.2029"]) {
    const meeting = evaluations.getByRole("row").filter({ hasText: day });
    await expect(meeting).toHaveCount(1);
    await expect(meeting).toContainText("Hubert Huppertz");
  }
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "integ-art60-contract-de");
  await page.setViewportSize({ width: 768, height: 1000 });
  await saveScreenshot(page, "integ-art60-contract-de-768");
  await page.setViewportSize({ width: 1280, height: 720 });

  // It is among hubert's own contracts.
  await page.goto(`${EUPEN}/jobs/myContracts`);
  await expect(page.getByTestId("grid-row").filter({ hasText: "05.03.2029" })).toContainText("PAUELS Paula");

  // Deleted again: the dialog names it, and its evaluation meetings go with it.
  await openRow(page.getByTestId("grid-row").filter({ hasText: "05.03.2029" }));
  await expect(page).toHaveURL(/\/jobs\/(myContracts|contracts)\/\d+/);
  await page.getByRole("button", { name: t("detail.delete") }).click();
  const dialog = page.getByRole("dialog", { name: t("detail.delete") });
  await expect(dialog.getByTestId("delete-dialog")).toContainText("PAUELS Paula");
  await dialog.getByRole("button", { name: t("detail.delete") }).click();
  await expect(page).toHaveURL(/\/jobs\/(myContracts|contracts)(\?.*)?$/);
  await expect(page.getByTestId("grid-row").filter({ hasText: "05.03.2029" })).toHaveCount(0);
});
