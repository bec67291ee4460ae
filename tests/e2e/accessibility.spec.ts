import { test } from "@playwright/test";
import { CHATELET, CONSOLE, EUPEN } from "./hosts";
import { expect, seriousAxeViolations, signIn } from "./support";

test.use({ locale: "en-GB" });

test("centre home pages have no serious accessibility violations", async ({ page }) => {
  for (const url of [EUPEN, CHATELET]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousAxeViolations(page), url).toEqual([]);
  }
});

test("the console sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto(`${CONSOLE}/login`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("the console's centre list has no serious accessibility violations", async ({ page }) => {
  await signIn(page);
  // The centre list is the generic grid; Eupen's row is the one whose address cell says so.
  await expect(
    page.getByTestId("grid-row").filter({ has: page.getByRole("cell", { name: "eupen", exact: true }) }),
  ).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
});
