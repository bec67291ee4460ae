import { randomBytes } from "node:crypto";
import { type Page, test } from "@playwright/test";
import { CONSOLE, EUPEN, urlOf } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signIn } from "./support";

// The console has no centre, so its language follows the browser's.
test.use({ locale: "en-GB" });
// The steps below build on each other: a centre is created, then suspended and resumed.
test.describe.configure({ mode: "serial" });

const slug = `e2e-${randomBytes(4).toString("hex")}`;
const name = `Centre E2E ${slug.slice(4)}`;
const en = (key: string, params?: Record<string, string | number>) => msg("en", key, params);

// The centre list is the generic grid: a centre's row is the one whose address cell is its slug.
const table = (page: Page) => page.getByTestId("grid");
// The grid's row count is a live region too: the console's own notice is told apart by its test id.
const notice = (page: Page, role: "status" | "alert") =>
  page.getByRole("main").getByRole(role).and(page.getByTestId("console-notice"));
const row = (page: Page, s: string) =>
  page.getByTestId("grid-row").filter({ has: page.getByRole("cell", { name: s, exact: true }) });

/** The texts of one column of the grid, by field name, in display order. */
async function columnTexts(page: Page, column: string): Promise<string[]> {
  const names = await table(page)
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column")));
  const index = names.indexOf(column);
  if (index < 0) return [];
  return table(page)
    .locator(`tbody tr td:nth-child(${index + 1})`)
    .allInnerTexts();
}

/** On a 1280 px screen, a centre's actions are in view without scrolling the list sideways. */
async function expectActionsOnScreen(page: Page, locale: "en" | "fr") {
  expect(page.viewportSize()!.width).toBe(1280);
  // The table scrolls inside its frame: what sticks out of the frame is hidden.
  const list = (await table(page).locator("xpath=..").boundingBox())!;
  const actions = row(page, "eupen").getByRole("button");
  for (const name of ["operator.actions.suspend", "operator.actions.migrate", "operator.actions.reset"]) {
    const box = (await actions.filter({ hasText: msg(locale, name) }).boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(list.x + list.width);
  }
}

test("a wrong password is refused with a translated message", async ({ page, context }) => {
  await signIn(page, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(en("errors.INVALID_CREDENTIALS"));
  await expect(page).toHaveURL(/\/login\?error=INVALID_CREDENTIALS$/);
  await expect(table(page)).toHaveCount(0);
  expect((await context.cookies(CONSOLE)).map((c) => c.name)).not.toContain("entraide_operator");
});

test("the operator signs in and sees every centre", async ({ page, context }) => {
  await signIn(page);
  await expect(page).toHaveURL(`${CONSOLE}/`);
  await expect(page.getByText(en("operator.signedInAs", { name: "Demo operator" }))).toBeVisible();
  await expect(table(page)).toBeVisible();
  await expect(row(page, "eupen")).toContainText("PCSW Eupen");
  await expect(row(page, "chatelet")).toContainText("PCSW Châtelet");
  await expect(row(page, "formation")).toContainText("Entraide training centre");
  await expect(row(page, "formation")).toContainText(en("operator.kinds.training"));
  await saveScreenshot(page, "console-tenants");
  await expectActionsOnScreen(page, "en");

  // The session cookie belongs to the console host alone.
  expect((await context.cookies(CONSOLE)).map((c) => c.name)).toContain("entraide_operator");
  expect((await context.cookies(EUPEN)).map((c) => c.name)).not.toContain("entraide_operator");
});

test.describe("in French", () => {
  test.use({ locale: "fr-BE" });
  test("the longer French labels still leave every centre's actions on a 1280 px screen", async ({ page }) => {
    await signIn(page, undefined, "fr");
    await expect(row(page, "eupen")).toBeVisible();
    await expectActionsOnScreen(page, "fr");
  });
});

test("the centre list sorts, filters, searches and keeps its layout in the browser", async ({ page }) => {
  await signIn(page);
  await expect(row(page, "eupen")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  // No exports and no detail pages on the console.
  await expect(page.getByRole("button", { name: en("grid.export") })).toHaveCount(0);

  // Sorted by address by default; one click on its header turns the order round.
  const slugs = () => columnTexts(page, "slug");
  const sorted = (values: string[], dir: 1 | -1) =>
    values.length > 1 && values.every((v, i) => i === 0 || dir * values[i - 1]!.localeCompare(v) <= 0);
  await expect.poll(async () => sorted(await slugs(), 1)).toBe(true);
  await page
    .getByRole("columnheader", { name: en("operator.columns.slug") })
    .getByRole("button")
    .click();
  await expect(page.getByRole("columnheader", { name: en("operator.columns.slug") })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect.poll(async () => sorted(await slugs(), -1)).toBe(true);

  // Filter by kind: only training centres remain; then by status. The filters hide behind a button.
  await page.getByTestId("filters-toggle").click();
  const filters = page.getByRole("region", { name: en("grid.filters") });
  await filters.getByLabel(en("operator.columns.kind")).selectOption("training");
  await expect
    .poll(async () => new Set(await columnTexts(page, "kind")))
    .toEqual(new Set([en("operator.kinds.training")]));
  await expect(row(page, "formation")).toBeVisible();
  await expect(row(page, "eupen")).toHaveCount(0);
  await filters.getByLabel(en("operator.columns.status")).selectOption("suspended");
  await expect(row(page, "formation")).toHaveCount(0);
  await filters.getByRole("button", { name: en("grid.clearFilters") }).click();
  await expect(row(page, "eupen")).toBeVisible();

  // Quick search by address.
  await page.getByTestId("quick-search").fill("chat");
  await expect.poll(slugs).toContain("chatelet");
  await expect(row(page, "eupen")).toHaveCount(0);
  await page.getByTestId("quick-search").fill("");
  await expect(row(page, "eupen")).toBeVisible();

  // A hidden column stays hidden after a reload (operators have no preferences: the browser keeps it).
  await page.getByTestId("column-chooser").click();
  await page.getByRole("checkbox", { name: en("operator.columns.kind") }).uncheck();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: en("operator.columns.kind") })).toHaveCount(0);
  await page.waitForTimeout(600);
  await page.reload();
  await expect(row(page, "eupen")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: en("operator.columns.slug") })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: en("operator.columns.kind") })).toHaveCount(0);
});

test("a new training centre is served at once on its own host", async ({ page }) => {
  await signIn(page);
  await expect(table(page)).toBeVisible();
  const form = page.getByRole("region", { name: en("operator.create.title") });
  await form.getByLabel(en("operator.create.slug")).fill(slug);
  await form.getByLabel(en("operator.create.name"), { exact: true }).fill(name);
  await form.getByLabel(en("operator.create.locale")).selectOption("fr");
  await form.getByLabel(en("operator.create.kind")).selectOption("training");
  await form.getByRole("button", { name: en("operator.create.submit") }).click();

  await expect(notice(page, "status")).toHaveText(en("operator.create.created", { name, url: urlOf(slug) }));
  await expect(row(page, slug)).toContainText(name);
  await expect(row(page, slug)).toContainText(en("operator.statuses.active"));
  // The form is empty again, ready for the next centre (its address is taken now).
  await expect(form.getByLabel(en("operator.create.slug"))).toHaveValue("");
  await expect(form.getByLabel(en("operator.create.name"), { exact: true })).toHaveValue("");

  await page.goto(urlOf(slug));
  await expect(page.getByTestId("centre-name")).toHaveText(name);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("fr", "centre.welcome", { name }));
  await expect(page.getByRole("note")).toHaveText(msg("fr", "centre.trainingBanner"));
});

test("a reserved address is refused with a translated message", async ({ page }) => {
  await signIn(page);
  await expect(table(page)).toBeVisible();
  const form = page.getByRole("region", { name: en("operator.create.title") });
  await form.getByLabel(en("operator.create.slug")).fill("www");
  await form.getByLabel(en("operator.create.name"), { exact: true }).fill("Platform grab");
  await form.getByRole("button", { name: en("operator.create.submit") }).click();

  await expect(notice(page, "alert")).toHaveText(en("errors.SLUG_RESERVED", { slug: "www" }));
  await expect(notice(page, "status")).toHaveCount(0);
  await expect(row(page, "www")).toHaveCount(0);
});

test("a suspended centre shows a notice until it is resumed", async ({ page, context }) => {
  await signIn(page);
  await expect(row(page, slug)).toBeVisible();
  await row(page, slug)
    .getByRole("button", { name: en("operator.actions.suspend") })
    .click();
  await expect(notice(page, "status")).toHaveText(en("operator.done"));
  await expect(row(page, slug)).toContainText(en("operator.statuses.suspended"));

  const centre = await context.newPage();
  await centre.goto(urlOf(slug));
  await expect(centre.getByTestId("unavailable")).toContainText(msg("fr", "unavailable.suspended.title"));
  await expect(centre.getByTestId("unavailable")).toContainText(msg("fr", "unavailable.suspended.text", { name }));
  await expect(centre.getByRole("heading", { name: msg("fr", "centre.welcome", { name }) })).toHaveCount(0);
  const health = await centre.goto(`${urlOf(slug)}/api/health`);
  expect(health?.status()).toBe(503);
  expect(await health?.json()).toMatchObject({ slug, status: "suspended", availability: "suspended" });

  await row(page, slug)
    .getByRole("button", { name: en("operator.actions.resume") })
    .click();
  await expect(row(page, slug)).toContainText(en("operator.statuses.active"));
  await expect(row(page, slug).getByRole("button", { name: en("operator.actions.suspend") })).toBeVisible();

  await centre.goto(urlOf(slug));
  await expect(centre.getByRole("heading", { level: 1 })).toHaveText(msg("fr", "centre.welcome", { name }));
  await expect(centre.getByTestId("unavailable")).toHaveCount(0);
});

test("signing out ends the session", async ({ page, context }) => {
  await signIn(page);
  await expect(table(page)).toBeVisible();
  await page.getByRole("button", { name: en("operator.signOut") }).click();

  await expect(page).toHaveURL(`${CONSOLE}/login`);
  await expect(page.getByRole("heading", { name: en("operator.signIn") })).toBeVisible();
  expect((await context.cookies(CONSOLE)).map((c) => c.name)).not.toContain("entraide_operator");

  await page.goto(CONSOLE);
  await expect(page).toHaveURL(`${CONSOLE}/login`);
  await expect(table(page)).toHaveCount(0);
});
