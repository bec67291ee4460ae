import { readFileSync } from "node:fs";
import path from "node:path";
import { test, type Page } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// An agent writes a note on a client with text pasted from Word, reads it on the client's History
// tab and finds it through the header search; a user of another centre does not.
test.use({ locale: "en-GB" });

const wordClipboard = readFileSync(path.join(import.meta.dirname, "../fixtures/notes/word-clipboard.html"), "utf8");

/** A word no demo note holds (letters only: the full-text search indexes words). */
const uniqueWord = (base: string) =>
  `${base}${Date.now()
    .toString(36)
    .slice(-6)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

/** Pastes HTML into the rich-text editor as the browser does with Word's clipboard. */
async function pasteHtml(page: Page, field: string, html: string) {
  const editor = page.locator(`[data-field=${field}][contenteditable=true]`);
  await editor.click();
  await editor.evaluate((el, data) => {
    const clipboard = new DataTransfer();
    clipboard.setData("text/html", data);
    clipboard.setData("text/plain", data.replace(/<[^>]*>/g, ""));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, html);
}

test("eupen: an agent writes a note pasted from Word on a client, reads it on the History tab, finds it by search; Châtelet does not", async ({
  page,
}) => {
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  const subject = uniqueWord("Wohnungsbesichtigung");
  await signInAt(page, EUPEN, "de", "hubert");

  await page.goto(`${EUPEN}/clients/clients`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
  await page.getByRole("tab", { name: t("resources.clients.historyTab") }).click();
  const notes = page.getByTestId("slave-notes.notes");
  // The notes come first on the History tab, before the changes.
  await expect(notes).toBeVisible();
  await notes.getByRole("button", { name: t("detail.add") }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("resources.notes.subject")}`)).fill(subject);
  await pasteHtml(page, "body", wordClipboard);
  // The editor shows the pasted text as a list and in bold, without Word's markup.
  await expect(form.locator("[data-field=body] strong")).toHaveText("logement");
  await expect(form.locator("[data-field=body] li")).toHaveCount(4);
  await saveScreenshot(page, "note-insert-de");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  const row = notes.getByRole("row").filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Huppertz");

  // The note's detail shows the body as it was stored: bold and lists, no Word styles.
  // A slave row opens from its first cell's link (the date).
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/notes\/notes\/\d+(\?|$)/);
  const notePath = new URL(page.url()).pathname;
  const body = page.locator(".rich-text");
  await expect(body.locator("strong")).toHaveText("logement");
  await expect(body.locator("ul li")).toHaveCount(2);
  await expect(body.locator("ol li")).toHaveCount(2);
  expect(await body.innerHTML()).not.toMatch(/mso|style=|class=/);
  await saveScreenshot(page, "note-detail-de");
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The header search finds the note by a word of its subject.
  await page.goto(`${EUPEN}/`);
  await page.getByTestId("header-search").fill(subject);
  const hit = page.getByRole("option", { name: new RegExp(subject) });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`${notePath}(\\?|$)`));

  // A user of another centre searching the same word finds nothing.
  await page.context().clearCookies();
  await signInAt(page, CHATELET, "fr", "romain");
  await page.getByTestId("header-search").fill(subject);
  await expect(page.getByTestId("search-empty")).toBeVisible();
  await expect(page.getByRole("option", { name: new RegExp(subject) })).toHaveCount(0);
});
