import { expect, test } from "@playwright/test";
import { CONSOLE, DIRECT, direct, EUPEN } from "./hosts";
import { formatDateTime } from "../../lib/format";
import { msg, saveScreenshot, signIn as consoleSignIn } from "./support";

test.use({ locale: "en-GB" });

test("an administrator grants support access, the operator reads but cannot change, a replayed link and a revoked grant are refused, and the centre sees every use", async ({
  browser,
}) => {
  // The administrator's computer runs on New York time: the page still shows Belgian time.
  const adminCtx = await browser.newContext({ timezoneId: "America/New_York" });
  const admin = await adminCtx.newPage();
  await admin.goto(`${EUPEN}/login`);
  await admin.getByLabel(msg("de", "auth.username")).fill("robin");
  await admin.getByLabel(msg("de", "auth.password")).fill("entraide-demo");
  await admin.getByRole("button", { name: msg("de", "auth.signIn") }).click();
  await admin
    .getByRole("banner")
    .getByRole("link", { name: msg("en", "support.menu") })
    .click();
  await admin.getByLabel(msg("en", "support.reason")).fill("Ticket 42");
  await admin.getByLabel(msg("en", "support.duration")).selectOption({ label: msg("en", "support.durations.h1") });
  const asked = Date.now();
  await admin.getByRole("button", { name: msg("en", "support.grant"), exact: true }).click();
  await expect(admin.getByText("Support access granted until")).toBeVisible();
  // One hour from now, in Brussels, as an English reader in Belgium writes it ("15/01/2025, 14:05").
  const notice = await admin.getByText("Support access granted until").textContent();
  const hourLater = [-1, 0, 1, 2].map((minute) =>
    msg("en", "support.granted", { until: formatDateTime(new Date(asked + 3_600_000 + minute * 60_000), "en") }),
  );
  expect(hourLater).toContain(notice);
  await saveScreenshot(admin, "support-support-granted");

  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await consoleSignIn(op);
  await expect(op.getByTestId("support-eupen")).toContainText("Ticket 42");
  await saveScreenshot(op, "support-console");
  const enter = op.waitForRequest((r) => r.url().includes("/api/support/enter"));
  await op
    .getByTestId("support-eupen")
    .getByRole("button", { name: msg("en", "operator.supportAccess.open") })
    .click();
  const enterUrl = (await enter).url();
  await expect(op.getByTestId("signed-in-as")).toContainText(
    msg("de", "support.signedInAs", { name: "", email: "" }).slice(0, 10),
  );
  await saveScreenshot(op, "support-support-session");
  await op.goto(`${EUPEN}/admin/support`);
  await op.getByLabel(msg("de", "support.reason")).fill("more");
  await op.getByRole("button", { name: msg("de", "support.grant"), exact: true }).click();
  await expect(op.getByRole("main").getByRole("alert")).toHaveText(msg("de", "errors.SUPPORT_READ_ONLY"));
  await saveScreenshot(op, "support-support-readonly");
  // A support session acts for nobody, and its downloads are audited like everything else.
  const cookie = (await opCtx.cookies(EUPEN)).map((c) => `${c.name}=${c.value}`).join("; ");
  const actAs = await op.request.post(`${DIRECT}/api/act-as`, {
    ...direct("eupen", { cookie, origin: EUPEN }),
    form: { userId: "1" },
    maxRedirects: 0,
  });
  expect(actAs.status()).toBe(403);
  expect(actAs.headers()["set-cookie"] ?? "").not.toContain("entraide_act_as");
  const exported = await op.request.get(
    `${DIRECT}/api/export/geo.places.csv?columns=name`,
    direct("eupen", { cookie }),
  );
  expect(exported.status()).toBe(200);

  // The single-use link cannot be replayed.
  const replay = await (await browser.newContext()).newPage();
  await replay.goto(enterUrl);
  await expect(replay).toHaveURL(/error=SUPPORT_TOKEN_INVALID/);
  await expect(replay.getByRole("main").getByRole("alert")).toHaveText(msg("de", "errors.SUPPORT_TOKEN_INVALID"));

  // Revoking ends the running support session; the centre sees what support did.
  await admin.reload();
  await admin
    .getByRole("button", { name: msg("en", "support.revoke"), exact: true })
    .first()
    .click();
  await expect(admin.getByText(msg("en", "support.revoked"))).toBeVisible();
  await expect(admin.getByTestId("support-usage")).toContainText(msg("en", "support.actions.support.refused"));
  await expect(admin.getByTestId("support-usage")).toContainText(msg("en", "support.actions.support.page"));
  await expect(admin.getByTestId("support-usage")).toContainText("/admin/support");
  await expect(admin.getByTestId("support-usage")).toContainText("GET /api/export/geo.places.csv?columns=name");
  await expect(admin.getByTestId("support-usage")).toContainText("POST /api/act-as");
  await saveScreenshot(admin, "support-support-usage");
  await op.goto(`${EUPEN}/`);
  await expect(op.getByTestId("signed-in-as")).toHaveCount(0);
  // The console no longer offers a session.
  await op.goto(`${CONSOLE}/`);
  await expect(op.getByTestId("support-eupen")).toHaveText(msg("en", "operator.supportAccess.none"));
});
