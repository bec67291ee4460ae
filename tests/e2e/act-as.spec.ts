import { expect, test } from "@playwright/test";
import { EUPEN } from "./hosts";
import { msg, saveScreenshot, signInAt } from "./support";

test.use({ locale: "en-GB" }); // Eupen's own language (German) must win over the browser's

test("procuration: Theresia acts as Hubert through the user menu, then switches back", async ({ page }) => {
  const theresia = msg("de", "auth.signedInAs", { name: "Theresia Thelen", userType: msg("de", "userTypes.210") });
  await signInAt(page, EUPEN, "de", "theresia");
  await expect(page.getByTestId("signed-in-as")).toHaveText(theresia);

  // Hubert gave her authority in the demo; the menu offers him among the colleagues she may act as.
  const hubert = `Huppertz Hubert, hubert (${msg("de", "userTypes.100")})`;
  await page.getByLabel(msg("de", "auth.actAs")).selectOption({ label: hubert });
  await page.getByRole("button", { name: msg("de", "auth.actAsGo"), exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(
    msg("de", "auth.actingAs", {
      name: "Hubert Huppertz",
      userType: msg("de", "userTypes.100"),
      real: "Theresia Thelen",
    }),
  );
  await saveScreenshot(page, "eupen-acting-as-hubert");
  // Still acting after a reload: the choice is a cookie checked against the authority on every request.
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toContainText("Hubert Huppertz");

  await page.getByRole("button", { name: msg("de", "auth.stopActing"), exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(theresia);
  await expect(page.getByLabel(msg("de", "auth.actAs"))).toBeVisible();
});
