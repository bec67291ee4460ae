import { test } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, signInAt } from "./support";

// A mail written in a client's file goes out with one of the client's scanned documents; the demo's
// mail server (a real SMTP server on loopback) catches it, and the administrators read it there.
test.use({ locale: "en-GB" });
const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);

test("eupen: a mail to a client leaves with a scanned document and reaches the demo's mail server", async ({
  page,
}) => {
  const subject = `Ihr Dokument ${Date.now().toString(36)}`;
  await signInAt(page, EUPEN, "de", "rolf");

  // A scanned document of a demo client: its name and its client.
  await page.goto(`${EUPEN}/uploads/uploads`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/uploads\/uploads\/\d+/);
  const fileName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const clientHref = await page.locator('main a[href*="/clients/clients/"]').first().getAttribute("href");

  // The mail, from the client's History tab.
  await page.goto(new URL(clientHref!, EUPEN).toString());
  await page.getByRole("tab", { name: t("resources.clients.historyTab") }).click();
  const mails = page.getByTestId("slave-outbox.byClient");
  await mails.getByRole("button", { name: t("detail.add") }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("outbox.fields.subject")}`)).fill(subject);
  await form.getByLabel(new RegExp(`^${t("outbox.fields.body")}`)).fill("Guten Tag, anbei Ihr Dokument.");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await mails.getByRole("row").filter({ hasText: subject }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/outbox\/byClient\/\d+/);

  const recipients = page.getByTestId("slave-outbox.recipients");
  await recipients.getByRole("button", { name: t("detail.add") }).click();
  await form.getByLabel(new RegExp(`^${t("fields.email")}`)).fill("klient@example.org");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  const attachments = page.getByTestId("slave-outbox.attachments");
  await attachments.getByRole("button", { name: t("detail.add") }).click();
  await form.getByRole("combobox", { name: t("outbox.fields.upload") }).selectOption({ label: fileName });
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await expect(attachments.getByRole("row").filter({ hasText: fileName })).toHaveCount(1);

  await page.getByRole("button", { name: t("outbox.send"), exact: true }).click();
  await expect(page.getByText(t("outbox.states.queued")).first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.locator("dd[data-field=state]")).toHaveText(t("outbox.states.sent"), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await saveScreenshot(page, "eupen-mail-sent");

  await page.goto(`${EUPEN}/outbox/caught`);
  const caught = page.getByTestId("caught-mails").getByRole("listitem").filter({ hasText: subject });
  await expect(caught).toContainText("klient@example.org");
  await expect(caught).toContainText(fileName);
  await saveScreenshot(page, "eupen-mail-caught");
});

test("eupen: 'Create e-mail' on a scanned document writes a draft with the document attached; once sent it is a record", async ({
  page,
}) => {
  const subject = `Bescheinigung ${Date.now().toString(36)}`;
  await signInAt(page, EUPEN, "de", "rolf");
  await page.goto(`${EUPEN}/uploads/uploads`);
  await page.getByTestId("grid-row").first().click();
  await expect(page).toHaveURL(/\/uploads\/uploads\/\d+/);
  const fileName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();

  await page.getByRole("button", { name: t("outbox.createMail") }).click();
  await expect(page).toHaveURL(/\/outbox\/mine\/\d+/);
  await expect(page.locator("dd[data-field=state]")).toHaveText(t("outbox.states.draft"));
  await expect(page.getByTestId("slave-outbox.attachments").getByRole("row").filter({ hasText: fileName })).toHaveCount(
    1,
  );
  // The body is written, signed by the writer; a client without an address gets one typed by hand.
  await expect(page.locator("dd[data-field=body]")).toContainText("Rolf");
  const recipients = page.getByTestId("slave-outbox.recipients");
  await recipients.getByRole("button", { name: t("detail.add") }).click();
  const form = page.getByTestId("insert-form");
  await form.getByLabel(new RegExp(`^${t("fields.email")}`)).fill("klient@example.org");
  await form.getByRole("button", { name: t("detail.create") }).click();
  await expect(form).toHaveCount(0);
  await page.getByRole("button", { name: t("detail.edit") }).click();
  await page.getByLabel(new RegExp(`^${t("outbox.fields.subject")}`)).fill(subject);
  await page.getByRole("button", { name: t("detail.save") }).click();
  await expect(page.getByTestId("detail-title")).toHaveText(subject);

  await page.getByRole("button", { name: t("outbox.send"), exact: true }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.locator("dd[data-field=state]")).toHaveText(t("outbox.states.sent"), { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // Sent: nothing to edit, delete or add any more.
  await expect(page.getByRole("button", { name: t("detail.edit") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: t("detail.delete") })).toHaveCount(0);
  await expect(recipients.getByRole("button", { name: t("detail.add") })).toHaveCount(0);
  await saveScreenshot(page, "eupen-mail-created-sent");

  await page.goto(`${EUPEN}/outbox/caught`);
  const caught = page.getByTestId("caught-mails").getByRole("listitem").filter({ hasText: subject });
  await expect(caught).toContainText("klient@example.org");
  await expect(caught).toContainText(fileName);
});
