import { test, type Page } from "@playwright/test";
import { CHATELET, EUPEN, urlOf } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signIn, signInAt } from "./support";

// What people trying the demo for the first time ran into (issue 11, points 10 and 11), walked as
// the users it is for, in French (Châtelet) and German (Eupen).
test.use({ locale: "en-GB" });

const CENTRES = [
  { base: CHATELET, slug: "chatelet", locale: "fr" as const, agent: "hubert" },
  { base: EUPEN, slug: "eupen", locale: "de" as const, agent: "alicia" },
];

/** A name no demo client has, so that this run's client is found by it alone. */
const uniqueName = (base: string) =>
  `${base}${Date.now()
    .toString(36)
    .slice(-5)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

/** Fails the test on any uncaught error of the page (e.g. a TypeError that empties it). */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

for (const { base, slug, locale, agent } of CENTRES) {
  const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);

  test(`${slug}: an integration agent makes a colleague the primary coach of a new client, sees it at once and prints the file`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await signInAt(page, base, locale, agent);
    await page.goto(`${base}/clients/clients`);
    await page.getByRole("button", { name: t("grid.new"), exact: true }).click();
    const form = page.getByTestId("insert-form");
    await form.getByLabel(new RegExp(`^${t("fields.firstName")}`)).fill("Colette");
    const lastName = uniqueName("Quenotte");
    await form.getByLabel(new RegExp(`^${t("fields.lastName")}`)).fill(lastName);
    await form.getByRole("button", { name: t("detail.create") }).click();
    await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);

    // The coach picker lists the centre's staff by name, though an agent may not open the users list.
    await page.getByRole("tab", { name: t("resources.clients.coachesTab") }).click();
    const coachings = page.getByTestId("slave-coachings.coachings");
    await coachings.getByRole("button", { name: t("detail.add") }).click();
    const coaching = page.getByTestId("insert-form");
    const coach = coaching.getByRole("combobox", { name: t("resources.coachings.user") });
    await expect(coach.getByRole("option", { name: "Mélard Mélanie" })).toHaveCount(1);
    await coach.selectOption({ label: "Mélard Mélanie" });
    await coaching.getByLabel(t("resources.coachings.primary"), { exact: true }).check();
    await saveScreenshot(page, `first-use-coach-picker-${slug}`);
    await coaching.getByRole("button", { name: t("detail.create") }).click();
    await expect(coaching).toHaveCount(0);

    // The client's primary coach shows without a reload.
    await expect(page.locator("dd[data-field=primaryCoach]")).toHaveText("Mélanie Mélard");
    await expect(coachings.getByRole("row").filter({ hasText: "Mélanie Mélard" })).toHaveCount(1);

    // The print view shows every tab, the coachings included.
    await page.getByRole("link", { name: t("detail.print") }).click();
    const print = page.getByTestId("print-view");
    await expect(print.getByRole("button", { name: t("detail.printNow") })).toBeVisible();
    await expect(
      print.getByTestId("slave-coachings.coachings").getByRole("row").filter({ hasText: "Mélanie Mélard" }),
    ).toHaveCount(1);
    await saveScreenshot(page, `first-use-print-${slug}`);
    expect(errors).toEqual([]);
  });

  test(`${slug}: the clients list starts on a laptop's screen, keyboard users skip to it, and its filters open from a button`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInAt(page, base, locale, "melanie");
    await page.goto(`${base}/clients/clients`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(t("resources.clients.title"));
    const firstRow = page.getByTestId("grid-row").first();
    await expect(firstRow).toBeVisible();
    // The first rows are on screen, not below a panel of filters.
    expect((await firstRow.boundingBox())!.y + 30).toBeLessThan(768);

    // The filters hide behind a button that says how many are in force ("hide obsolete" by default).
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toContainText("1");
    const filters = page.getByRole("region", { name: t("grid.filters") });
    await expect(filters).toBeHidden();
    await toggle.click();
    await expect(filters).toBeVisible();
    await filters.getByLabel(t("fields.clientState")).selectOption("30");
    await expect(toggle).toContainText("2");
    await expect(heading).toContainText(t("choices.clientStates.30"));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, `first-use-filters-${slug}`);
    await toggle.click();
    await expect(filters).toBeHidden();

    // From the top of the page: the first Tab is the skip link, which goes to the heading; the
    // first row is then a few Tabs away (one per toolbar control, saved searches among them, and
    // column, and the "select this page" box of mass printing), not 64.
    await page.reload();
    await expect(firstRow).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: t("menu.skipToContent") })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(heading).toBeFocused();
    let presses = 0;
    while (!(await firstRow.evaluate((row) => row === document.activeElement)) && presses < 40) {
      await page.keyboard.press("Tab");
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(18);

    // Opening a row moves the focus to the new page's heading, as a full page load would start at the top.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/clients\/clients\/\d+/);
    await expect(page.getByTestId("detail-title")).toBeFocused();
  });

  test(`${slug}: the dashboard's phase columns stand apart and its quick links follow the menu`, async ({ page }) => {
    await signInAt(page, base, locale, "melanie");
    const table = page.getByTestId("users-with-clients");
    await expect(table).toBeVisible();
    // Each phase's name ("1", "2", "4", "4bis", "9") leaves room before the next one's.
    const gaps = await table.locator("thead th").evaluateAll((ths) =>
      ths
        .map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          const box = range.getBoundingClientRect();
          return { left: box.left, right: box.right };
        })
        .flatMap((box, i, all) => (i > 0 ? [box.left - all[i - 1]!.right] : [])),
    );
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(8);

    // Quick links: grouped under the names of the main menus, in their order.
    const menus = await page
      .getByRole("navigation", { name: t("menu.label") })
      .locator("[data-testid^=menu-]:not([data-testid=menu-toggle])")
      .allInnerTexts();
    const groups = await page.getByTestId("quick-links").getByRole("heading", { level: 3 }).allInnerTexts();
    expect(groups.map((g) => g.toLowerCase())).toEqual(menus.map((m) => m.replace("▾", "").trim().toLowerCase()));
    await expect(
      page
        .getByTestId("quick-links")
        .getByRole("link", { name: t("resources.clients.title") })
        .first(),
    ).toBeVisible();
    await saveScreenshot(page, `first-use-dashboard-${slug}`);
  });
}

test("chatelet: a newcomer's detail shows its state in bold before the allowed transitions", async ({ page }) => {
  const t = (key: string) => msg("fr", key);
  await signInAt(page, CHATELET, "fr", "hubert");
  const states = encodeURIComponent(JSON.stringify({ filters: { clientState: "10" } }));
  await page.goto(`${CHATELET}/clients/clients?s=${states}`);
  await page.getByTestId("grid-row").first().click();
  const workflow = page.getByTestId("workflow");
  await expect(workflow.getByTestId("workflow-state")).toHaveText(t("choices.clientStates.10"));
  await expect(workflow).toHaveText(
    new RegExp(
      `^${t("fields.clientState")}\\s*${t("choices.clientStates.10")}\\s*→\\s*${t("resources.clients.refuse")}`,
    ),
  );
  await saveScreenshot(page, "first-use-workflow-chatelet");
});

test("eupen: a user's detail says whether the account is active before the button that changes it", async ({
  page,
}) => {
  const t = (key: string) => msg("de", key);
  await signInAt(page, EUPEN, "de", "rolf");
  await page.goto(`${EUPEN}/users/users`);
  await page.getByTestId("grid-row").filter({ hasText: "theresia" }).click();
  const workflow = page.getByTestId("workflow");
  await expect(workflow).toHaveText(
    new RegExp(`^${t("fields.active")}\\s*${t("format.yes")}\\s*→\\s*${t("resources.users.deactivate")}$`),
  );
  await saveScreenshot(page, "first-use-workflow-eupen");
});

test("a centre created without a greeting is welcomed without a wrong article, until its administrator writes one", async ({
  page,
  browser,
}) => {
  const slug = `ux-${Date.now().toString(36)}`;
  const name = `Formation UX ${slug.slice(3)}`;
  await signIn(page);
  const form = page.getByRole("region", { name: msg("en", "operator.create.title") });
  await form.getByLabel(msg("en", "operator.create.slug")).fill(slug);
  await form.getByLabel(msg("en", "operator.create.name"), { exact: true }).fill(name);
  await form.getByLabel(msg("en", "operator.create.kind")).selectOption("training");
  await saveScreenshot(page, "first-use-console-create");
  await form.getByRole("button", { name: msg("en", "operator.create.submit") }).click();
  await expect(page.getByTestId("console-notice")).toHaveText(
    msg("en", "operator.create.created", { name, url: urlOf(slug) }),
  );

  // A visitor: "Bienvenue — Formation UX …", never "Bienvenue au Formation UX …"; in German too.
  const visitor = await browser.newContext({ locale: "en-GB" });
  const home = await visitor.newPage();
  await home.goto(urlOf(slug));
  await expect(home.getByRole("heading", { level: 1 })).toHaveText(msg("fr", "centre.welcome", { name }));
  await home.getByRole("button", { name: msg("de", "languages.de") }).click();
  await expect(home.getByRole("heading", { level: 1 })).toHaveText(msg("de", "centre.welcome", { name }));
  await saveScreenshot(home, "first-use-greeting-default-de");

  // The centre's administrator writes the French greeting as the centre says it.
  await signInAt(page, urlOf(slug), "fr", "romain");
  await page.goto(`${urlOf(slug)}/admin/settings`);
  const greetings = page.getByTestId("greetings-form");
  await greetings.getByLabel(msg("fr", "languages.fr")).fill("Bienvenue à la Formation UX");
  await greetings.getByRole("button", { name: msg("fr", "centreSettings.saveGreetings") }).click();
  await expect(greetings.getByRole("status")).toHaveText(msg("fr", "centreSettings.saved"));
  await saveScreenshot(page, "first-use-greeting-settings-fr");

  await home.getByRole("button", { name: msg("fr", "languages.fr") }).click();
  await expect(home.getByRole("heading", { level: 1 })).toHaveText("Bienvenue à la Formation UX");
  // No German greeting was written: the German page keeps the neutral one.
  await home.getByRole("button", { name: msg("de", "languages.de") }).click();
  await expect(home.getByRole("heading", { level: 1 })).toHaveText(msg("de", "centre.welcome", { name }));
  await visitor.close();
});
