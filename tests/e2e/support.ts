import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { CONSOLE, OPERATOR } from "./hosts";

const root = path.resolve(import.meta.dirname, "../..");

type Catalogue = { [key: string]: string | Catalogue };
const catalogues = new Map<string, Catalogue>();

/** A UI text from messages/<locale>.json with its {placeholders} filled, as the app renders it. */
export function msg(
  locale: "fr" | "nl" | "de" | "en",
  key: string,
  params: Record<string, string | number> = {},
): string {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Catalogue;
    catalogues.set(locale, catalogue);
  }
  const text = key
    .split(".")
    .reduce<string | Catalogue | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      catalogue,
    );
  if (typeof text !== "string") throw new Error(`no message ${locale}:${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A picture for people looking at a run (test-results/screenshots/<name>.png); nothing is compared. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(root, "test-results", "screenshots", `${name}.png`), fullPage: true });
}

/** The demo users' password (README). */
export const DEMO_PASSWORD = "entraide-demo";

/**
 * Signs a demo user in on a centre through its form; `locale` is the sign-in page's language (the
 * centre's, or the device's choice). Ends when the header names the user.
 */
export async function signInAt(
  page: Page,
  base: string,
  locale: "fr" | "nl" | "de" | "en",
  username: string,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${base}/login`);
  await page.getByLabel(msg(locale, "auth.username")).fill(username);
  await page.getByLabel(msg(locale, "auth.password")).fill(password);
  await page.getByRole("button", { name: msg(locale, "auth.signIn") }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Signs in on the console through its form; the page ends on the tenant list. */
export async function signIn(page: Page, password = OPERATOR.password, locale: "fr" | "nl" | "de" | "en" = "en") {
  await page.goto(`${CONSOLE}/login`);
  await page.getByLabel(msg(locale, "operator.email")).fill(OPERATOR.email);
  await page.getByLabel(msg(locale, "operator.password")).fill(password);
  await page.getByRole("button", { name: msg(locale, "operator.signIn") }).click();
}

/** Serious and critical axe violations of the page as it is now, one readable line per element. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Next streams a page's metadata after its body: a page just refreshed by an action gets its
  // <title> a moment later. The check is of the page as it settles, so it waits for the title first.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${n.target.join(" ")}: ${n.html}`));
}

export { expect };
