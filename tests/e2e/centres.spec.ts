import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, type Page, test } from "@playwright/test";
import { CHATELET, CONSOLE, DIRECT, direct, EUPEN, FORMATION, PORT, urlOf } from "./hosts";
import { msg, saveScreenshot } from "./support";

// An English-speaking browser: the German and French below come from each centre's default language.
test.use({ locale: "en-GB" });

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

test("each host shows its own centre in the centre's language", async ({ page }) => {
  await page.goto(EUPEN);
  await expect(page.getByTestId("centre-name")).toHaveText("ÖSHZ Eupen");
  await expect(heading(page)).toHaveText("Willkommen im ÖSHZ Eupen");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-pressed", "true");
  await saveScreenshot(page, "eupen-home");

  await page.goto(CHATELET);
  await expect(page.getByTestId("centre-name")).toHaveText("CPAS de Châtelet");
  await expect(heading(page)).toHaveText("Bienvenue au CPAS de Châtelet");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("ÖSHZ Eupen")).toHaveCount(0);
  await saveScreenshot(page, "chatelet-home");
});

test("only the training centre shows the training banner", async ({ page }) => {
  await page.goto(FORMATION);
  await expect(page.getByTestId("centre-name")).toHaveText("Centre de formation Entraide");
  await expect(page.getByRole("note")).toHaveText(msg("fr", "centre.trainingBanner"));

  await page.goto(EUPEN);
  await expect(page.getByRole("note")).toHaveText(msg("de", "centre.demoBanner"));
  await expect(page.getByText(msg("de", "centre.trainingBanner"))).toHaveCount(0);
  await expect(page.getByText(msg("fr", "centre.trainingBanner"))).toHaveCount(0);
});

test("a language chosen on one centre sticks there and nowhere else", async ({ page, context }) => {
  await page.goto(CHATELET);
  await expect(heading(page)).toHaveText("Bienvenue au CPAS de Châtelet");
  await page
    .getByRole("form", { name: msg("fr", "languages.label") })
    .getByRole("button", { name: "Deutsch" })
    .click();

  await expect(heading(page)).toHaveText("Willkommen im ÖSHZ Châtelet");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "false");

  await page.reload();
  await expect(heading(page)).toHaveText("Willkommen im ÖSHZ Châtelet");
  await expect(page.getByTestId("centre-name")).toHaveText("ÖSHZ Châtelet");

  // The choice is a host-only cookie: the other centres keep their own default language.
  await page.goto(FORMATION);
  await expect(heading(page)).toHaveText("Bienvenue au Centre de formation Entraide");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.goto(EUPEN);
  await expect(heading(page)).toHaveText("Willkommen im ÖSHZ Eupen");
  expect((await context.cookies(CHATELET)).find((c) => c.name === "entraide_locale")?.value).toBe("de");
  for (const other of [EUPEN, FORMATION, CONSOLE]) {
    expect(
      (await context.cookies(other)).map((c) => c.name),
      other,
    ).not.toContain("entraide_locale");
  }
});

test("the health endpoint of each host names that host's centre", async ({ page }) => {
  for (const slug of ["eupen", "chatelet", "formation"]) {
    const res = await page.goto(`${urlOf(slug)}/api/health`);
    expect(res?.status(), slug).toBe(200);
    expect(await res?.json(), slug).toMatchObject({ kind: "tenant", slug, status: "active", availability: "served" });
  }
  const res = await page.goto(`${CONSOLE}/api/health`);
  expect(res?.status()).toBe(200);
  expect(await res?.json()).toMatchObject({ kind: "operator", status: "ok" });
});

test("every host gives the browser tab its icon", async ({ page }) => {
  for (const host of [EUPEN, CHATELET, CONSOLE]) {
    const icon = await page.goto(`${host}/favicon.ico`);
    expect([host, icon?.status(), icon?.headers()["content-type"]]).toEqual([host, 200, "image/x-icon"]);
  }
});

test("a host without a centre is not found", async ({ page, request }) => {
  const res = await page.goto(`http://nowhere.localhost:${PORT}/`);
  expect(res?.status()).toBe(404);
  await expect(heading(page)).toHaveText(msg("en", "notFound.title"));
  await expect(page.getByTestId("centre-name")).toHaveCount(0);

  const health = await page.goto(`http://nowhere.localhost:${PORT}/api/health`);
  expect(health?.status()).toBe(404);

  // Hosts outside <label>.localhost never reach the app.
  for (const host of [
    `127.0.0.1:${PORT}`,
    `localhost:${PORT}`,
    `deep.eupen.localhost:${PORT}`,
    `eupen.example.org:${PORT}`,
  ]) {
    const r = await request.get(`${DIRECT}/`, { headers: { host }, maxRedirects: 0 });
    expect(r.status(), host).toBe(404);
    expect(await r.text(), host).not.toContain("Eupen");
  }
});

test("the operator console cannot be reached through a centre's host", async ({ page }) => {
  for (const path of ["/operator", "/operator/login"]) {
    const res = await page.goto(`${EUPEN}${path}`);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByLabel(msg("de", "operator.password"))).toHaveCount(0);
  }
  // A centre's /login is its own staff sign-in, not the console's.
  await page.goto(`${EUPEN}/login`);
  await expect(page.getByLabel(msg("de", "auth.username"))).toBeVisible();
  await expect(page.getByLabel(msg("de", "operator.email"))).toHaveCount(0);
});

test("a spoofed tenant header does not change the centre served", async ({ request, page }) => {
  const spoof = { "x-entraide-tenant": "chatelet", "x-entraide-host-kind": "tenant" };
  const res = await request.get(`${DIRECT}/api/health`, direct("eupen", spoof));
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ kind: "tenant", slug: "eupen" });

  const operatorSpoof = await request.get(
    `${DIRECT}/api/health`,
    direct("eupen", { "x-entraide-host-kind": "operator" }),
  );
  expect(await operatorSpoof.json()).toMatchObject({ kind: "tenant", slug: "eupen" });

  // The same from the browser, on the page itself.
  await page.setExtraHTTPHeaders(spoof);
  await page.goto(EUPEN);
  await expect(page.getByTestId("centre-name")).toHaveText("ÖSHZ Eupen");
  await expect(page.getByText("Châtelet")).toHaveCount(0);
});

test("the demo, whose accounts have public passwords, listens on this machine only", async () => {
  // The machine's addresses other than loopback: the demo must refuse connections there.
  const outward = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
  test.skip(outward.length === 0, "this machine has no network interface besides loopback");
  for (const address of outward) {
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port: PORT, timeout: 2_000 });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => {
        socket.destroy();
        resolve(false);
      });
    });
    expect(reached, address).toBe(false);
  }
});
