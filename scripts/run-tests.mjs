// `npm test`: unit, integration and end-to-end suites in turn, then one closing line with the totals.
// Every suite runs even when an earlier one fails, so one run reports everything.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const out = "test-results/summary";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const suites = [
  {
    name: "unit",
    cmd: [
      "vitest",
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}/unit.json`,
    ],
    file: `${out}/unit.json`,
  },
  {
    name: "integration",
    cmd: [
      "vitest",
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}/integration.json`,
    ],
    file: `${out}/integration.json`,
  },
  {
    name: "e2e",
    cmd: ["playwright", "test", "--reporter=list,json"],
    file: `${out}/e2e.json`,
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: `${out}/e2e.json` },
  },
];

function counts(suite) {
  if (!existsSync(suite.file)) return null;
  const r = JSON.parse(readFileSync(suite.file, "utf8"));
  if (suite.name === "e2e")
    return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

const only = process.argv.slice(2);
let total = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`\n=== ${suite.name} ===`);
  const run = spawnSync("npx", suite.cmd, { stdio: "inherit", env: { ...process.env, ...suite.env } });
  const c = counts(suite);
  // A suite that crashed before reporting counts as one failure, so it can never pass silently.
  if (!c) broken = true;
  else if (run.status !== 0 && c.failed === 0) c.failed = 1;
  if (c)
    total = { passed: total.passed + c.passed, failed: total.failed + c.failed, skipped: total.skipped + c.skipped };
  console.log(`${suite.name}: ${c ? `${c.passed} passed, ${c.failed} failed` : "did not report (crashed)"}`);
}
if (broken) total.failed += 1;
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 ? 1 : 0);
