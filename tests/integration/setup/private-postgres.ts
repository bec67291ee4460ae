import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Runs a PostgreSQL program as the `postgres` user (PostgreSQL refuses to run as root). */
const asPostgres = (program: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", join(BIN, program), ...args], { stdio: "pipe" });

/**
 * A PostgreSQL server of the test's own, in a temporary folder, that the test may stop and start
 * again: a database cluster going away and coming back while the app runs.
 */
export async function privatePostgres() {
  const dir = mkdtempSync(join(tmpdir(), "entraide-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const ctl = (...args: string[]) => asPostgres("pg_ctl", ["-D", data, "-w", "-l", join(dir, "log"), ...args]);
  const start = () =>
    ctl("start", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => ctl("stop", "-m", "fast"),
    remove: () => {
      try {
        ctl("stop", "-m", "immediate");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
