import { test, type Page } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Duplicates in the client file (domain-people §5), in German at Eupen: creating a look-alike asks
// first, each client's overview and similar-clients panels point at the other, and an administrator
// merges the duplicate into the kept client, which the History tab records.
test.use({ locale: "en-GB" });

const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
const uniqueName = (base: string) =>
  `${base}${Date.now()
    .toString(36)
    .slice(-5)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

/** Creates a client from the clients list; a look-alike is created after the question. Returns its id. */
async function createClient(
  page: Page,
  firstName: string,
  lastName: string,
  { expectQuestion }: { expectQuestion: boolean },
) {
  await page.goto(`${EUPEN}/clients/clients`);
  // Exactly "Neu": an administrator's menu also has "Neuanträge".
  await page.getByRole("button", { name: t("grid.new"), exact: true }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("fields.firstName")}`)).fill(firstName);
  await form.getByLabel(new RegExp(`^${t("fields.lastName")}`)).fill(lastName);
  await form.getByRole("button", { name: t("detail.create"), exact: true }).click();
  if (expectQuestion) {
    // The question names the look-alike; nothing is created until the user answers.
    await expect(form.getByRole("alert")).toContainText(lastName.toUpperCase());
    await form.getByRole("button", { name: t("detail.createAnyway") }).click();
  }
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("a look-alike is created after a question, panels show it, and an administrator merges it into the kept client", async ({
  page,
}) => {
  // Rolf (900) is an administrator: merging is for administrators only (domain-people §0).
  await signInAt(page, EUPEN, "de", "rolf");
  const lastName = uniqueName("Doppelgaenger");
  const kept = await createClient(page, "Dorothee", lastName, { expectQuestion: false });
  const duplicate = await createClient(page, "Dorothee", lastName, { expectQuestion: true });
  expect(duplicate).not.toBe(kept);

  // The kept client's overview, on top of the Person tab, shows the name in bold and the eID state.
  await page.goto(`${EUPEN}/clients/clients/${kept}`);
  const overview = page.getByTestId("panel-clientOverview");
  await expect(overview.getByTestId("overview-name")).toHaveText(`Dorothee ${lastName}`);
  await expect(overview.getByTestId("overview-eid")).toBeVisible();

  // Human links: the similar-clients panel links to the duplicate.
  await openTab(page, t("resources.clients.humanLinksTab"));
  const similar = page.getByTestId("panel-similarClients");
  await expect(
    similar.getByRole("link", { name: new RegExp(`${lastName.toUpperCase()} Dorothee \\(${duplicate}\\)`) }),
  ).toHaveAttribute("href", new RegExp(`/clients/clients/${duplicate}$`));
  expect(await seriousAxeViolations(page)).toEqual([]);

  // "Merge into this client…": pick the duplicate (searching by name), give a reason, confirm.
  await page.getByRole("button", { name: t("merge.action") }).click();
  const dialog = page.getByRole("dialog", { name: t("merge.action") });
  await dialog.getByRole("searchbox", { name: t("detail.searchIn", { field: t("merge.merged") }) }).fill(lastName);
  const picker = dialog.getByLabel(new RegExp(`^${t("merge.merged")}`));
  await expect(picker.locator(`option[value="${duplicate}"]`)).toHaveCount(1);
  await picker.selectOption(String(duplicate));
  await dialog.getByLabel(t("merge.reason")).fill("Zweimal am Empfang angelegt");
  await saveScreenshot(page, "merge-dialog");
  await dialog.getByRole("button", { name: t("merge.action") }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.done"));

  // No more look-alike; the merge is on the kept client's History tab, with its reason.
  await page.reload();
  await openTab(page, t("resources.clients.humanLinksTab"));
  await expect(page.getByTestId("panel-similarClients")).toContainText(t("panels.similarClients.none"));
  await openTab(page, t("resources.clients.historyTab"));
  const merges = page.getByTestId("slave-clients.merges");
  await expect(merges).toContainText("Zweimal am Empfang angelegt");
  await expect(merges).toContainText(lastName.toUpperCase());

  // The duplicate's own page is gone.
  await page.goto(`${EUPEN}/clients/clients/${duplicate}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(t("errors.NOT_FOUND"));
});

test("a social worker who is no administrator sees the overview but not the merge action", async ({ page }) => {
  // Caroline (200, general social service) is no administrator.
  await signInAt(page, EUPEN, "de", "caroline");
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  await expect(page.getByTestId("panel-clientOverview")).toBeVisible();
  await expect(page.getByRole("button", { name: t("merge.action") })).toHaveCount(0);
});

test("the integration clients list names its filters in its title; an administrator runs all data checkers", async ({
  page,
}) => {
  // Hubert (100): "Klienten (Integration)" opens on his coached clients of today, and says so.
  await signInAt(page, EUPEN, "de", "hubert");
  await page.goto(`${EUPEN}/integ/clients`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(t("resources.clients.coachedBySummary", { value: "Huppertz Hubert" }));
  await expect(page).toHaveTitle(new RegExp(t("resources.clients.coachedBySummary", { value: "Huppertz Hubert" })));
  // Lifting the coach filter takes it out of the title.
  await page.getByTestId("filters-toggle").click();
  await page.locator('[data-filter="coachedBy"]').selectOption("");
  await expect(heading).not.toContainText(t("resources.clients.coachedBySummary", { value: "Huppertz Hubert" }));

  await page.context().clearCookies();
  // Rolf (900) runs every checker from Explorer → data problems; the grid then lists what was found.
  await signInAt(page, EUPEN, "de", "rolf");
  await page.goto(`${EUPEN}/checks/allProblems`);
  await page.getByTestId("run-all-checkers").click();
  await expect(page.getByTestId("run-all-checkers-result")).toHaveText(/\d/);
});
