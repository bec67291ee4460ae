import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { CHATELET, EUPEN } from "./hosts";
import { msg, saveScreenshot } from "./support";

const DEMO_PASSWORD = "entraide-demo";
test.use({ locale: "en-GB" }); // each centre's own language must win over the browser's

async function signIn(page: Page, base: string, locale: "de" | "fr", username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel(msg(locale, "auth.username")).fill(username);
  await page.getByLabel(msg(locale, "auth.password")).fill(password);
  await page.getByRole("button", { name: msg(locale, "auth.signIn") }).click();
}

test("a German centre: sign in, see who you are, sign out", async ({ page }) => {
  await signIn(page, EUPEN, "de", "hubert", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toHaveText(
    msg("de", "auth.signedInAs", { name: "Hubert Huppertz", userType: msg("de", "userTypes.100") }),
  );
  await saveScreenshot(page, "eupen-signed-in");
  await page.getByRole("button", { name: msg("de", "auth.signOut"), exact: true }).click();
  await expect(page).toHaveURL(`${EUPEN}/login`);
  await page.goto(`${EUPEN}/`);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("a French centre: wrong password is refused in French, then the right one works", async ({ page }) => {
  await signIn(page, CHATELET, "fr", "caroline", "pas le bon mot de passe");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(msg("fr", "errors.INVALID_CREDENTIALS"));
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await signIn(page, CHATELET, "fr", "caroline", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toHaveText(
    msg("fr", "auth.signedInAs", { name: "Caroline Carnol", userType: msg("fr", "userTypes.220") }),
  );
});

test("a session cookie from one centre is worthless on another", async ({ page, context }) => {
  await signIn(page, EUPEN, "de", "robin", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const eupenCookies = await context.cookies(EUPEN);
  const session = eupenCookies.find((c) => c.name.includes("session-token"));
  expect(session, "Auth.js session cookie").toBeTruthy();
  // Host-only: the browser itself never sends it to another centre.
  expect((await context.cookies(CHATELET)).some((c) => c.name === session!.name)).toBe(false);
  // Even planted on Châtelet's host (robin exists there too), it signs nobody in.
  await context.addCookies([
    {
      name: session!.name,
      value: session!.value,
      domain: "chatelet.localhost",
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  await page.goto(`${CHATELET}/`);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await expect(page.getByText(msg("fr", "auth.signInPrompt"))).toBeVisible();
});

test("two-factor: set up in the account page, then asked for at the next sign-in", async ({ page }) => {
  await signIn(page, EUPEN, "de", "kerstin", DEMO_PASSWORD);
  await page
    .getByRole("banner")
    .getByRole("link", { name: msg("de", "account.menu") })
    .click();
  await page.getByRole("button", { name: msg("de", "account.twoFactor.start") }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await page.getByLabel(msg("de", "account.twoFactor.code")).fill(totp.generate());
  await page.getByRole("button", { name: msg("de", "account.twoFactor.confirm") }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recovery = (await page.getByTestId("recovery-codes").getByRole("listitem").first().textContent())!;

  await page.getByRole("button", { name: msg("de", "auth.signOut"), exact: true }).click();
  await expect(page).toHaveURL(`${EUPEN}/login`);
  await signIn(page, EUPEN, "de", "kerstin", DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(msg("de", "errors.TOTP_REQUIRED"));
  await page.getByLabel(msg("de", "auth.password")).fill(DEMO_PASSWORD);
  await page.getByLabel(msg("de", "auth.code")).fill(recovery); // the current code was used at set-up
  await page.getByRole("button", { name: msg("de", "auth.signIn") }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Kerstin Kerres");
});
