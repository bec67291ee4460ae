import { test, type Page } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

type Locale = "fr" | "nl" | "de" | "en";
test.use({ locale: "en-GB" });

const signIn = signInAt;

const mainMenu = (page: Page, locale: Locale) => page.getByRole("navigation", { name: msg(locale, "menu.label") });

test("the main menu follows the user type: an administrator configures places and users, an agent does not", async ({
  page,
}) => {
  // Robin's profile language is English (Lino's demo): it wins over the centre's German once signed in.
  await signIn(page, EUPEN, "de", "robin");
  const t = (key: string) => msg("en", key);
  const nav = mainMenu(page, "en");
  const configure = nav.getByRole("button", { name: t("menu.configure") });
  await expect(configure).toHaveAttribute("aria-expanded", "false");
  await configure.click();
  await expect(configure).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: t("resources.countries.title") })).toBeVisible();
  await expect(nav.getByRole("link", { name: t("resources.places.title") })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "shell-menu-open");

  // Keyboard: Down enters the menu, Up/Down move, Escape closes and goes back to the button.
  await configure.focus();
  await page.keyboard.press("Escape");
  await expect(configure).toHaveAttribute("aria-expanded", "false");
  // Down enters the open menu at its first entry, and moves to the next one.
  const entries = nav.getByRole("link"); // only the open menu's entries are visible
  await page.keyboard.press("ArrowDown");
  await expect(entries.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(configure).toBeFocused();
  await expect(configure).toHaveAttribute("aria-expanded", "false");
  // Right moves along the menu bar: Explorer, then Site.
  await page.keyboard.press("ArrowRight");
  await expect(nav.getByRole("button", { name: t("menu.explorer") })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const site = nav.getByRole("button", { name: t("menu.site") });
  await expect(site).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: t("menu.supportAccess") })).toBeVisible();
  await nav.getByRole("link", { name: t("resources.users.title") }).click();
  await expect(page).toHaveURL(`${EUPEN}/users/users`);
  await expect(nav.getByRole("link", { name: t("resources.users.title") })).toBeHidden(); // a followed link closes the menu

  await page.context().clearCookies();
  await signIn(page, EUPEN, "de", "hubert");
  const hubertNav = mainMenu(page, "de");
  await expect(hubertNav.getByRole("button", { name: msg("de", "menu.configure") })).toHaveCount(0);
  await hubertNav.getByRole("button", { name: msg("de", "menu.site") }).click();
  await expect(hubertNav.getByRole("link", { name: msg("de", "account.menu") })).toBeVisible();
  await expect(hubertNav.getByRole("link", { name: msg("de", "resources.users.title") })).toHaveCount(0);
});

test("on a narrow screen the menu hides behind one button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, EUPEN, "de", "theresia");
  const nav = mainMenu(page, "de");
  const configure = nav.getByRole("button", { name: msg("de", "menu.configure") });
  await expect(configure).toBeHidden();
  const toggle = nav.getByRole("button", { name: msg("de", "menu.toggle") });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await configure.click();
  await expect(nav.getByRole("link", { name: msg("de", "resources.places.title") })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "shell-menu-narrow");
});

test("quick search: '/' focuses it, hits are grouped by resource, arrows and Enter open the detail", async ({
  page,
}) => {
  await signIn(page, EUPEN, "de", "hubert");
  const search = page.getByRole("combobox", { name: msg("de", "search.label") });
  // The shortcut works once the page is interactive (hydrated): retry the key until it takes.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass();
  await search.fill("");
  await page.keyboard.type("4700");
  const places = page.getByRole("listbox").getByRole("group", { name: msg("de", "resources.places.title") });
  await expect(places.getByRole("option", { name: "Eupen", exact: true })).toBeVisible();
  await expect(search).toHaveAttribute("aria-expanded", "true");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "shell-quick-search");

  // Escape closes the list; Down opens it again and walks the hits.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  const options = page.getByRole("listbox").getByRole("option");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("listbox")).toBeVisible();
  const eupenIndex = (await options.allTextContents()).indexOf("Eupen");
  expect(eupenIndex).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < eupenIndex; i++) await page.keyboard.press("ArrowDown");
  await expect(options.nth(eupenIndex)).toHaveAttribute("aria-selected", "true");
  const activeId = await options.nth(eupenIndex).getAttribute("id");
  await expect(search).toHaveAttribute("aria-activedescendant", activeId!);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`^${EUPEN}/geo/places/\\d+$`));
  await expect(page.getByTestId("detail-title")).toHaveText("Eupen");

  // Ctrl+K reaches it from any page.
  await page.keyboard.press("Control+k");
  await expect(search).toBeFocused();
  await page.keyboard.type("zzzz-nothing");
  await expect(page.getByTestId("search-empty")).toHaveText(msg("de", "search.noResults", { q: "zzzz-nothing" }));
});

test("the dashboard: widgets of the user type, hide one and it stays hidden; act as from a procuration", async ({
  page,
}) => {
  const t = (key: string, params?: Record<string, string>) => msg("de", key, params);
  await signIn(page, EUPEN, "de", "theresia");
  const widget = (key: string) => page.getByRole("region", { name: t(key) });
  await expect(widget("dashboard.procurations.title")).toBeVisible();
  await expect(widget("dashboard.quickLinks.title")).toBeVisible();
  await expect(widget("dashboard.centreUsers.title")).toHaveCount(0); // administrators only
  await expect(page.getByTestId("procurations-received").getByRole("listitem")).toHaveCount(3);

  const chooser = page.getByRole("button", { name: t("dashboard.customize") });
  await chooser.click();
  await page.getByRole("checkbox", { name: t("dashboard.quickLinks.title") }).uncheck();
  await expect(widget("dashboard.quickLinks.title")).toHaveCount(0);
  await page.reload();
  await expect(widget("dashboard.procurations.title")).toBeVisible();
  await expect(widget("dashboard.quickLinks.title")).toHaveCount(0);
  // Back as it was, for whoever uses this account next.
  await chooser.click();
  await page.getByRole("checkbox", { name: t("dashboard.quickLinks.title") }).check();
  await expect(widget("dashboard.quickLinks.title")).toBeVisible();

  await page
    .getByRole("button", { name: msg("de", "dashboard.procurations.actAs", { name: "Huppertz Hubert" }) })
    .click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Hubert Huppertz");
  await page.getByRole("button", { name: t("auth.stopActing") }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(
    t("auth.signedInAs", { name: "Theresia Thelen", userType: t("userTypes.210") }),
  );
});

test("administrators see the centre's users and the recent changes", async ({ page }) => {
  await signIn(page, EUPEN, "de", "rolf");
  const t = (key: string) => msg("de", key);
  const users = page.getByRole("region", { name: t("dashboard.centreUsers.title") });
  await expect(users.getByRole("link", { name: t("userTypes.100"), exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: t("dashboard.changes.title") })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "shell-dashboard-admin");
  await users.getByRole("link", { name: t("dashboard.centreUsers.all") }).click();
  await expect(page).toHaveURL(`${EUPEN}/users/users`);
});

test("a language chosen while signed in follows the user: after signing out and in, and on another device", async ({
  page,
  browser,
}) => {
  await signIn(page, CHATELET, "fr", "judith");
  await page.goto(`${CHATELET}/account`);
  await page
    .getByRole("banner")
    .getByRole("button", { name: msg("nl", "languages.nl") })
    .click();
  await expect(page).toHaveURL(`${CHATELET}/account`); // back on the same page
  await expect(page.getByTestId("signed-in-as")).toHaveText(
    msg("nl", "auth.signedInAs", { name: "Judith Jousten", userType: msg("nl", "userTypes.420") }),
  );

  await page.getByRole("button", { name: msg("nl", "auth.signOut"), exact: true }).click();
  await expect(page).toHaveURL(`${CHATELET}/login`);
  await signIn(page, CHATELET, "nl", "judith");
  await expect(page.getByTestId("signed-in-as")).toHaveText(
    msg("nl", "auth.signedInAs", { name: "Judith Jousten", userType: msg("nl", "userTypes.420") }),
  );

  // Another browser, without any language cookie: the sign-in page is in the centre's language,
  // the pages after sign-in in the user's.
  const other = await browser.newContext({ locale: "en-GB" });
  const elsewhere = await other.newPage();
  await signIn(elsewhere, CHATELET, "fr", "judith");
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(
    msg("nl", "auth.signedInAs", { name: "Judith Jousten", userType: msg("nl", "userTypes.420") }),
  );
  // Back as it was.
  await elsewhere
    .getByRole("banner")
    .getByRole("button", { name: msg("fr", "languages.fr") })
    .click();
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(
    msg("fr", "auth.signedInAs", { name: "Judith Jousten", userType: msg("fr", "userTypes.420") }),
  );
  await other.close();
});
