import { test } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// An SMS written on a client's History tab goes to the client's GSM through the job queue; the
// demo's SMS provider (a Twilio-speaking server on loopback) catches it, and the administrators
// read it there. A landline is refused before anything is saved, with the reason in French.
test.use({ locale: "en-GB" });

test("eupen: an SMS to a client reaches the demo's SMS provider", async ({ page }) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  const body = `Termin am Donnerstag um 10 Uhr (${Date.now().toString(36)})`;
  await signInAt(page, EUPEN, "de", "rolf");

  // A client the demo already texted: its GSM is a mobile number.
  await page.goto(`${EUPEN}/outbox/sms`);
  await page.getByTestId("grid-row").first().click();
  const clientHref = await page.locator('main a[href*="/clients/clients/"]').first().getAttribute("href");
  await page.goto(new URL(clientHref!, EUPEN).toString());
  await page.getByRole("tab", { name: t("resources.clients.historyTab") }).click();
  const sms = page.getByTestId("slave-outbox.smsByClient");
  await sms.getByRole("button", { name: t("detail.add") }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("outbox.sms.fields.body")}`)).fill(body);
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await sms.getByRole("row").filter({ hasText: body }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/outbox\/smsByClient\/\d+/);
  await expect(page.locator("dd[data-field=length]")).toHaveText(
    msg("de", "outbox.sms.length.gsm", { segments: 1, characters: body.length }),
  );
  const to = (await page.locator("dd[data-field=to]").innerText()).trim();
  expect(to).toMatch(/^04\d\d \d\d \d\d \d\d$/);

  await page.getByRole("button", { name: t("outbox.send"), exact: true }).click();
  await expect(page.getByText(t("outbox.states.queued")).first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.locator("dd[data-field=state]")).toHaveText(t("outbox.states.sent"), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await saveScreenshot(page, "eupen-sms-sent");

  await page.goto(`${EUPEN}/outbox/caught`);
  const caught = page.getByTestId("caught-sms").getByRole("listitem").filter({ hasText: body });
  await expect(caught).toContainText(to);
  await saveScreenshot(page, "eupen-sms-caught");
});

test("chatelet: an SMS to a landline is refused before anything is saved, in French", async ({ page }) => {
  const t = (key: string) => msg("fr", key);
  await signInAt(page, CHATELET, "fr", "romain");
  await page.goto(`${CHATELET}/outbox/mySms`);
  await page.getByRole("button", { name: t("grid.new"), exact: true }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("outbox.sms.fields.to")}`)).fill("071 23 45 67");
  await form.getByLabel(new RegExp(`^${t("outbox.sms.fields.body")}`)).fill("Bonjour");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form.getByRole("alert")).toHaveText(t("outbox.sms.gsm.notMobile"));
  await saveScreenshot(page, "chatelet-sms-landline");
});
