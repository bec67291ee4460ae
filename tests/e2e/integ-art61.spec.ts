import { test } from "@playwright/test";
import { CHATELET } from "./hosts";
import { fillDate, openRow, openTab, pickRef } from "./integ-forms";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Issue 17: an integration agent of Châtelet, in French, records an Art. 61 job supplyment with two
// subsidies (Activa and tutorate, domain-integ-money §2.6) on a client's Contracts tab; the type's
// exam policy (every three months) gives its evaluation meetings (§2.3). The contract is deleted at
// the end, so the walk can run again on the same centre.
test.use({ locale: "fr-BE" });

const t = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);

test("chatelet: alicia records an Art. 61 contract with Activa and tutorate in French and sees its evaluations", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAt(page, CHATELET, "fr", "alicia");

  // Yves Bastin, whom alicia coaches, without any contract.
  await page.goto(`${CHATELET}/integ/clients`);
  await page.getByTestId("quick-search").fill("Bastin");
  await expect(page.getByTestId("grid-row")).toHaveCount(1);
  await openRow(page.getByTestId("grid-row").first());
  await expect(page.getByTestId("detail-title")).toContainText("BASTIN Yves");
  await openTab(page, t("isip.contractsTab"));

  // Warehouse keeper at the Pharmacie du Centre from Monday 5 March 2029 to Monday 4 March 2030.
  const contracts = page.getByTestId("slave-art61.contracts");
  await contracts.getByRole("button", { name: t("detail.add") }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("isip.type")}`)).selectOption({ label: "Mise à l'emploi art.61" });
  await pickRef(form, "company", "Pharmacie du Centre");
  await form.getByLabel(new RegExp(`^${t("art61.jobTitle")}`)).fill("Magasinier");
  await fillDate(page, form, t("isip.appliesFrom"), "2029-03-05", "/");
  await fillDate(page, form, t("isip.appliesUntil"), "2030-03-04", "/");
  await form.getByLabel(t("choices.art61Subsidies.10"), { exact: true }).check();
  await form.getByLabel(t("choices.art61Subsidies.20"), { exact: true }).check();
  await saveScreenshot(page, "integ-art61-insert-fr");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  const row = contracts.getByRole("row").filter({ hasText: "05/03/2029" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Pharmacie du Centre");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/art61\/contracts\/\d+/);

  // Its subsidies: Activa and tutorate, not the others.
  for (const [value, ticked] of [
    ["10", true],
    ["20", true],
    ["30", false],
    ["40", false],
    ["50", false],
  ] as const)
    await expect(page.locator(`dd[data-field=subsidize${value}]`)).toHaveText(t(ticked ? "format.yes" : "format.no"));
  await expect(page.locator("dd[data-field=company]")).toHaveText("Pharmacie du Centre");

  // Evaluations every three months from the start, on working days, within the contract: Tuesday
  // 5 June, Wednesday 5 September, Wednesday 5 December 2029 (5 March 2030 is after its end).
  const evaluations = page.getByTestId("slave-art61.evaluations");
  await expect(evaluations.getByRole("row").filter({ hasText: /\/20(29|30)/ })).toHaveCount(3);
  for (const day of ["05/06/2029", "05/09/2029", "05/12/2029"]) {
    const meeting = evaluations.getByRole("row").filter({ hasText: day });
    await expect(meeting).toHaveCount(1);
    await expect(meeting).toContainText("Alicia Allmanns");
  }
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "integ-art61-contract-fr");
  await page.setViewportSize({ width: 768, height: 1000 });
  await saveScreenshot(page, "integ-art61-contract-fr-768");
  await page.setViewportSize({ width: 1280, height: 720 });

  // The job tab: the title given at creation.
  await openTab(page, t("art61.jobTab"));
  await expect(page.locator("dd[data-field=jobTitle]")).toHaveText("Magasinier");

  // Deleted again from the contract's page.
  await page.getByRole("button", { name: t("detail.delete") }).click();
  const dialog = page.getByRole("dialog", { name: t("detail.delete") });
  await expect(dialog.getByTestId("delete-dialog")).toContainText("BASTIN Yves");
  await dialog.getByRole("button", { name: t("detail.delete") }).click();
  await expect(page).toHaveURL(/\/art61\/contracts(\?.*)?$/);
  await expect(page.getByTestId("grid-row").filter({ hasText: "05/03/2029" })).toHaveCount(0);
});
