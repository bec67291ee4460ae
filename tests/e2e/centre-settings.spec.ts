import { test } from "@playwright/test";
import { EUPEN } from "./hosts";
import { expect, msg, saveScreenshot, seriousAxeViolations, signInAt } from "./support";

test.use({ locale: "en-GB" });

test("an administrator sets up the centre's directory, saves it and tests the connection; an agent may not", async ({
  page,
}) => {
  // Rolf's profile language is German, as the centre's.
  await signInAt(page, EUPEN, "de", "rolf");
  const t = (key: string, params?: Record<string, string | number>) => msg("de", key, params);
  const nav = page.getByRole("navigation", { name: t("menu.label") });
  await nav.getByRole("button", { name: t("menu.site") }).click();
  await nav.getByRole("link", { name: t("menu.centreSettings") }).click();
  await expect(page.getByRole("heading", { name: t("centreSettings.title") })).toBeVisible();

  await page.getByLabel(t("centreSettings.directoryEnabled")).check();
  await page.getByLabel(t("centreSettings.fields.url")).fill("ldap://127.0.0.1:9");
  await page.getByLabel(t("centreSettings.fields.bindDn")).fill("cn=entraide,dc=eupen,dc=test");
  await page.getByLabel(t("centreSettings.fields.bindPassword")).fill("service secret");
  await page.getByLabel(t("centreSettings.fields.baseDn")).fill("ou=people,dc=eupen,dc=test");
  await page.getByRole("button", { name: t("centreSettings.addMapping") }).click();
  await page.getByLabel(t("centreSettings.groupDn", { n: 1 })).fill("cn=social,ou=groups,dc=eupen,dc=test");
  await page.getByLabel(t("centreSettings.groupUserType", { n: 1 })).selectOption("200");
  await page.getByLabel(t("centreSettings.fields.connectTimeoutMs")).fill("500");
  await page.getByRole("button", { name: t("centreSettings.save"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: t("centreSettings.saved") })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The password never comes back to the browser: the field is empty and says it is kept.
  await page.reload();
  await expect(page.getByLabel(t("centreSettings.fields.baseDn"))).toHaveValue("ou=people,dc=eupen,dc=test");
  await expect(page.getByLabel(t("centreSettings.fields.bindPassword"))).toHaveValue("");
  await expect(page.getByLabel(t("centreSettings.fields.bindPassword"))).toHaveAttribute(
    "placeholder",
    t("centreSettings.bindPasswordKept"),
  );
  await expect(page.getByLabel(t("centreSettings.groupDn", { n: 1 }))).toHaveValue(
    "cn=social,ou=groups,dc=eupen,dc=test",
  );

  // Nothing listens on that port: the test reports the failure instead of hanging.
  await page.getByRole("button", { name: t("centreSettings.testConnection") }).click();
  await expect(page.getByTestId("directory-test")).toContainText(t("centreSettings.testFailed"));
  await saveScreenshot(page, "centre-settings");

  await page.context().clearCookies();
  await signInAt(page, EUPEN, "de", "hubert");
  await page.goto(`${EUPEN}/admin/settings`);
  await expect(page.getByTestId("not-allowed")).toHaveText(t("centreSettings.adminsOnly"));
});
