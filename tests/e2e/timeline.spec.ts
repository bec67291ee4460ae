import { test, type Page } from "@playwright/test";
import { formatDate, formatDateTime, belgianToday } from "@/lib/format";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// A worker covering for a colleague opens a client's History tab and reads the whole file in one
// list, newest first, with dates as their language writes them; the kind filter narrows it to notes.

/** Opens the History tab of the first client with notes (the demo gives notes to coached clients). */
async function openHistory(page: Page, base: string, locale: "fr" | "de") {
  await page.goto(`${base}/notes/notes`);
  const note = page.getByTestId("grid-row").first();
  await note
    .getByRole("link", { name: /\(\d+\)/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  await page.getByRole("tab", { name: msg(locale, "resources.clients.historyTab") }).click();
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByTestId("timeline-entry").first()).toBeVisible();
  return timeline;
}

/** Each entry's date reads as the reader's language writes it, in Belgian time, newest first. */
async function expectDatesIn(timeline: ReturnType<Page["getByTestId"]>, locale: "fr" | "de") {
  const entries = await timeline.getByTestId("timeline-entry").all();
  const moments: string[] = [];
  for (const entry of entries.slice(0, 10)) {
    const time = entry.locator("time");
    const iso = (await time.getAttribute("datetime"))!;
    const text = (await time.textContent())!;
    moments.push(iso);
    expect([formatDateTime(iso, locale), formatDate(belgianToday(new Date(iso)), locale)]).toContain(text);
  }
  expect(moments).toEqual([...moments].sort().reverse());
}

for (const [base, locale, user] of [
  [EUPEN, "de", "hubert"],
  [CHATELET, "fr", "romain"],
] as const) {
  test(`${locale}: the History tab shows the client's file in one list, dates in the reader's format, narrowed by kind`, async ({
    page,
  }) => {
    await signInAt(page, base, locale, user);
    const timeline = await openHistory(page, base, locale);
    await expect(page.getByRole("heading", { name: msg(locale, "timeline.title") })).toBeVisible();
    await expectDatesIn(timeline, locale);
    // German dates are written 06.12.2026, French ones 06/12/2026.
    await expect(timeline.locator("time").first()).toHaveText(
      locale === "de" ? /^\d{2}\.\d{2}\.\d{4}/ : /^\d{2}\/\d{2}\/\d{4}/,
    );
    await saveScreenshot(page, `timeline-${locale}`);

    // Only notes.
    await timeline.getByRole("button", { name: msg(locale, "timeline.noKinds") }).click();
    await expect(timeline.getByTestId("timeline-empty")).toBeVisible();
    await timeline.getByRole("checkbox", { name: msg(locale, "timeline.kinds.notes") }).check();
    await expect(timeline.getByTestId("timeline-entry").first()).toBeVisible();
    for (const kind of await timeline
      .getByTestId("timeline-entry")
      .evaluateAll((els) => els.map((e) => e.dataset.kind)))
      expect(kind).toBe("notes.notes");
    await saveScreenshot(page, `timeline-notes-${locale}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A row opens its note.
    await timeline.getByTestId("timeline-entry").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/notes\/notes\/\d+(\?|$)/);
  });
}
