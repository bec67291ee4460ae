import { test } from "@playwright/test";
import { CHATELET, direct, DIRECT, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

type Locale = "fr" | "nl" | "de" | "en";

// Reminders to clients (issue 15 §6): the demo centres remind clients by SMS two days before an
// appointment; the client's "cannot come" link, opened without any sign-in, excuses the client and
// frees the slot, and the agent sees it.

test("eupen: a client's 'cannot come' link excuses them, and the agent sees the guest excused", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // two sign-ins, the reminders of the whole centre, and the client's pages
  const t = (key: string, values: Record<string, string> = {}) => msg("de", key, values);
  await signInAt(page, EUPEN, "de", "rolf");
  // The administrator sends the reminders due now rather than wait for the job's next round.
  await page.goto(`${EUPEN}/calendar/settings/1`);
  await expect(page.getByText(t("remind.fields.remindHours"), { exact: true })).toBeVisible();
  await saveScreenshot(page, "calendar-settings-de");
  await page.getByRole("button", { name: t("remind.remindNow") }).click();

  // The newest SMS of the centre is a reminder with its link.
  await page.goto(`${EUPEN}/outbox/sms`);
  await page.getByTestId("grid-row").first().locator("td").first().click();
  // The body is shown as text or in a read-only field, whichever the detail uses.
  const shown = () =>
    page.evaluate(() =>
      [
        document.body.innerText,
        ...[...document.querySelectorAll("textarea, input")].map((e) => (e as HTMLInputElement).value),
      ].join("\n"),
    );
  await expect.poll(shown).toContain("/cannot-come/");
  const body = await shown();
  const link = /https?:\/\/[^\s"<]+\/cannot-come\/[0-9a-z]+\.[A-Za-z0-9_-]{22}/.exec(body)![0];
  // Hubert Huppertz: the demo's agents sign in with their first name.
  const agent = /(?:bei|avec|met|with) (\S+) \S+\. /
    .exec(body)![1]!
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "");

  // The client, on a phone, signed in nowhere.
  const phone = await browser.newContext();
  const client = await phone.newPage();
  await client.goto(link);
  const locale = (await client.locator("html").getAttribute("lang")) as Locale;
  await expect(client.getByRole("heading", { name: msg(locale, "remind.page.askTitle") })).toBeVisible();
  expect(await seriousAxeViolations(client)).toEqual([]);
  await saveScreenshot(client, `cannot-come-ask-${locale}`);
  await client.getByRole("button", { name: msg(locale, "remind.page.confirm") }).click();
  await expect(client.getByRole("heading", { name: msg(locale, "remind.page.doneTitle") })).toBeVisible();
  await saveScreenshot(client, `cannot-come-done-${locale}`);
  // A second time, the link says it was used.
  await client.goto(link);
  await expect(client.getByRole("heading", { name: msg(locale, "remind.page.usedTitle") })).toBeVisible();
  // On another centre's host, the same link is unknown.
  await client.goto(link.replace(/\/\/eupen\./, "//chatelet."));
  // Nobody is known there: the page speaks the browser's language.
  const asked = (await client.locator("html").getAttribute("lang")) as Locale;
  await expect(client.getByRole("heading", { name: msg(asked, "remind.page.invalidTitle") })).toBeVisible();
  await phone.close();

  // The agent's guests list shows the client excused.
  await page.context().clearCookies();
  await signInAt(page, EUPEN, "de", agent);
  await page.goto(`${EUPEN}/calendar/myGuests`);
  await expect(page.getByTestId("grid-row").filter({ hasText: t("choices.guestStates.excused") })).not.toHaveCount(0);
  await saveScreenshot(page, "cannot-come-agent-guests-de");
});

test("châtelet: an agent makes their calendar feed on the account page, in French", async ({ page }) => {
  const t = (key: string) => msg("fr", key);
  await signInAt(page, CHATELET, "fr", "hubert");
  await page.goto(`${CHATELET}/account`);
  await expect(page.getByRole("heading", { name: t("feeds.title") })).toBeVisible();
  await expect(page.getByTestId("feed-status")).toHaveText(t("feeds.none"));
  await page.getByRole("button", { name: t("feeds.create") }).click();
  const address = await page.getByTestId("feed-address").inputValue();
  expect(address).toMatch(/^http:\/\/chatelet\.localhost:\d+\/api\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "calendar-feed-fr");
  // Fetched as a calendar application would: no cookie, the centre's host.
  const path = new URL(address).pathname;
  const feed = await page.request.get(`${DIRECT}${path}`, { ...direct("chatelet"), failOnStatusCode: false });
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await page.getByRole("button", { name: t("feeds.revoke") }).click();
  await expect(page.getByTestId("feed-status")).toHaveText(t("feeds.none"));
  expect(
    (await page.request.get(`${DIRECT}${path}`, { ...direct("chatelet"), failOnStatusCode: false })).status(),
  ).toBe(404);
});
