import { eq, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { LRUCache } from "lru-cache";
import { tenantTables, type TenantTables } from "@/db/tenant/tables";
import type pg from "pg";
import { CentreShare, holdShareInTransactions, sharedPool } from "@/server/db/centre-share";
import { releasingFailedBegins } from "@/server/db/failed-begin";
import { getPool } from "@/server/db/pool";
import { env } from "@/server/env";

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

// Table objects and the centre's view of its cluster's pool (its share of the connections) are the
// only per-tenant state.
const tablesBySchema = new LRUCache<string, TenantTables>({ max: CACHED_CENTRES });
const dbByCentre = new LRUCache<string, { pool: pg.Pool; db: TenantDb }>({ max: CACHED_CENTRES });

/** The centre's share of its cluster's pool, built on first use and kept while the pool lives. */
function centreDb(tenantId: string, schemaName: string, pool: pg.Pool): TenantDb {
  const kept = dbByCentre.get(tenantId);
  if (kept?.pool === pool) return kept.db;
  // A new pool (the old one was closed): what was built on the old one's connections goes too.
  if (kept) tablesBySchema.delete(schemaName);
  const e = env();
  const share = new CentreShare(centreShareOf(e.DB_POOL_MAX, e.DB_CENTRE_MAX), e.DB_CHECKOUT_TIMEOUT_MS);
  const db = holdShareInTransactions(drizzle(releasingFailedBegins(sharedPool(pool, share))), share);
  dbByCentre.set(tenantId, { pool, db });
  return db;
}

/**
 * DB_CENTRE_MAX when set, else all of the pool but two connections (at least one): a stuck centre
 * leaves the others two, and a busy one works in parallel. Half the pool, as it was, made a big
 * centre's 8 agents queue for 5 connections while the pool had room: issue 12's "32 agents at once"
 * p95 went from 180 ms (half) to 137 ms (all but two) on these machines.
 */
export const centreShareOf = (poolMax: number, centreMax: number | undefined) =>
  Math.min(poolMax, centreMax ?? Math.max(1, poolMax - 2));

export function tenantSchemaName(tenantId: string): string {
  return `t_${tenantId.replace(/-/g, "")}`;
}

/** A schema-qualified handle on one centre's data. Keyed by the immutable tenant id, never the slug. */
export function tenantHandle(tenant: { id: string; schemaName: string; clusterId: string }): TenantHandle {
  const db = centreDb(tenant.id, tenant.schemaName, getPool(tenant.clusterId));
  let t = tablesBySchema.get(tenant.schemaName);
  if (!t) tablesBySchema.set(tenant.schemaName, (t = tenantTables(tenant.schemaName)));
  return { tenantId: tenant.id, schema: tenant.schemaName, db, t };
}

export function forgetTenantHandle(schemaName: string) {
  tablesBySchema.delete(schemaName);
}

/** How many centres have their table objects built (for tests and the benchmark). */
export const cachedCentres = () => tablesBySchema.size;

const builtForCentre = new WeakMap<TenantTables, Map<string, unknown>>();

/**
 * What is built once from a centre's table objects and then reused (statements, SQL text), under
 * `key`. It is kept with those objects, so it goes when the centre leaves the cache above.
 */
export function onceForCentre<V>(t: TenantTables, key: string, build: () => V): V {
  let built = builtForCentre.get(t);
  if (!built) builtForCentre.set(t, (built = new Map()));
  if (!built.has(key)) built.set(key, build());
  return built.get(key) as V;
}

type ByIdQuery = { execute: (params: { id: unknown }) => Promise<unknown[]> };

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
  const query = onceForCentre(handle.t, `byId\0${schema}.${name}`, () => {
    const pk = columns.find((c) => c.primary);
    if (!pk) throw new Error(`${schema}.${name} has no single-column primary key`);
    return handle.db
      .select()
      .from(table as PgTable)
      .where(eq(pk, sql.placeholder("id")))
      .limit(1)
      .prepare("") as unknown as ByIdQuery;
  });
  const [row] = await query.execute({ id });
  return row as T["$inferSelect"] | undefined;
}
