import { defineConfig, devices } from "@playwright/test";
import { PORT } from "./tests/e2e/hosts";

// The demo server (embedded in-memory PostgreSQL unless E2E_DATABASE_URL names a real one) on port
// 3100, reached by Chromium as <slug>.localhost / console.localhost. `next build` runs first unless
// E2E_SKIP_BUILD=1 (when the build is already there).
const ci = !!process.env.CI;

// The server gets DATABASE_URL only from E2E_DATABASE_URL: a DATABASE_URL exported for other work
// (a benchmark, integration tests) must not leak into it. Undefined entries are left out of the
// child's environment by Node, so the demo then starts its embedded database.
const serverEnv: Record<string, string | undefined> = {
  DATABASE_URL: process.env.E2E_DATABASE_URL || undefined,
  SECURE_COOKIES: "false",
  LOG_LEVEL: "warn",
  BASE_DOMAIN: "localhost",
  PORT: String(PORT),
};

export default defineConfig({
  testDir: "tests/e2e",
  // A sub-folder: Playwright empties its outputDir at the start of a run, and test-results/summary
  // holds the unit and integration reports written by scripts/run-tests.mjs just before.
  outputDir: "test-results/e2e",
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  workers: 1,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/lib/chromium/chromium",
          args: [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--host-resolver-rules=MAP *.localhost 127.0.0.1",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `sh -c '[ "$E2E_SKIP_BUILD" = 1 ] || npx next build || exit 1; exec npx tsx scripts/demo.ts --prod --port ${PORT} --memory'`,
    // Every host but <slug>.localhost and console.localhost gets 404, and Node may not resolve those
    // names, so no readiness URL: the demo opens its port only once the demo centres exist.
    port: PORT,
    reuseExistingServer: !ci,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: serverEnv as Record<string, string>,
  },
});
