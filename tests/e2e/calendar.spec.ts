import { test } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// The calendar an agent starts the day with (domain-people §10.6) and the workflow of an
// appointment (§10.2), in German in Eupen; the configuration of entry types in French in Châtelet.

test("eupen: an agent publishes one of their appointments from 'My appointments' and finds it on the client's Calendar tab", async ({
  page,
}) => {
  const t = (key: string) => msg("de", key);
  await signInAt(page, EUPEN, "de", "hubert");
  // The dashboard has the widget of the overdue appointments (the demo leaves one of each agent's open).
  await expect(page.getByRole("heading", { name: t("dashboard.calendar.overdue") })).toBeVisible();
  await expect(page.getByTestId("calendar-my-overdue").getByRole("link")).not.toHaveCount(0);

  const nav = page.getByRole("navigation", { name: t("menu.label") });
  await nav.getByRole("button", { name: t("menu.calendar") }).click();
  await nav.getByRole("link", { name: t("resources.calendarEntries.mine") }).click();
  await expect(page).toHaveURL(/\/calendar\/myAppointments/);
  // A suggested appointment to come: "? Suggested → [Publish] [Cancel]", no "close meeting" yet.
  const suggested = page
    .getByTestId("grid-row")
    .filter({ hasText: t("choices.entryStates.suggested") })
    .first();
  const summary = (await suggested.locator("td").nth(4).textContent())!.trim();
  await suggested.locator("td").first().click();
  const workflow = page.getByTestId("workflow");
  await expect(page.getByTestId("workflow-state")).toHaveText(t("choices.entryStates.suggested"));
  await expect(workflow.getByRole("button")).toHaveText([t("workflow.entry.publish"), t("workflow.entry.cancel")]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await workflow.getByRole("button", { name: t("workflow.entry.publish") }).click();
  await expect(page.getByTestId("workflow-state")).toHaveText(t("choices.entryStates.published"));
  await expect(workflow.getByRole("button")).toHaveText([t("workflow.entry.cancel"), t("workflow.entry.reset")]);
  await saveScreenshot(page, "calendar-entry-published-de");

  // The client's Calendar tab lists it.
  await page
    .getByRole("link", { name: /\(\d+\)$/ })
    .first()
    .click();
  await page.getByRole("tab", { name: t("resources.clients.calendarTab") }).click();
  const entries = page.getByTestId("slave-calendar.byClient");
  await expect(entries).toBeVisible();
  await expect(entries.getByRole("row").filter({ hasText: summary }).first()).toBeVisible();
  await saveScreenshot(page, "calendar-client-tab-de");
});

test("châtelet: office staff read the entry types with their planning flags in French", async ({ page }) => {
  const t = (key: string) => msg("fr", key);
  await signInAt(page, CHATELET, "fr", "melanie");
  const nav = page.getByRole("navigation", { name: t("menu.label") });
  await nav.getByRole("button", { name: t("menu.configure") }).click();
  await nav.getByRole("link", { name: t("resources.entryTypes.title") }).click();
  await expect(page).toHaveURL(/\/calendar\/entryTypes/);
  await page.getByTestId("grid-row").filter({ hasText: "Évaluation" }).first().locator("td").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Évaluation");
  await expect(page.getByText(t("resources.entryTypes.inviteClient"), { exact: true })).toBeVisible();
  await expect(page.getByText(t("resources.entryTypes.maxConflicting"), { exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "calendar-entry-type-fr");
});
