import { readFile } from "node:fs/promises";
import { test, type Page } from "@playwright/test";
import PizZip from "pizzip";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Issue 17 (items 3–4) and issue 14: an integration agent of Eupen, in German, records a client's
// language with its CEF level, finds the client through the CV search, makes a PIIS whose exam
// policy (every month) generates the evaluation meetings, sees them in his calendar, prints the
// contract in German and then finds what the print vouches for read-only, with the reason.
test.use({ locale: "de-BE" });

const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

const textOf = (docx: Buffer) =>
  new PizZip(docx)
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

/** Opens a grid's row from a cell that is neither the mass-print tick box nor a link. */
const openRow = (row: ReturnType<Page["getByTestId"]>) =>
  row.locator("td:not(:has(input[type=checkbox])):not(:has(a))").first().click();

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect(page.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
}

/** Fills a date field of a form: the date picker's day, month and year segments, or its text box. */
async function fillDate(page: Page, scope: ReturnType<Page["getByTestId"]>, label: string, iso: string) {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const group = scope.getByRole("group", { name: label, exact: true });
  if (await group.count()) {
    for (const [i, part] of [d, m, y].entries()) {
      await group.getByRole("spinbutton").nth(i).click();
      await page.keyboard.type(part);
    }
    await expect(group.getByRole("spinbutton")).toHaveText([d, m, y]);
  } else await scope.getByLabel(label, { exact: true }).fill(`${d}.${m}.${y}`);
}

/** Types into a rich-text field of the form being edited. */
async function typeRichText(page: Page, field: string, text: string) {
  const editor = page.locator(`[data-field=${field}][contenteditable=true]`);
  await editor.click();
  await page.keyboard.type(text);
}

test("eupen: hubert records a CV language, finds the client by the CV search, makes a PIIS with monthly evaluations, prints it in German and finds its fields locked", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAt(page, EUPEN, "de", "hubert");

  // Kaivers, whom hubert coaches in integration (so the evaluations are his, §2.3 rule 5); Lingala
  // at C1 (no demo client knows Lingala).
  await page.goto(`${EUPEN}/integ/clients`);
  await page.getByTestId("quick-search").fill("Kaivers");
  await expect(page.getByTestId("grid-row")).toHaveCount(1);
  await openRow(page.getByTestId("grid-row").first());
  await expect(page).toHaveURL(/\/(clients|integ)\/clients\/\d+/);
  const clientId = /\/clients\/(\d+)/.exec(page.url())![1]!;
  const client = (await page.getByTestId("detail-title").textContent())!.trim();
  await openTab(page, t("cv.careerTab"));
  const languages = page.getByTestId("slave-cv.languageKnowledge");
  await languages.getByRole("button", { name: t("detail.add") }).click();
  let form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("cv.fields.language")}`)).selectOption("ln");
  await form.getByLabel(new RegExp(`^${t("cv.fields.cefLevel")}`)).selectOption("C1");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await expect(languages.getByRole("row").filter({ hasText: t("choices.cvLanguages.ln") })).toHaveCount(1);

  // Integration → Clients, CV search: Lingala at least C1 finds that client alone.
  await page.goto(`${EUPEN}/integ/clients`);
  await page.getByTestId("filters-toggle").click();
  const filters = page.getByRole("region", { name: t("grid.filters") });
  await filters.getByLabel(t("cv.search.language")).selectOption("ln");
  await filters.getByLabel(t("cv.search.minLevel")).selectOption("C1");
  await expect(page.getByTestId("grid-row")).toHaveCount(1);
  await expect(page.getByTestId("grid-row")).toContainText(client.split(" (")[0]!);
  await saveScreenshot(page, "integ-piis-cv-search-de");
  await openRow(page.getByTestId("grid-row").first());
  await expect(page.getByTestId("detail-title")).toHaveText(client);

  // A PIIS "VSE Arbeitssuche" (every month) from Monday 3 January to 30 June 2028.
  await openTab(page, t("isip.contractsTab"));
  const contracts = page.getByTestId("slave-isip.contracts");
  await contracts.getByRole("button", { name: t("detail.add") }).click();
  form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("isip.type")}`)).selectOption({ label: "VSE Arbeitssuche" });
  await fillDate(page, form, t("isip.appliesFrom"), "2028-01-03");
  await fillDate(page, form, t("isip.appliesUntil"), "2028-06-30");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  const row = contracts.getByRole("row").filter({ hasText: "03.01.2028" });
  await expect(row).toHaveCount(1);
  // A slave grid's row opens from the link in its first cell.
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/isip\/contracts\/\d+/);
  const contractId = /\/isip\/contracts\/(\d+)/.exec(page.url())![1]!;

  // Its evaluations, one a month from its start, each on a working day (§2.3): Thursday 3 February,
  // Friday 3 March, Monday 3 April, Wednesday 3 May, and Saturday 3 June moved to Monday 5 June.
  const evaluations = page.getByTestId("slave-isip.evaluations");
  await expect(evaluations.getByRole("row").filter({ hasText: ".2028" })).toHaveCount(5);
  for (const day of ["03.02.2028", "03.03.2028", "03.04.2028", "03.05.2028", "05.06.2028"])
    await expect(evaluations.getByRole("row").filter({ hasText: day })).toHaveCount(1);
  await saveScreenshot(page, "integ-piis-contract-de");

  await expect(evaluations.getByRole("row").filter({ hasText: "Hubert Huppertz" })).toHaveCount(5);
  // They are in hubert's calendar.
  const period = JSON.stringify({ filters: { period: { from: "2028-01-01", to: "2028-06-30" } } });
  await page.goto(`${EUPEN}/calendar/myAppointments?s=${encodeURIComponent(period)}`);
  await expect(page.getByTestId("grid-row").filter({ hasText: client.split(" (")[0]! })).toHaveCount(5);
  await saveScreenshot(page, "integ-piis-calendar-de");

  // The texts of the contract, the PCSW's duties among them (without them it is not printed, §2.4).
  await page.goto(`${EUPEN}/isip/contracts/${contractId}`);
  await page.getByRole("button", { name: t("detail.edit") }).click();
  await openTab(page, t("isip.textsTab"));
  await typeRichText(page, "goals", "Eine feste Arbeitsstelle finden");
  await typeRichText(page, "dutiesPcsw", "Das ÖSHZ übernimmt die Fahrtkosten");
  await typeRichText(page, "dutiesPerson", "Jeden Monat zwei Bewerbungen schicken");
  await page.getByRole("button", { name: t("detail.save") }).click();
  await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.saved"));

  // Print: the document is German, with the contract's texts.
  await page.getByRole("button", { name: t("documents.print"), exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/mine\/\d+/);
  const link = page.getByTestId("upload-file-link");
  await expect(link).toContainText(`vse-${clientId}.docx`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const text = textOf(await readFile((await download.path())!));
  expect(text).toContain(`Vertrag zur sozialen Eingliederung Nr. ${contractId}`);
  expect(text).toContain("VSE Arbeitssuche");
  expect(text).toContain("Laufzeit: vom 03.01.2028 bis zum 30.06.2028");
  expect(text).toContain("Ziele Eine feste Arbeitsstelle finden");
  expect(text).toContain("Verpflichtungen des ÖSHZ Das ÖSHZ übernimmt die Fahrtkosten");
  expect(text).toContain("Verpflichtungen des Begünstigten Jeden Monat zwei Bewerbungen schicken");

  // Back on the contract: printed, and what the print vouches for is read-only, saying why.
  await page.goto(`${EUPEN}/isip/contracts/${contractId}`);
  const note = page.getByTestId("certified-note");
  await expect(note).toContainText(t("isip.goals"));
  await expect(note).toContainText(t("isip.appliesFrom"));
  await expect(page.locator("dd[data-field=printed]")).not.toBeEmpty();
  await page.getByRole("button", { name: t("detail.edit") }).click();
  // The signature date is still written on the printed contract; the period is not.
  await expect(page.locator("[data-field=dateIssued]").first()).toBeVisible();
  await expect(page.locator("[data-field=dateIssued][data-certified]")).toHaveCount(0);
  await expect(page.locator("[data-field=appliesFrom]:not([data-certified])")).toHaveCount(0);
  await expect(page.locator("[data-field=appliesFrom][data-certified=true]")).toHaveText("03.01.2028");
  await openTab(page, t("isip.textsTab"));
  await expect(page.locator("[data-field=goals][contenteditable=true]")).toHaveCount(0);
  await expect(page.locator("[data-field=goals][data-certified=true]")).toContainText("Eine feste Arbeitsstelle");
  await expect(page.getByTestId("certified-field").first()).toHaveText(t("documents.certified.fieldLocked"));
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, "integ-piis-locked-de");
  await page.getByRole("button", { name: t("detail.cancel") }).click();
});
