import type { Locator, Page } from "@playwright/test";
import { expect } from "./support";

// Form helpers shared by the integration service's walks (integ-*.spec.ts).

/** Fills a date field of a form: the date picker's day, month and year segments, or its text box (d.m.y). */
export async function fillDate(page: Page, scope: Locator, label: string, iso: string, separator = ".") {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const group = scope.getByRole("group", { name: label, exact: true });
  if (await group.count()) {
    for (const [i, part] of [d, m, y].entries()) {
      await group.getByRole("spinbutton").nth(i).click();
      await page.keyboard.type(part);
    }
    await expect(group.getByRole("spinbutton")).toHaveText([d, m, y]);
  } else await scope.getByLabel(label, { exact: true }).fill([d, m, y].join(separator));
}

/** Picks the option of a reference field that contains `text`, typing it in the picker's search box when the list is long. */
export async function pickRef(scope: Locator, field: string, text: string) {
  const select = scope.locator(`select[data-field=${field}]`);
  const option = select.locator("option", { hasText: text });
  if (!(await option.count())) {
    await select.locator("xpath=..").getByRole("searchbox").fill(text);
    await expect(option).toHaveCount(1);
  }
  await select.selectOption((await option.first().getAttribute("value"))!);
}

/** Opens a grid's row from a cell that is neither the mass-print tick box nor a link. */
export const openRow = (row: Locator) => row.locator("td:not(:has(input[type=checkbox])):not(:has(a))").first().click();

/** Selects a tab of a detail page. */
export async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect(page.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
}
