import { test, type Page } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// A social worker's everyday path through a client's file, in each demo centre's language: create
// the client, find them again through the header's quick search, assign a coaching, edit, and read
// the history of what changed.
test.use({ locale: "en-GB" });

/** A name no demo client has, so the search finds exactly the client this run created. */
const uniqueName = (base: string) =>
  `${base}${Date.now()
    .toString(36)
    .slice(-5)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

for (const { base, slug, locale, username, firstName } of [
  { base: EUPEN, slug: "eupen", locale: "de" as const, username: "hubert", firstName: "Gerd" },
  { base: CHATELET, slug: "chatelet", locale: "fr" as const, username: "alicia", firstName: "Ginette" },
]) {
  const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);

  test(`${slug}: a social worker creates a client, finds them by quick search, coaches, edits and reads the history`, async ({
    page,
  }) => {
    const lastName = uniqueName("Zwetschge");
    await signInAt(page, base, locale, username);

    // Create the client from the clients list.
    await page.goto(`${base}/clients/clients`);
    await expect(page.getByRole("heading", { level: 1, name: t("resources.clients.title") })).toBeVisible();
    await page.getByRole("button", { name: t("grid.new"), exact: true }).click();
    const form = page.getByTestId("insert-form");
    // Required fields carry a star after their label.
    await form.getByLabel(new RegExp(`^${t("fields.firstName")}`)).fill(firstName);
    await form.getByLabel(new RegExp(`^${t("fields.lastName")}`)).fill(lastName);
    await form.getByRole("button", { name: t("detail.create") }).click();
    await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
    const clientPath = new URL(page.url()).pathname;

    // Somewhere else, the header search finds the client by the start of the name.
    await page.goto(`${base}/`);
    const search = page.getByTestId("header-search");
    await search.fill(lastName.slice(0, 12));
    const hit = page.getByRole("option", { name: new RegExp(`${lastName.toUpperCase()} ${firstName}`) });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page).toHaveURL(new RegExp(`${clientPath}(\\?|$)`));
    await expect(page.getByTestId("detail-title")).toContainText(lastName.toUpperCase());
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Assign a coaching on the Coaches tab: the social worker coaches the client from today, as primary coach.
    await openTab(page, t("resources.clients.coachesTab"));
    const coachings = page.getByTestId("slave-coachings.coachings");
    await coachings.getByRole("button", { name: t("detail.add") }).click();
    const coachingForm = page.getByTestId("insert-form");
    await coachingForm.getByLabel(t("resources.coachings.primary"), { exact: true }).check();
    await coachingForm.getByRole("button", { name: t("detail.create") }).click();
    await expect(coachingForm).toHaveCount(0);
    await expect(coachings.getByRole("row").filter({ hasText: /Huppertz|Allmanns/ })).toHaveCount(1);

    // Edit the mobile phone number (Person tab), and dates as the reader writes them: the birth date
    // as text (its day or month may be unknown), another date in the date picker's segments, where
    // a typed separator moves on to the month and the year.
    const [birth, since] = locale === "de" ? ["23.09.1986", "1.7.2021"] : ["23/09/1986", "1/7/2021"];
    const shown = (iso: string) =>
      locale === "de" ? iso.split("-").reverse().join(".") : iso.split("-").reverse().join("/");
    await openTab(page, t("resources.clients.personTab"));
    await page.getByRole("button", { name: t("detail.edit") }).click();
    await page.getByLabel(t("fields.gsm"), { exact: true }).fill("+32 470 12 34 56");
    await page.getByLabel(t("fields.birthDate"), { exact: true }).fill(birth);
    await openTab(page, t("resources.clients.aidsTab"));
    const sinceField = page.getByRole("group", { name: t("fields.inBelgiumSince") });
    await sinceField.getByRole("spinbutton").first().click();
    await page.keyboard.type("3");
    // Half a date is refused, not saved as nothing.
    await page.getByRole("button", { name: t("detail.save") }).click();
    await expect(page.getByText(t("detail.fieldError.date"))).toBeVisible();
    await sinceField.getByRole("spinbutton").first().click();
    await page.keyboard.press("Backspace");
    await page.keyboard.type(since);
    await expect(sinceField.getByRole("spinbutton")).toHaveText(["01", "07", "2021"]);
    await saveScreenshot(page, `client-dates-${slug}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: t("detail.save") }).click();
    await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.saved"));
    await expect(page.locator("dd[data-field=inBelgiumSince]")).toHaveText(shown("2021-07-01"));
    await openTab(page, t("resources.clients.personTab"));
    await expect(page.locator("dd[data-field=gsm]")).toHaveText("+32 470 12 34 56");
    await expect(page.locator("dd[data-field=birthDate]")).toHaveText(shown("1986-09-23"));

    // The history shows the creation and the edit, field by field, and the user who made them.
    await openTab(page, t("resources.clients.historyTab"));
    const changes = page.getByTestId("slave-history.clientChanges");
    await expect(changes).toContainText("+32 470 12 34 56");
    // In the reader's words: labels and dates, never field names or ISO dates.
    await expect(changes).toContainText(`${t("fields.birthDate")}`);
    await expect(changes).toContainText(shown("1986-09-23"));
    await expect(changes).not.toContainText("birthDate");
    await expect(changes).toContainText(lastName);
    // Who opened the file is for the security advisor, not for the social worker.
    await expect(page.getByTestId("slave-history.accessLog")).toHaveCount(0);
    await saveScreenshot(page, `client-history-${slug}`);
  });
}

test("on a narrow screen a client's detail fits the width: its tabs wrap instead of widening the page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signInAt(page, CHATELET, "fr", "hubert");
  await page.goto(`${CHATELET}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  const tabs = page.getByRole("tab");
  await expect(tabs.first()).toBeVisible();
  // Every tab is within the window, and nothing makes the page scroll sideways.
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, "client-detail-narrow");
});
