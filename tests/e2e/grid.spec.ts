import { expect, test, type Page } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// The generic grid and detail views, on the places of both demo centres (each in its own language).
type Locale = "fr" | "de";
test.use({ locale: "en-GB" });

const signIn = signInAt;

/** The texts of one column of the grid, by field name, in display order. */
async function columnTexts(page: Page, column: string): Promise<string[]> {
  const names = await page
    .locator("[data-testid=grid] thead th")
    .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column")));
  const index = names.indexOf(column);
  if (index < 0) return [];
  return page.locator(`[data-testid=grid] tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

const isSorted = (values: string[], dir: "asc" | "desc") =>
  values.length > 1 && values.every((v, i) => i === 0 || (dir === "asc" ? values[i - 1]! <= v : values[i - 1]! >= v));

/** "Page 2 of …" in the grid's language, whatever the number of pages. */
const pageOf = (locale: Locale, page: number) =>
  new RegExp(`^${msg(locale, "grid.pageOf", { page, pages: "__" }).replace("__", "\\d+")}$`);

const stateOf = (page: Page) =>
  JSON.parse(new URL(page.url()).searchParams.get("s") ?? "{}") as Record<string, unknown>;

for (const { base, slug, locale, search, place } of [
  { base: EUPEN, slug: "eupen", locale: "de" as const, search: "4700", place: "Eupen" },
  { base: CHATELET, slug: "chatelet", locale: "fr" as const, search: "6200", place: "Châtelet" },
]) {
  const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);

  test(`${slug}: places grid — sort, filter, search, page, columns that persist, accessibility`, async ({ page }) => {
    await signIn(page, base, locale, "melanie");
    await page.goto(`${base}/geo/places`);
    await expect(page.getByRole("heading", { level: 1, name: t("resources.places.title") })).toBeVisible();
    await expect(page.getByTestId("grid-row").first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, `grid-${slug}`);

    // Sort by postal code, then the other way round; the address keeps the sort.
    const zipHeader = page.getByRole("columnheader", { name: t("fields.zipCode") }).getByRole("button");
    await zipHeader.click();
    await expect.poll(() => stateOf(page).sort).toEqual([{ field: "zipCode", dir: "asc" }]);
    await expect.poll(async () => isSorted(await columnTexts(page, "zipCode"), "asc")).toBe(true);
    await zipHeader.click();
    await expect.poll(async () => isSorted(await columnTexts(page, "zipCode"), "desc")).toBe(true);
    await expect(page.getByRole("columnheader", { name: t("fields.zipCode") })).toHaveAttribute(
      "aria-sort",
      "descending",
    );

    // Filter by kind: only villages remain. The filters hide behind a button.
    await page.getByTestId("filters-toggle").click();
    const filters = page.getByRole("region", { name: t("grid.filters") });
    await filters.getByLabel(t("fields.placeKind")).selectOption("village");
    await expect
      .poll(async () => new Set(await columnTexts(page, "kind")))
      .toEqual(new Set([t("choices.placeKinds.village")]));
    await expect(page.getByTestId("row-count")).toContainText("54");
    await filters.getByRole("button", { name: t("grid.clearFilters") }).click();

    // Quick search by postal code.
    await page.getByTestId("quick-search").fill(search);
    await expect.poll(() => columnTexts(page, "name")).toContain(place);
    expect((await columnTexts(page, "zipCode")).every((z) => z.startsWith(search))).toBe(true);
    await page.getByTestId("quick-search").fill("");
    await expect.poll(async () => (await columnTexts(page, "name")).length).toBe(25);

    // Page forward; back in the browser returns to page 1.
    const firstOfPage1 = (await columnTexts(page, "name"))[0];
    await page
      .getByRole("navigation", { name: t("grid.paging") })
      .getByRole("button", { name: t("grid.nextPage"), exact: true })
      .click();
    await expect(page.getByTestId("page-of")).toHaveText(pageOf(locale, 2));
    await expect.poll(async () => (await columnTexts(page, "name"))[0]).not.toBe(firstOfPage1);
    expect(stateOf(page).page).toBe(2);
    await page.goBack();
    await expect(page.getByTestId("page-of")).toHaveText(pageOf(locale, 1));

    // Show a hidden column and move it before the country; the layout is saved for this user.
    const regionHeader = page.getByRole("columnheader", { name: t("fields.region") });
    await expect(regionHeader).toHaveCount(0);
    await page.getByTestId("column-chooser").click();
    await page.getByRole("checkbox", { name: t("fields.region") }).check();
    await expect(regionHeader).toBeVisible();
    const moveLeft = page.getByRole("button", { name: t("grid.moveLeft", { column: t("fields.region") }) });
    await moveLeft.click(); // past the hidden id column
    const saved = page.waitForResponse((r) => r.url().includes("preferences.set") && r.ok());
    await moveLeft.click();
    const order = ["name", "zipCode", "kind", "province", "region", "country"];
    await expect
      .poll(() =>
        page
          .locator("[data-testid=grid] thead th")
          .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column"))),
      )
      .toEqual(order);
    await saved;
    await page.reload();
    await expect(page.getByRole("columnheader", { name: t("fields.region") })).toBeVisible();
    expect(
      await page
        .locator("[data-testid=grid] thead th")
        .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column"))),
    ).toEqual(order);
    await page.getByTestId("column-chooser").click();
    await page.getByRole("button", { name: t("grid.resetColumns") }).click();
    await expect(page.getByRole("columnheader", { name: t("fields.region") })).toHaveCount(0);

    // The rows are one tab stop; the arrow keys move between them.
    const rows = page.getByTestId("grid-row");
    await rows.first().focus();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(rows.first()).toBeFocused();
  });

  test(`${slug}: place detail — edit, stale edit refused, language switch, accessibility`, async ({
    page,
    context,
  }) => {
    await signIn(page, base, locale, "melanie");
    await page.goto(`${base}/geo/places`);
    await page.getByTestId("quick-search").fill(search);
    await expect.poll(() => columnTexts(page, "name")).toContain(place);
    // Keyboard: the first row takes the focus, Enter opens it.
    await page.getByTestId("grid-row").filter({ hasText: place }).first().focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("detail-title")).toHaveText(place);
    await expect(page.getByRole("link", { name: t("detail.backToList") })).toHaveAttribute("href", /s=/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, `detail-${slug}`);
    const detailUrl = page.url();

    // Edit one field and save.
    const province = t("fields.province");
    await page.getByRole("button", { name: t("detail.edit") }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(province, { exact: true }).fill("Liège (e2e)");
    await page.getByRole("button", { name: t("detail.save") }).click();
    await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.saved"));
    await expect(page.locator("dd[data-field=province]")).toHaveText("Liège (e2e)");

    // Two pages on the same record: the second save is refused and the first one's value stays.
    const other = await context.newPage();
    await other.goto(detailUrl);
    await other.getByRole("button", { name: t("detail.edit") }).click();
    await page.getByRole("button", { name: t("detail.edit") }).click();
    await page.getByLabel(province, { exact: true }).fill("First save");
    await page.getByRole("button", { name: t("detail.save") }).click();
    await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.saved"));
    await other.getByLabel(province, { exact: true }).fill("Second save");
    await other.getByRole("button", { name: t("detail.save") }).click();
    await expect(other.getByTestId("save-error")).toContainText(t("errors.STALE_EDIT"));
    await other.getByRole("button", { name: t("detail.reload") }).click();
    await expect(other.locator("dd[data-field=province]")).toHaveText("First save");
    await other.close();
    await page.reload();
    await expect(page.locator("dd[data-field=province]")).toHaveText("First save");

    // The print view shows the same record without the application's buttons.
    await page.goto(`${base}${new URL(detailUrl).pathname}/print`);
    await expect(page.getByTestId("print-view").getByRole("heading", { level: 1 })).toHaveText(place);
    await expect(page.getByTestId("print-view").locator("dd[data-field=province]")).toHaveText("First save");

    // Another language: the same grid's headers are translated.
    await page
      .getByRole("banner")
      .getByRole("button", { name: msg("en", "languages.en") })
      .click();
    await page.goto(`${base}/geo/places`);
    await expect(page.getByRole("columnheader", { name: msg("en", "fields.zipCode") })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: msg("en", "fields.placeKind") })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("en", "resources.places.title"));
    // The choice may be remembered for the user: leave them with their own language.
    await page
      .getByRole("banner")
      .getByRole("button", { name: msg(locale, `languages.${locale}`) })
      .click();
    await expect(
      page.getByRole("banner").getByRole("button", { name: msg(locale, `languages.${locale}`) }),
    ).toHaveAttribute("aria-pressed", "true");
  });
}

test("an administrator deactivates a user through the workflow button, after confirming", async ({ page }) => {
  const t = (key: string) => msg("de", key);
  await signIn(page, EUPEN, "de", "rolf"); // an administrator whose own language is German
  await page.goto(`${EUPEN}/users/users`);
  await page.getByTestId("quick-search").fill("wilfried");
  await expect.poll(() => columnTexts(page, "username")).toEqual(["wilfried"]);
  // A supervisor's header carries the act-as choice on the dark banner: it must stay readable too.
  await expect(page.locator("#act-as")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByTestId("grid-row").first().click();
  await expect(page.getByTestId("detail-title")).toContainText("Wilfried");

  await page.getByRole("button", { name: t("resources.users.deactivate") }).click();
  const dialog = page.getByRole("dialog", { name: t("resources.users.deactivate") });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: t("detail.cancel") }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("dd[data-field=active]")).toHaveText(t("format.yes"));

  await page.getByRole("button", { name: t("resources.users.deactivate") }).click();
  await dialog.getByRole("button", { name: t("resources.users.deactivate") }).click();
  await expect(page.locator("dd[data-field=active]")).toHaveText(t("format.no"));
  await expect(page.getByRole("button", { name: t("resources.users.activate") })).toBeVisible();
  await expect(page.getByRole("button", { name: t("resources.users.deactivate") })).toHaveCount(0);
  // Back as it was, for whoever uses this account next.
  await page.getByRole("button", { name: t("resources.users.activate") }).click();
  await expect(page.locator("dd[data-field=active]")).toHaveText(t("format.yes"));
});

test("a user type without access sees the translated 'not allowed' page", async ({ page }) => {
  await signIn(page, EUPEN, "de", "hubert");
  await page.goto(`${EUPEN}/users/users`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("de", "grid.notAllowed.title"));
  await expect(page.getByTestId("grid")).toHaveCount(0);
});

test("a list its user type shows only on its master row answers 'not allowed' at its own address, not an endless loading grid", async ({
  page,
}) => {
  // Hubert (100) sees a client's coachings on the client, not the centre's list of all coachings.
  await signIn(page, EUPEN, "de", "hubert");
  await page.goto(`${EUPEN}/coachings/coachings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg("de", "grid.notAllowed.title"));
  await expect(page.getByTestId("grid")).toHaveCount(0);
});

test("unknown resources are 404 and signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto(`${EUPEN}/geo/places`);
  await expect(page).toHaveURL(`${EUPEN}/login`);
  const missing = await page.goto(`${EUPEN}/geo/nowhere`);
  expect(missing?.status()).toBe(404);
});

test("a date filter is typed as the reader writes dates, and the title says it that way", async ({ page }) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  await signIn(page, EUPEN, "de", "melanie");
  await page.goto(`${EUPEN}/coachings/coachings`);
  await expect(page.getByTestId("grid-row").first()).toBeVisible();
  await page.getByTestId("filters-toggle").click();
  const filters = page.getByRole("region", { name: t("grid.filters") });
  const activeOn = filters.getByRole("group", { name: t("resources.coachings.activeOn") });
  await activeOn.getByRole("spinbutton").first().click();
  // The German order, typed with the dots a German user types (one digit for the day and the month).
  await page.keyboard.type("1.7.2021");
  await expect(activeOn.getByRole("spinbutton")).toHaveText(["01", "07", "2021"]);
  await expect.poll(() => (stateOf(page).filters as Record<string, unknown> | undefined)?.activeOn).toBe("2021-07-01");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `${t("resources.coachings.activeOn")}: 01.07.2021`,
  );
  expect(await seriousAxeViolations(page)).toEqual([]);
});
