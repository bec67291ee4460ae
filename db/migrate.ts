import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectPath } from "@/lib/project-path";
import type { PoolClient } from "pg";
import { SENTINEL_SCHEMA } from "./tenant/tables";

/** One migration as drizzle-kit wrote it: ordered by the journal, identified by the hash of its SQL. */
export interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

export const MIGRATIONS_DIR = {
  control: projectPath("db/migrations/control"),
  tenant: projectPath("db/migrations/tenant"),
};

export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map(({ tag }) => {
    const text = readFileSync(path.join(dir, `${tag}.sql`), "utf8");
    return {
      tag,
      hash: createHash("sha256").update(text).digest("hex"),
      statements: text
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly tag?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

const NAMES_PUBLIC = /(^|[^\w])"?public"?\s*\./i;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Rewrites one generated statement for a target schema. Refuses anything that touches `public`,
 * where drizzle-kit would otherwise put shared enums or cross-tenant foreign keys.
 */
export function rewriteStatement(statement: string, targetSchema: string, sentinel = SENTINEL_SCHEMA): string {
  if (!SCHEMA_NAME.test(targetSchema)) throw new MigrationError(`invalid schema name: ${targetSchema}`);
  if (NAMES_PUBLIC.test(statement)) {
    throw new MigrationError(`refusing a migration statement that names the public schema: ${statement.slice(0, 120)}`);
  }
  // The runner creates the schema itself, before its journal table.
  if (new RegExp(`^CREATE SCHEMA "${sentinel}";?$`, "i").test(statement)) {
    return `CREATE SCHEMA IF NOT EXISTS "${targetSchema}"`;
  }
  return statement.split(`"${sentinel}"`).join(`"${targetSchema}"`);
}

export interface MigrateResult {
  schema: string;
  applied: string[];
  version: number;
}

/**
 * Applies to one schema, inside the caller's open transaction, the migrations it lacks (creating
 * the schema and its journal first). Used by migrateSchema and by a centre's import, which loads
 * its rows between two runs in one transaction. Returns the tags applied and the schema's version.
 */
export async function applyMigrations(
  client: PoolClient,
  schema: string,
  migrations: Migration[],
  sentinel: string | null = SENTINEL_SCHEMA,
): Promise<MigrateResult> {
  if (!SCHEMA_NAME.test(schema)) throw new MigrationError(`invalid schema name: ${schema}`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS "${schema}"."__migrations" (
       tag text PRIMARY KEY, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const { rows } = await client.query<{ tag: string; hash: string }>(
    `SELECT tag, hash FROM "${schema}"."__migrations"`,
  );
  const done = new Map(rows.map((r) => [r.tag, r.hash]));
  const applied: string[] = [];
  for (const m of migrations) {
    const doneHash = done.get(m.tag);
    if (doneHash === m.hash) continue;
    if (doneHash) throw new MigrationError(`migration ${m.tag} was changed after it was applied to ${schema}`, m.tag);
    for (const statement of m.statements) {
      const sqlText = sentinel ? rewriteStatement(statement, schema, sentinel) : statement;
      if (!sentinel && NAMES_PUBLIC.test(sqlText))
        throw new MigrationError(`refusing SQL naming public in ${m.tag}`, m.tag);
      try {
        await client.query(sqlText);
      } catch (e) {
        throw new MigrationError(`${m.tag} failed on ${schema}: ${(e as Error).message}`, m.tag);
      }
    }
    await client.query(`INSERT INTO "${schema}"."__migrations" (tag, hash) VALUES ($1, $2)`, [m.tag, m.hash]);
    applied.push(m.tag);
  }
  const knownTags = new Set(migrations.map((m) => m.tag));
  const version = migrations.length + [...done.keys()].filter((tag) => !knownTags.has(tag)).length;
  return { schema, applied, version };
}

/**
 * Brings one schema up to date inside the caller's client, in a single transaction guarded by an
 * advisory lock on the schema name: two runners at once serialise, and a failure leaves the schema
 * exactly as it was. `sentinel` is null for the control schema, whose SQL is used as written.
 */
export async function migrateSchema(
  client: PoolClient,
  schema: string,
  migrations: Migration[],
  sentinel: string | null = SENTINEL_SCHEMA,
): Promise<MigrateResult> {
  if (!SCHEMA_NAME.test(schema)) throw new MigrationError(`invalid schema name: ${schema}`);
  await client.query("BEGIN");
  try {
    // A migration may rewrite a large table and wait for other runners: no request's limits apply.
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SET LOCAL lock_timeout = 0");
    await lockSchema(client, schema);
    const result = await applyMigrations(client, schema, migrations, sentinel);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

/** The advisory lock migration runners take on a schema, until the transaction ends. */
export async function lockSchema(client: PoolClient, schema: string) {
  await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`entraide:migrate:${schema}`]);
}
