import { test } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// The planners and finding a date (issue 15 §4–5): an agent drags an appointment to the next day in
// the week view of his calendar (German, Eupen), then moves it by keyboard; a reception clerk finds
// a free slot for a client with the client's coach and books it (French, Châtelet).

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

test("eupen: an agent drags an appointment to the next day in the week view, then moves it by keyboard", async ({
  page,
}) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  await signInAt(page, EUPEN, "de", "hubert");
  const nav = page.getByRole("navigation", { name: t("menu.label") });
  await nav.getByRole("button", { name: t("menu.calendar") }).click();
  await nav.getByRole("link", { name: t("menu.planner"), exact: true }).click();
  await expect(page).toHaveURL(/\/calendar\/planner/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("planner.pages.mine.title"));
  await expect(page.getByRole("button", { name: t("planner.views.timeGridWeek") })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // One of his appointments of this week, not on Sunday (the demo plans working days only).
  // (Sunday's walk-in visits of the reception demo stay where they are: the next day is in the next week.)
  const event = page.locator("td.fc-timegrid-col:not(.fc-day-sun) .fc-timegrid-event.fc-event-draggable").first();
  await expect(event).toBeVisible();
  const id = await event.locator("[data-entry]").getAttribute("data-entry");
  const day = await event.evaluate((el) => el.closest("td.fc-timegrid-col")!.getAttribute("data-date")!);
  const target = page.locator(`td.fc-timegrid-col[data-date="${nextDay(day)}"]`);
  const from = (await event.boundingBox())!;
  const to = (await target.boundingBox())!;
  const moved = page.waitForResponse((r) => r.url().includes("calendar.move") && r.ok());
  await page.mouse.move(from.x + from.width / 2, from.y + 6);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 6, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, from.y + 6, { steps: 15 });
  await page.mouse.up();
  await moved;
  const there = page.locator(`td.fc-timegrid-col[data-date="${nextDay(day)}"] [data-entry="${id}"]`);
  await expect(there).toBeVisible();
  await saveScreenshot(page, "planner-week-de");
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The keyboard: Alt+↓ moves it a quarter of an hour later.
  const startBefore = (await there.locator("span").first().textContent())!.trim();
  const keyed = page.waitForResponse((r) => r.url().includes("calendar.move") && r.ok());
  await there.locator("xpath=ancestor::a[1]").focus();
  await page.keyboard.press("Alt+ArrowDown");
  await keyed;
  await expect(page.locator(`[data-entry="${id}"] span`).first()).not.toHaveText(startBefore);

  // Its detail says the new day.
  await page.goto(`${EUPEN}/calendar/entries/${id}`);
  await expect(page.getByText(german(nextDay(day))).first()).toBeVisible();
});

test("châtelet: a reception clerk finds a free slot for a client with the client's coach and books it", async ({
  page,
}) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);
  await signInAt(page, CHATELET, "fr", "theresia");
  // A coached client's file has "Find a date" with each of the client's coaches.
  await page.goto(`${CHATELET}/reception/clients`);
  const rows = page.getByTestId("grid-row");
  await expect(rows.first()).toBeVisible();
  let coach: string | null = null;
  for (let i = 0; i < 6 && !coach; i++) {
    // The first cell that is not the mass-print tick box opens the client.
    await rows.nth(i).locator("td:not(:has(input[type=checkbox]))").first().click();
    const panel = page.getByTestId("find-date-panel");
    await expect(panel).toBeVisible();
    const withCoach = panel.getByRole("link").nth(1);
    if ((await panel.getByRole("link").count()) > 1) {
      coach = (await withCoach.textContent())!.trim();
      await withCoach.click();
    } else await page.goBack();
  }
  expect(coach).not.toBeNull();
  await expect(page).toHaveURL(/\/calendar\/find-date\?client=\d+&user=\d+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("planner.find.title"));
  await page.getByRole("button", { name: t("planner.find.search") }).click();
  const slots = page.getByRole("region", { name: t("planner.find.slots") }).getByRole("button");
  await expect(slots.first()).toBeVisible();
  const name = coach!.replace(t("planner.panel.with", { name: "" }), "").trim();
  await expect(slots.first()).toContainText(name);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "planner-find-date-fr");
  const first = (await slots.first().textContent())!;
  await slots.first().click();
  await expect(page.getByRole("status").filter({ hasText: t("planner.find.booked") })).toBeVisible();
  // The slot is gone from the proposals, and the appointment has the client as its guest.
  await expect(slots.first()).not.toHaveText(first);
  await page.getByRole("link", { name: t("planner.find.openEntry") }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/\d+/);
  await expect(page.getByTestId("slave-calendar.guests").getByRole("row")).not.toHaveCount(0);
});
