import type { TestProject } from "vitest/node";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One database per run: with TEST_DATABASE_URL (CI: real PostgreSQL) a fresh database is created
 * next to it and dropped afterwards; without it, an in-memory embedded PostgreSQL (PGlite).
 */
export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL = "silent";
  const admin = process.env.TEST_DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (admin) {
    const name = `entraide_it_${process.pid}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    delete process.env.DATABASE_URL;
    const { ensureDatabase } = await import("../../../server/db/embedded");
    const db = await ensureDatabase({ dataDir: "memory://" });
    url = db.url;
    teardown = db.stop;
  }
  process.env.DATABASE_URL = url;
  const { migrateControl } = await import("../../../server/tenancy/migrations");
  const { closePools } = await import("../../../server/db/pool");
  await migrateControl();
  await closePools();
  project.provide("databaseUrl", url);
  return teardown;
}
