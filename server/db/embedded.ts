import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { projectPath } from "@/lib/project-path";
import { resetEnvCache } from "@/server/env";

export const DEFAULT_DATA_DIR = projectPath(".data/pglite");

interface LockFile {
  pid: number;
  port: number;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const urlFor = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;

/**
 * PGlite has a single backend and its socket server interleaves the protocol messages of concurrent
 * connections (breaking their unnamed prepared statements), so each process uses one connection.
 */
function connectEmbedded(port: number) {
  process.env.DATABASE_URL = urlFor(port);
  process.env.DB_POOL_MAX ??= "1";
  // With one connection every request waits its turn behind the one running (a seed, a long job):
  // a wait for the connection is no sign of a fault here.
  process.env.DB_CHECKOUT_TIMEOUT_MS ??= "0";
  process.env.DB_EMBEDDED = "1";
  resetEnvCache();
  return process.env.DATABASE_URL;
}

/**
 * Makes sure DATABASE_URL points somewhere. Without one, an embedded PostgreSQL (PGlite) is served
 * on a loopback socket: exactly one process owns the data folder, and any other process (the CLI
 * while the demo runs) connects to that owner instead of opening the folder itself.
 */
export async function ensureDatabase(opts: { dataDir?: string; port?: number } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const dataDir = opts.dataDir ?? DEFAULT_DATA_DIR;
  const memory = dataDir.startsWith("memory://");
  const lockPath = memory ? null : `${dataDir}.lock.json`;

  if (lockPath && existsSync(lockPath)) {
    const lock = JSON.parse(readFileSync(lockPath, "utf8")) as LockFile;
    if (alive(lock.pid) && lock.pid !== process.pid) {
      return { url: connectEmbedded(lock.port), embedded: true, stop: async () => undefined };
    }
    rmSync(lockPath, { force: true }); // left behind by a process that died
  }

  if (!memory) mkdirSync(path.dirname(dataDir), { recursive: true });
  // Extensions the schemas use (server/db/extensions.ts creates them in the database).
  const db = await PGlite.create(memory ? undefined : dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 32 });
  await server.start();
  const port = Number(new URL(`pg://${server.getServerConn()}`).port);
  if (lockPath) writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port } satisfies LockFile));
  const url = connectEmbedded(port);
  let stopped = false;
  return {
    url,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (lockPath) rmSync(lockPath, { force: true });
    },
  };
}
