import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { tenantTables, type TenantTables } from "@/db/tenant/tables";
import { getPool } from "@/server/db/pool";

export type TenantDb = NodePgDatabase;
export interface TenantHandle {
  tenantId: string;
  schema: string;
  db: TenantDb;
  t: TenantTables;
}

// Table objects are the only per-tenant state; the drizzle instance is shared per cluster pool.
const tablesBySchema = new Map<string, TenantTables>();
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
