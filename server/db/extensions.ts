import type pg from "pg";

/**
 * PostgreSQL extensions the tenant schemas rely on (pg_trgm for the quick search's trigram index).
 * Extensions belong to a database, not to a schema, so tenant migrations cannot create them: the
 * migration runner makes sure of them once per database, in a schema of their own that tenant SQL
 * names explicitly (`extensions.gin_trgm_ops`). The embedded database loads them in embedded.ts.
 */
export const EXTENSIONS_SCHEMA = "extensions";
const EXTENSIONS = ["pg_trgm"];

const done = new WeakSet<pg.Pool>();

async function missing(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ extname: string }>(
    `SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = $1`,
    [EXTENSIONS_SCHEMA],
  );
  const present = new Set(rows.map((r) => r.extname));
  return EXTENSIONS.filter((name) => !present.has(name));
}

/** Installs the extensions into the `extensions` schema of the pool's database (moving them there if installed elsewhere). */
export async function ensureExtensions(pool: pg.Pool): Promise<void> {
  if (done.has(pool)) return;
  const client = await pool.connect();
  try {
    if ((await missing(client)).length) {
      await client.query("BEGIN");
      try {
        // Concurrent runners (migrateAll) would otherwise race on creating the same extension.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('entraide:extensions'))");
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${EXTENSIONS_SCHEMA}"`);
        for (const name of await missing(client)) {
          const { rowCount } = await client.query("SELECT 1 FROM pg_extension WHERE extname = $1", [name]);
          await client.query(
            rowCount
              ? `ALTER EXTENSION "${name}" SET SCHEMA "${EXTENSIONS_SCHEMA}"`
              : `CREATE EXTENSION "${name}" WITH SCHEMA "${EXTENSIONS_SCHEMA}"`,
          );
        }
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
    }
    done.add(pool);
  } finally {
    client.release();
  }
}
