import { test, type Page } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// Notifications (domain-people §16): a coach keeps a page open; a colleague changes one of her
// clients in another browser; the bell in her header counts it at once, without a reload.
test.use({ locale: "en-GB" });
const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

async function markAllSeen(page: Page) {
  await page.getByTestId("notification-bell").click();
  const all = page.getByRole("button", { name: t("notify.markAllSeen") });
  if (await all.isVisible()) await all.click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await page.keyboard.press("Escape");
}

test("eupen: a colleague's change of a client reaches the coach's bell live", async ({ browser }) => {
  const coach = await (await browser.newContext({ locale: "de-BE" })).newPage();
  await signInAt(coach, EUPEN, "de", "hubert");
  await coach.goto(`${EUPEN}/coachings/mine`);
  const clientHref = await coach.locator('a[href*="/clients/clients/"]').first().getAttribute("href");
  expect(clientHref).toBeTruthy();
  await markAllSeen(coach);

  const admin = await (await browser.newContext({ locale: "de-BE" })).newPage();
  await signInAt(admin, EUPEN, "de", "rolf");
  await admin.goto(new URL(clientHref!, EUPEN).toString());
  const clientName = (await admin.getByRole("heading", { level: 1 }).innerText()).trim();
  await admin.getByRole("tab", { name: t("resources.clients.personTab") }).click();
  await admin.getByRole("button", { name: t("detail.edit") }).click();
  await admin.getByLabel(t("fields.gsm"), { exact: true }).fill(`+32 470 ${Date.now() % 100000}`.slice(0, 16));
  await admin.getByRole("button", { name: t("detail.save") }).click();
  await expect(admin.getByTestId("detail-notice")).toHaveText(t("detail.saved"));

  // No reload on the coach's page: the count is pushed.
  await expect(coach.getByTestId("notification-count")).toHaveText("1");
  await coach.getByTestId("notification-bell").click();
  const list = coach.getByTestId("notification-list");
  await expect(list).toContainText(t("notify.subjects.modified", { user: "Rolf Rompen", what: clientName }));
  await expect(list).toContainText(t("notify.changedFields", { fields: t("fields.gsm") }));
  await saveScreenshot(coach, "eupen-notification-bell");
  await coach
    .getByRole("button", {
      name: `${t("notify.markSeen")}: ${t("notify.subjects.modified", { user: "Rolf Rompen", what: clientName })}`,
    })
    .click();
  await expect(coach.getByTestId("notification-count")).toHaveCount(0);
});

test("eupen: a note a colleague writes on the coach's client reaches her bell live", async ({ browser }) => {
  const coach = await (await browser.newContext({ locale: "de-BE" })).newPage();
  await signInAt(coach, EUPEN, "de", "hubert");
  await coach.goto(`${EUPEN}/coachings/mine`);
  const clientHref = await coach.locator('a[href*="/clients/clients/"]').first().getAttribute("href");
  await markAllSeen(coach);

  const colleague = await (await browser.newContext({ locale: "de-BE" })).newPage();
  await signInAt(colleague, EUPEN, "de", "rolf");
  await colleague.goto(new URL(clientHref!, EUPEN).toString());
  const clientName = (await colleague.getByRole("heading", { level: 1 }).innerText()).trim();
  await colleague.getByRole("tab", { name: t("resources.clients.historyTab") }).click();
  const notes = colleague.getByTestId("slave-notes.notes");
  await notes.getByRole("button", { name: t("detail.add") }).click();
  const form = colleague.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("resources.notes.subject")}`)).fill("Hausbesuch vereinbart");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);

  await expect(coach.getByTestId("notification-count")).toHaveText("1");
  await coach.getByTestId("notification-bell").click();
  await expect(coach.getByTestId("notification-list")).toContainText(
    t("notify.subjects.created", { user: "Rolf Rompen", what: t("notify.what.note", { client: clientName }) }),
  );
  await saveScreenshot(coach, "eupen-notification-note");
});
