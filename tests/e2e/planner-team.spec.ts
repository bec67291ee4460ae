import { test } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// The team planner (issue 16): the reception drags an agent's appointment into another agent's column,
// which hands it over to that agent (German, Eupen).

test("eupen: the reception drags an appointment into another agent's column, which reassigns it", async ({ page }) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  await signInAt(page, EUPEN, "de", "theresia");
  await page.goto(`${EUPEN}/calendar/planner?view=team`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("planner.pages.team.title"));
  await expect(page.getByText(t("planner.reassignHelp"))).toBeVisible();
  // Today's first movable appointment (the demo plans every agent's working days) and the internal
  // column of another agent.
  const event = page.locator(".fc-timegrid-event.fc-event-draggable").first();
  await expect(event).toBeVisible();
  const id = await event.locator("[data-entry]").getAttribute("data-entry");
  const from = await event.evaluate((el) => el.closest("td.fc-timegrid-col")!.getAttribute("data-date")!);
  const headers = page.locator("th.fc-col-header-cell");
  const count = await headers.count();
  // The columns go two by two (internal, external) per agent: the next agent's internal column.
  let target: string | null = null;
  for (let i = 0; i < count && !target; i++) {
    const date = await headers.nth(i).getAttribute("data-date");
    const label = (await headers.nth(i).textContent()) ?? "";
    if (date && date > from && label.includes(t("planner.columns.internal"))) {
      const fromIndex = await headers.evaluateAll(
        (hs, d) => hs.findIndex((h) => h.getAttribute("data-date") === d),
        from,
      );
      if (Math.floor(i / 2) !== Math.floor(fromIndex / 2)) target = date;
    }
  }
  expect(target).not.toBeNull();
  await event.scrollIntoViewIfNeeded();
  const box = (await event.boundingBox())!;
  const to = (await page.locator(`td.fc-timegrid-col[data-date="${target}"]`).boundingBox())!;
  const moved = page.waitForResponse((r) => r.url().includes("calendar.move") && r.ok());
  await page.mouse.move(box.x + box.width / 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + 6, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, box.y + 6, { steps: 15 });
  await page.mouse.up();
  await moved;
  await expect(page.locator(`td.fc-timegrid-col[data-date="${target}"] [data-entry="${id}"]`).first()).toBeVisible();
  await saveScreenshot(page, "planner-team-reassign-de");
});
