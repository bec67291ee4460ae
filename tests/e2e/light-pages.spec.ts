import { test, type Page, type Request } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, signInAt } from "./support";

// Pages that stay light as the areas multiply (issue 11): a client opens with its first tab's data
// only, whatever the number of tabs, and links prefetch nothing.
// Counts, not timings: the timings are in `npm run bench`.
test.use({ locale: "en-GB" });
const t = (key: string) => msg("de", key);

/** The requests the page sends to the app from now on, static files aside (scripts, styles, fonts). */
function recordRequests(page: Page) {
  const seen: Request[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === EUPEN && !url.pathname.startsWith("/_next/static/") && url.pathname !== "/favicon.ico")
      seen.push(r);
  });
  return {
    get all() {
      return seen.map((r) => `${r.method()} ${decodeURIComponent(r.url().slice(EUPEN.length))}`);
    },
    get prefetches() {
      return seen.filter((r) => r.headers()["next-router-prefetch"]).map((r) => r.url());
    },
    clear: () => void seen.splice(0),
  };
}

/** Resources and panels of the client's tabs after the first (Person): none of them may load before their tab opens. */
const LATER_TABS = [
  "similarClients",
  "households.members",
  "households.humanLinks",
  "coachings.coachings",
  "contacts.clientContacts",
  "clients.dispenses",
  "history.clientChanges",
  "checks.clientProblems",
];

test("a client opens from the list with at most 3 requests; the other tabs load when opened, by mouse or keyboard", async ({
  page,
}) => {
  await signInAt(page, EUPEN, "de", "melanie");
  await page.goto(`${EUPEN}/clients/clients`);
  await expect(page.getByTestId("grid-row").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  const requests = recordRequests(page);

  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  // The first tab shows its panels and slave grid at once.
  await expect(page.getByTestId("client-overview")).toBeVisible();
  await expect(page.getByTestId("panel-eidCard")).toBeVisible();
  await expect(page.getByTestId("slave-contacts.addresses")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.all.length, requests.all.join("\n")).toBeLessThanOrEqual(3);
  for (const later of LATER_TABS) expect(requests.all.join("\n")).not.toContain(later);

  // Human links: its panel and slave grids load now.
  requests.clear();
  await page.getByRole("tab", { name: t("resources.clients.humanLinksTab") }).click();
  await expect(page.getByTestId("panel-similarClients")).not.toContainText(t("grid.loading"));
  await expect(page.getByTestId("slave-households.members")).toBeVisible();
  expect(requests.all.join("\n")).toContain("similarClients");

  // The keyboard reaches the next tab (arrow key), whose slave grids load in turn.
  await page.getByRole("tab", { name: t("resources.clients.humanLinksTab") }).press("ArrowRight");
  await expect(page.getByRole("tab", { name: t("resources.clients.coachesTab") })).toBeFocused();
  await expect(page.getByRole("tab", { name: t("resources.clients.coachesTab") })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.getByTestId("slave-coachings.coachings")).toBeVisible();
  await expect(page.getByTestId("slave-coachings.coachings").getByRole("row").first()).toBeVisible();
});

test("a client opened by its address comes in one page, its first tab filled in", async ({ page }) => {
  await signInAt(page, EUPEN, "de", "melanie");
  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+/);
  const path = new URL(page.url()).pathname;

  const requests = recordRequests(page);
  await page.goto(`${EUPEN}${path}`);
  await expect(page.getByTestId("client-overview")).toBeVisible();
  await expect(page.getByTestId("slave-contacts.addresses")).not.toContainText(t("grid.loading"));
  await page.waitForLoadState("networkidle");
  // The page, the notification bell's live channel (one stream per page load, kept open) and at
  // most the once-a-minute report of activity that keeps the session alive.
  const besides = new Set(["POST /api/session/activity", "GET /api/notify/live"]);
  expect(
    requests.all.filter((r) => r !== `GET ${path}`).every((r) => besides.has(r)),
    requests.all.join("\n"),
  ).toBe(true);
  expect(requests.all.length, requests.all.join("\n")).toBeLessThanOrEqual(3);
});

test("a client opened after a minute of work is rendered and logged once, as the session is kept alive", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const advisor = await browser.newPage();
  await signInAt(advisor, EUPEN, "de", "patrick");
  const agent = await browser.newPage();
  await signInAt(agent, EUPEN, "de", "melanie");
  await agent.goto(`${EUPEN}/clients/clients`);
  const row = agent.getByTestId("grid-row").nth(2);
  await expect(row).toBeVisible();
  // The security advisor's access log: how many openings of client files it lists (…of N).
  const openings = async () => {
    await advisor.goto(`${EUPEN}/history/accessLog`);
    const count = advisor.getByTestId("row-count");
    await expect(count).toHaveText(/\d/);
    return Number((await count.textContent())!.match(/(\d+)\D*$/)![1]);
  };

  // After a minute, the page's report of activity rewrites the session cookie.
  await agent.waitForTimeout(61_000);
  const before = await openings();
  const requests = recordRequests(agent);
  await row.click();
  await expect(agent.getByTestId("client-overview")).toBeVisible();
  await agent.waitForLoadState("networkidle");
  expect(
    requests.all.some((r) => r.startsWith("POST ")),
    requests.all.join("\n"),
  ).toBe(true);
  expect(await openings()).toBe(before + 1);
});

test("the dashboard and the main menu prefetch no page", async ({ page }) => {
  const requests = recordRequests(page);
  await signInAt(page, EUPEN, "de", "melanie");
  await expect(page.getByTestId("quick-links")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.prefetches).toEqual([]);

  // An open menu shows its links: still nothing fetched.
  await page.getByTestId("menu-contacts").click();
  const clients = page.getByRole("link", { name: t("resources.clients.title"), exact: true }).first();
  await expect(clients).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.prefetches).toEqual([]);

  // Nor when pointed at (its page is rendered when followed anyway); following it works as ever.
  await clients.hover();
  await page.waitForLoadState("networkidle");
  expect(requests.prefetches).toEqual([]);
  await clients.click();
  await expect(page).toHaveURL(/\/clients\/clients(\?|$)/);
  await expect(page.getByTestId("grid-row").first()).toBeVisible();
});

test("a page carries the main menu's links only once a menu opens; they open by mouse and keyboard", async ({
  page,
}) => {
  await signInAt(page, EUPEN, "de", "melanie");
  // The page as served (fetched by the browser, which resolves the centre's host): the menu's
  // buttons, none of the dozens of links of its closed menus.
  await page.goto(`${EUPEN}/account`);
  const html = await page.evaluate(() => fetch("/account").then((r) => r.text()));
  const menu = html.slice(html.indexOf(`aria-label="${t("menu.label")}"`), html.indexOf("</nav>"));
  expect(menu).toContain('data-testid="menu-contacts"');
  expect(menu).not.toContain("<a ");

  const clients = page.getByRole("link", { name: t("resources.clients.title"), exact: true });
  await page.getByTestId("menu-contacts").click();
  await expect(clients).toBeVisible();
  await page.getByTestId("menu-contacts").click();
  await expect(clients).toHaveCount(0);
  // Down opens the menu and puts the focus on its first link.
  await page.getByTestId("menu-contacts").press("ArrowDown");
  await expect(clients).toBeFocused();
});
