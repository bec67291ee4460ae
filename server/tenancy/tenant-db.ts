import { eq, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { LRUCache } from "lru-cache";
import { tenantTables, type TenantTables } from "@/db/tenant/tables";
import { getPool } from "@/server/db/pool";

export type TenantDb = NodePgDatabase;
export interface TenantHandle {
  tenantId: string;
  schema: string;
  db: TenantDb;
  t: TenantTables;
}

/**
 * Centres whose table objects stay built. A centre's tables take about 7 KB per table once its
 * areas are used (265 KB for 37 tables), and a server may serve thousands of centres: the least
 * recently used are dropped beyond this many, and built again on their next request.
 */
export const CACHED_CENTRES = 200;

// Table objects are the only per-tenant state; the drizzle instance is shared per cluster pool.
const tablesBySchema = new LRUCache<string, TenantTables>({
  max: CACHED_CENTRES,
  dispose: (_tables, schema) => forgetQueries(schema),
});
const dbByPool = new WeakMap<object, TenantDb>();

export function tenantSchemaName(tenantId: string): string {
  return `t_${tenantId.replace(/-/g, "")}`;
}

/** A schema-qualified handle on one centre's data. Keyed by the immutable tenant id, never the slug. */
export function tenantHandle(tenant: { id: string; schemaName: string; clusterId: string }): TenantHandle {
  const pool = getPool(tenant.clusterId);
  let db = dbByPool.get(pool);
  if (!db) dbByPool.set(pool, (db = drizzle(pool)));
  let t = tablesBySchema.get(tenant.schemaName);
  if (!t) tablesBySchema.set(tenant.schemaName, (t = tenantTables(tenant.schemaName)));
  return { tenantId: tenant.id, schema: tenant.schemaName, db, t };
}

export function forgetTenantHandle(schemaName: string) {
  tablesBySchema.delete(schemaName);
}

/** How many centres have their table objects built (for tests and the benchmark). */
export const cachedCentres = () => tablesBySchema.size;

function forgetQueries(schemaName: string) {
  for (const key of byIdQueries.keys()) if (key.startsWith(`${schemaName}.`)) byIdQueries.delete(key);
}

type ByIdQuery = { execute: (params: { id: unknown }) => Promise<unknown[]> };
const byIdQueries = new Map<string, ByIdQuery>();

/**
 * One row by primary key, the lookup every detail view makes. The query is built once per table
 * and reused (unnamed, so the server keeps no per-connection state for each of many schemas).
 */
export async function findById<T extends PgTable>(
  handle: TenantHandle,
  table: T,
  id: string | number,
): Promise<T["$inferSelect"] | undefined> {
  const { name, schema, columns } = getTableConfig(table);
  const key = `${schema}.${name}`;
  let query = byIdQueries.get(key);
  if (!query) {
    const pk = columns.find((c) => c.primary);
    if (!pk) throw new Error(`${key} has no single-column primary key`);
    query = handle.db
      .select()
      .from(table as PgTable)
      .where(eq(pk, sql.placeholder("id")))
      .limit(1)
      .prepare("") as unknown as ByIdQuery;
    byIdQueries.set(key, query);
  }
  const [row] = await query.execute({ id });
  return row as T["$inferSelect"] | undefined;
}
