import { test, type Page } from "@playwright/test";
import { CHATELET, EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

// Deletion that never loses data silently (issue 11 §2), in each demo centre's language: the
// reception clerk's delete dialog says what goes with a client, a coached client is offered no
// deletion (the server would refuse it), and an administrator restores the deleted client from Explorer → System.
test.use({ locale: "en-GB" });

/** A name no demo client has. */
const uniqueName = (base: string) =>
  `${base}${Date.now()
    .toString(36)
    .slice(-5)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

// The sentences as the dialog writes them (ICU plurals, which `msg` does not render).
const CENTRES = [
  {
    base: CHATELET,
    slug: "chatelet",
    locale: "fr" as const,
    clerk: "theresia",
    admin: "romain",
    firstName: "Ginette",
    goes: (who: string) =>
      `Vous allez supprimer 1 bénéficiaire (${who}) et ce qui en fait partie : 1 adresse. Confirmez-vous ?`,
  },
  {
    base: EUPEN,
    slug: "eupen",
    locale: "de" as const,
    clerk: "theresia",
    admin: "rolf",
    firstName: "Gerd",
    goes: (who: string) =>
      `Sie sind dabei, 1 Klient (${who}) und alles, was dazu gehört, zu löschen: 1 Adresse. Sind Sie sicher?`,
  },
];

for (const { base, slug, locale, clerk, admin, firstName, goes } of CENTRES) {
  const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);

  /** Creates a client from the clients list and returns its id. */
  async function createClient(page: Page, lastName: string) {
    await page.goto(`${base}/clients/clients`);
    await page.getByRole("button", { name: t("grid.new"), exact: true }).click();
    const form = page.getByTestId("insert-form");
    await form.getByLabel(new RegExp(`^${t("fields.firstName")}`)).fill(firstName);
    await form.getByLabel(new RegExp(`^${t("fields.lastName")}`)).fill(lastName);
    await form.getByRole("button", { name: t("detail.create"), exact: true }).click();
    await expect(page).toHaveURL(/\/clients\/clients\/\d+(\?|$)/);
    return Number(new URL(page.url()).pathname.split("/").pop());
  }

  test(`${slug}: the delete dialog says what goes, a coached client is offered no deletion, an administrator restores the client`, async ({
    page,
  }) => {
    // Theresia (210, reception) registers clients, so she may delete one registered by mistake.
    await signInAt(page, base, locale, clerk);
    const lastName = uniqueName("Irrtum");
    const who = (id: number) => `${lastName.toUpperCase()} ${firstName} (${id})`;
    const mistake = await createClient(page, lastName);
    // Its address, typed on the client's own form, becomes the client's primary address.
    await page.getByRole("button", { name: t("detail.edit") }).click();
    await page.getByLabel(t("fields.street"), { exact: true }).fill("Rue du Faux Pas");
    await page.getByRole("button", { name: t("detail.save") }).click();
    await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.saved"));

    // Delete: the dialog names the client and what goes with it before anything happens.
    await page.getByRole("button", { name: t("detail.delete") }).click();
    const dialog = page.getByRole("dialog", { name: t("detail.delete") });
    await expect(dialog.getByTestId("delete-question")).toHaveText(goes(who(mistake)));
    await expect(dialog).toContainText(t("deletion.restorable", { days: 30 }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, `delete-dialog-${slug}`);
    await dialog.getByRole("button", { name: t("detail.delete") }).click();
    await expect(page).toHaveURL(/\/clients\/clients(\?|$)/);

    // A client with a coaching has a file: the server would refuse its deletion, so Delete is not offered.
    const coachedLast = uniqueName("Begleitet");
    const coached = await createClient(page, coachedLast);
    const coachedName = `${coachedLast.toUpperCase()} ${firstName} (${coached})`;
    await expect(page.getByRole("button", { name: t("detail.delete") })).toBeVisible();
    await openTab(page, t("resources.clients.coachesTab"));
    const coachings = page.getByTestId("slave-coachings.coachings");
    await coachings.getByRole("button", { name: t("detail.add") }).click();
    const coachingForm = page.getByTestId("insert-form");
    await coachingForm.getByRole("button", { name: t("detail.create") }).click();
    await expect(coachingForm).toHaveCount(0);
    await expect(page.getByRole("button", { name: t("detail.delete") })).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("detail-title")).toHaveText(coachedName);
    await expect(page.getByRole("button", { name: t("detail.delete") })).toHaveCount(0);
    await saveScreenshot(page, `delete-not-offered-${slug}`);

    // An administrator finds the deleted client in Explorer → System and restores it.
    await page.context().clearCookies();
    await signInAt(page, base, locale, admin);
    await page.goto(`${base}/history/deleted`);
    await expect(page.getByRole("heading", { level: 1, name: t("resources.deleted.title") })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: who(mistake) });
    await expect(row).toContainText(slug === "eupen" ? "1 Adresse" : "1 adresse");
    await saveScreenshot(page, `deleted-records-${slug}`);
    await row.click();
    await page.getByRole("button", { name: t("resources.deleted.restore") }).click();
    const confirm = page.getByRole("dialog", { name: t("resources.deleted.restore") });
    await confirm.getByRole("button", { name: t("resources.deleted.restore") }).click();
    await expect(page.getByTestId("detail-notice")).toHaveText(t("detail.done"));
    await expect(page.locator("dd[data-field=restoredAt]")).not.toBeEmpty();
    // A restored record offers no second restore.
    await expect(page.getByRole("button", { name: t("resources.deleted.restore") })).toHaveCount(0);

    // The client opens again, with its address.
    await page.goto(`${base}/clients/clients/${mistake}`);
    await expect(page.getByTestId("detail-title")).toHaveText(who(mistake));
    await expect(page.locator("dd[data-field=street]")).toHaveText("Rue du Faux Pas");
  });
}
