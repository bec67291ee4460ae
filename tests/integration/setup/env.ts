import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// See server/db/embedded.ts: one connection per process on the embedded database.
if (!process.env.TEST_DATABASE_URL) {
  process.env.DB_POOL_MAX = "1";
  process.env.DB_CHECKOUT_TIMEOUT_MS = "0";
}
process.env.LOG_LEVEL = "silent";
process.env.BASE_DOMAIN = "localhost";
process.env.EXPORT_DIR = ".data/test-exports";
// Each test process keeps its centres' files apart (centre ids are unique, the folder is the run's own).
process.env.UPLOADS_DIR = mkdtempSync(join(tmpdir(), "entraide-test-uploads-"));
