import { test } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// Newcomers (domain-people §9): the newcomers consultant opens a new client, sees the available
// coaches least loaded first on the Coaches tab, assigns one; that coach then finds the client
// under "My coachings". In German at Eupen and in French at Châtelet (Caroline is 200 and 220).
const centres = [
  { name: "eupen", base: EUPEN, locale: "de", browserLocale: "de-BE" },
  { name: "chatelet", base: CHATELET, locale: "fr", browserLocale: "fr-BE" },
] as const;

/** The demo user of a coach's full name ("Mélanie Mélard" → melanie). */
const usernameOf = (fullName: string) => fullName.split(" ")[0]!.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

for (const centre of centres) {
  test(`${centre.name}: a newcomers consultant assigns a coach, who then sees the client under My coachings`, async ({
    browser,
  }) => {
    const t = (key: string, params?: Record<string, string | number>) => msg(centre.locale, key, params);
    const consultant = await (await browser.newContext({ locale: centre.browserLocale })).newPage();
    await signInAt(consultant, centre.base, centre.locale, "caroline");
    await consultant.goto(`${centre.base}/newcomers/clients`);
    // A newcomer whose faculty is known (the faculty column links to it): coaches are scored on it. Clients
    // created by other browser tests have none.
    await consultant
      .getByTestId("grid-row")
      .filter({ has: consultant.locator("a") })
      .first()
      // Its name's cell (not the faculty's link, nor the mass-print tick box).
      .locator("td:not(:has(a, input))")
      .first()
      .click();
    await expect(consultant).toHaveURL(/\/clients\/\d+/);
    const clientName = (await consultant.getByRole("heading", { level: 1 }).innerText()).trim();
    await consultant.getByRole("tab", { name: t("resources.clients.coachesTab") }).click();
    const panel = consultant.getByTestId("available-coaches");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("columnheader", { name: t("newcomers.available.columns.score") })).toBeVisible();
    await saveScreenshot(consultant, `${centre.name}-available-coaches`);

    // The least loaded comes first; assign them.
    const coach = (await panel.locator("tbody th").first().innerText()).trim();
    await panel.getByRole("button", { name: t("newcomers.available.assignTo", { coach }) }).click();
    await expect(panel.getByRole("status")).toHaveText(t("newcomers.available.assigned", { coach }));
    await expect(consultant.getByTestId("workflow")).toContainText(t("choices.clientStates.30"));
    await saveScreenshot(consultant, `${centre.name}-coach-assigned`);

    const agent = await (await browser.newContext({ locale: centre.browserLocale })).newPage();
    await signInAt(agent, centre.base, centre.locale, usernameOf(coach));
    await agent.goto(`${centre.base}/coachings/mine`);
    await expect(agent.locator("table")).toContainText(clientName);
    // Told in their own language with §9.2's subject.
    await agent.getByTestId("notification-bell").click();
    await expect(agent.getByTestId("notification-list")).toContainText(
      msg(centre.locale, "newcomers.assign.subject", { client: clientName, coach }),
    );
    await saveScreenshot(agent, `${centre.name}-my-coachings-after-assign`);
  });
}
