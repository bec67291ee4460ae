import { readFile } from "node:fs/promises";
import { test } from "@playwright/test";
import PizZip from "pizzip";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// The desk and the waiting room (domain-people §11), in German in Eupen: the clerk sends a client to
// his coach; the coach's open dashboard shows the visitor without a reload; the coach receives him
// and sees him out; the clerk's list of visitors follows.
test.use({ locale: "de-BE" });
// Two or three browsers each, several pages: more than the default minute on a busy machine.
test.setTimeout(120_000);
const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

test("eupen: a visit made at the desk reaches the agent's open dashboard live; the agent receives and sees out", async ({
  browser,
}) => {
  const agent = await (await browser.newContext({ locale: "de-BE" })).newPage();
  await signInAt(agent, EUPEN, "de", "hubert");
  await agent.goto(`${EUPEN}/coachings/mine`);
  const clientHref = await agent.locator('a[href*="/clients/clients/"]').first().getAttribute("href");
  const clientId = /\/clients\/clients\/(\d+)/.exec(clientHref!)![1];
  await agent.goto(`${EUPEN}/`);
  const waitingForMe = agent.getByTestId("reception-waiting-for-me");
  await expect(waitingForMe).toBeVisible();

  const clerk = await (await browser.newContext({ locale: "de-BE" })).newPage();
  await signInAt(clerk, EUPEN, "de", "theresia");
  await clerk.goto(`${EUPEN}/reception/clients/${clientId}`);
  const clientName = (await clerk.getByRole("heading", { level: 1 }).innerText()).trim();
  const lastName = clientName.split(" ")[0]!;
  // The demo's morning may already have this client waiting: count the visitor's lines before.
  const visitor = waitingForMe.getByRole("link", { name: new RegExp(lastName, "i") });
  const before = await visitor.count();
  await clerk.getByRole("button", { name: t("reception.visit.create") }).click();
  const dialog = clerk.getByRole("dialog");
  await dialog.getByRole("combobox", { name: t("reception.visit.agent") }).selectOption({ label: "Huppertz Hubert" });
  const reason = `Miete ${Date.now() % 100000}`;
  await dialog.getByLabel(t("reception.visit.reason")).fill(reason);
  await saveScreenshot(clerk, "reception-create-visit-de");
  await dialog.getByRole("button", { name: t("reception.visit.create") }).click();
  await expect(dialog).toHaveCount(0);

  // Pushed: no reload on the agent's page.
  await expect(visitor).toHaveCount(before + 1, { timeout: 1_000 });
  await saveScreenshot(agent, "reception-dashboard-waiting-de");

  // The clerk's waiting visitors list shows the visitor with the agent and the reason.
  await clerk.goto(`${EUPEN}/reception/waiting`);
  const row = clerk.getByTestId("grid-row").filter({ hasText: reason });
  await expect(row).toContainText("Hubert Huppertz");
  expect(await seriousAxeViolations(clerk)).toEqual([]);
  await saveScreenshot(clerk, "reception-waiting-list-de");

  // The agent receives, then sees the visitor out; the clerk's open list follows without a reload.
  await waitingForMe
    .getByRole("link", { name: new RegExp(lastName, "i") })
    .last()
    .click();
  const workflow = agent.getByTestId("workflow");
  await workflow.getByRole("button", { name: t("workflow.guest.receive") }).click();
  await agent
    .getByRole("dialog")
    .getByRole("button", { name: t("workflow.guest.receive") })
    .click();
  await expect(agent.getByTestId("workflow-state")).toHaveText(t("choices.guestStates.busy"));
  await expect(row).toHaveCount(0);
  await workflow.getByRole("button", { name: t("workflow.guest.checkout") }).click();
  await agent
    .getByRole("dialog")
    .getByRole("button", { name: t("workflow.guest.checkout") })
    .click();
  await expect(agent.getByTestId("workflow-state")).toHaveText(t("choices.guestStates.gone"));
  await clerk.goto(`${EUPEN}/reception/gone`);
  const goneRow = clerk.getByTestId("grid-row").filter({ hasText: reason });
  await expect(goneRow).toHaveCount(1);
  await saveScreenshot(clerk, "reception-gone-list-de");

  // The clerk prints the visit's presence certificate (§11), in the client's language, and downloads it.
  await goneRow.locator("td").first().click();
  await clerk.getByRole("button", { name: t("reception.certificate.print"), exact: true }).click();
  await expect(clerk).toHaveURL(/\/documents\/mine\/\d+/);
  const link = clerk.getByTestId("upload-file-link");
  await expect(link).toContainText(`-${clientId}.docx`);
  await saveScreenshot(clerk, "reception-presence-certificate-de");
  const [download] = await Promise.all([clerk.waitForEvent("download"), link.click()]);
  const text = new PizZip(await readFile((await download.path())!))
    .file("word/document.xml")!
    .asText()
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ");
  expect(text).toMatch(/Anwesenheitsbescheinigung|Attestation de présence/);
  expect(text).toMatch(/(heute zwischen|aujourd’hui entre) \d\d:\d\d (und|et) \d\d:\d\d/);

  // The client's presences list the visit; the desk's agents-by-client panel names the coach.
  await clerk.goto(`${EUPEN}/clients/clients/${clientId}`);
  await expect(clerk.getByTestId("agents-by-client")).toContainText("Hubert Huppertz");
  await saveScreenshot(clerk, "reception-agents-by-client-de");
  await clerk.getByRole("tab", { name: t("resources.clients.calendarTab") }).click();
  await expect(clerk.getByTestId("slave-reception.presences").getByRole("row").filter({ hasText: reason })).toHaveCount(
    1,
  );
  await saveScreenshot(clerk, "reception-client-presences-de");
});

test("châtelet: the administrator's lounge screen shows the morning live by ticket, in French, never a national number", async ({
  browser,
}) => {
  const f = (key: string, params?: Record<string, string | number>) => msg("fr", key, params);
  const admin = await (await browser.newContext({ locale: "fr-BE" })).newPage();
  await signInAt(admin, CHATELET, "fr", "romain");
  await admin.goto(`${CHATELET}/reception/displays`);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(f("resources.receptionDisplays.title"));
  await admin.getByTestId("grid-row").first().locator("td").first().click();
  const address = (await admin.locator("dd[data-field=boardUrl]").innerText()).trim();
  expect(address).toMatch(/^\/board\?token=/);
  await saveScreenshot(admin, "reception-display-fr");

  // The screen in the lounge: no session, only the address.
  const screen = await (await browser.newContext({ locale: "fr-BE" })).newPage();
  await screen.goto(`${CHATELET}${address}`);
  await expect(screen.getByRole("heading", { level: 1 })).toHaveText("Salle d'attente");
  const waiting = screen.getByTestId("board-waiting");
  await expect(waiting.locator("li")).not.toHaveCount(0);
  await expect(waiting).toContainText(f("reception.board.position", { position: 1 }));
  expect(await screen.locator("main").innerText()).not.toMatch(/\d{6}[ -]?\d{3}/);
  expect(await seriousAxeViolations(screen)).toEqual([]);
  await saveScreenshot(screen, "reception-board-fr");

  // The clerk's list of waiting visitors, in French.
  const clerk = await (await browser.newContext({ locale: "fr-BE" })).newPage();
  await signInAt(clerk, CHATELET, "fr", "theresia");
  await clerk.goto(`${CHATELET}/reception/waiting`);
  await expect(clerk.getByRole("heading", { level: 1 })).toContainText(f("resources.receptionVisitors.waiting"));
  await expect(clerk.getByTestId("grid-row")).not.toHaveCount(0);
  await saveScreenshot(clerk, "reception-waiting-list-fr");

  // Revoked, the address no longer opens the board.
  await admin.getByRole("button", { name: f("resources.receptionDisplays.revoke") }).click();
  await admin
    .getByRole("dialog")
    .getByRole("button", { name: f("resources.receptionDisplays.revoke") })
    .click();
  const again = await (await browser.newContext({ locale: "fr-BE" })).newPage();
  await again.goto(`${CHATELET}${address}`);
  await expect(again.getByTestId("board-refused")).toHaveText(f("reception.board.refused"));
});
