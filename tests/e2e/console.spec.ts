import { randomBytes } from "node:crypto";
import { type Page, test } from "@playwright/test";
import { CONSOLE, EUPEN, urlOf } from "./hosts";
import { expect, msg, saveScreenshot, signIn } from "./support";

// The console has no centre, so its language follows the browser's.
test.use({ locale: "en-GB" });
// The steps below build on each other: a centre is created, then suspended and resumed.
test.describe.configure({ mode: "serial" });

const slug = `e2e-${randomBytes(4).toString("hex")}`;
const name = `Centre E2E ${slug.slice(4)}`;
const en = (key: string, params?: Record<string, string | number>) => msg("en", key, params);

const table = (page: Page) => page.getByTestId("tenant-table");
const row = (page: Page, s: string) => page.getByTestId(`tenant-${s}`);

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

  // The session cookie belongs to the console host alone.
  expect((await context.cookies(CONSOLE)).map((c) => c.name)).toContain("entraide_operator");
  expect((await context.cookies(EUPEN)).map((c) => c.name)).not.toContain("entraide_operator");
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

  await expect(page.getByRole("main").getByRole("status")).toHaveText(en("operator.create.created", { name, url: urlOf(slug) }));
  await expect(row(page, slug)).toContainText(name);
  await expect(row(page, slug)).toContainText(en("operator.statuses.active"));

  await page.goto(urlOf(slug));
  await expect(page.getByTestId("centre-name")).toHaveText(name);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bienvenue au ${name}`);
  await expect(page.getByRole("note")).toHaveText(msg("fr", "centre.trainingBanner"));
});

test("a reserved address is refused with a translated message", async ({ page }) => {
  await signIn(page);
  await expect(table(page)).toBeVisible();
  const form = page.getByRole("region", { name: en("operator.create.title") });
  await form.getByLabel(en("operator.create.slug")).fill("www");
  await form.getByLabel(en("operator.create.name"), { exact: true }).fill("Platform grab");
  await form.getByRole("button", { name: en("operator.create.submit") }).click();

  await expect(page.getByRole("main").getByRole("alert")).toHaveText(en("errors.SLUG_RESERVED", { slug: "www" }));
  await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);
  await expect(row(page, "www")).toHaveCount(0);
});

test("a suspended centre shows a notice until it is resumed", async ({ page, context }) => {
  await signIn(page);
  await expect(row(page, slug)).toBeVisible();
  await row(page, slug).getByRole("button", { name: en("operator.actions.suspend") }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(en("operator.done"));
  await expect(row(page, slug)).toContainText(en("operator.statuses.suspended"));

  const centre = await context.newPage();
  await centre.goto(urlOf(slug));
  await expect(centre.getByTestId("unavailable")).toContainText(msg("fr", "unavailable.suspended.title"));
  await expect(centre.getByTestId("unavailable")).toContainText(msg("fr", "unavailable.suspended.text", { name }));
  await expect(centre.getByRole("heading", { name: `Bienvenue au ${name}` })).toHaveCount(0);
  const health = await centre.goto(`${urlOf(slug)}/api/health`);
  expect(health?.status()).toBe(503);
  expect(await health?.json()).toMatchObject({ slug, status: "suspended", availability: "suspended" });

  await row(page, slug).getByRole("button", { name: en("operator.actions.resume") }).click();
  await expect(row(page, slug)).toContainText(en("operator.statuses.active"));
  await expect(row(page, slug).getByRole("button", { name: en("operator.actions.suspend") })).toBeVisible();

  await centre.goto(urlOf(slug));
  await expect(centre.getByRole("heading", { level: 1 })).toHaveText(`Bienvenue au ${name}`);
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
