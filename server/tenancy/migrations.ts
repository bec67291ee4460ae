import { eq, sql } from "drizzle-orm";
import { loadMigrations, migrateSchema, MIGRATIONS_DIR, type Migration } from "@/db/migrate";
import { c, controlDb } from "@/server/db/control";
import { ensureExtensions } from "@/server/db/extensions";
import { getPool } from "@/server/db/pool";
import { AppError } from "@/server/errors";
import type { Tenant } from "./registry";
import { invalidateTenant } from "./registry";

let tenantMigrations: Migration[] | undefined;
export const codeTenantMigrations = () => (tenantMigrations ??= loadMigrations(MIGRATIONS_DIR.tenant));

/** Brings the control schema up to date and makes sure the default cluster is registered. */
export async function migrateControl() {
  await ensureExtensions(getPool("default"));
  const client = await getPool("default").connect();
  try {
    const result = await migrateSchema(client, "control", loadMigrations(MIGRATIONS_DIR.control), "control");
    await client.query(
      `INSERT INTO control.clusters (id, url_env, description) VALUES ('default', 'DATABASE_URL', 'primary cluster')
       ON CONFLICT (id) DO NOTHING`,
    );
    return result;
  } finally {
    client.release();
  }
}

/**
 * Migrates one centre's schema in its own transaction, then records the outcome in control.
 * On failure the schema is unchanged, its version stays behind, and the centre shows maintenance.
 */
export async function migrateTenant(tenant: Tenant, migrations: Migration[] = codeTenantMigrations()) {
  const db = controlDb();
  await db
    .insert(c.tenantMigrations)
    .values({ tenantId: tenant.id, state: "running", version: tenant.schemaVersion })
    .onConflictDoUpdate({
      target: c.tenantMigrations.tenantId,
      set: { state: "running", startedAt: sql`now()`, finishedAt: null, lastError: null },
    });
  try {
    // The schema's client is released before control is written: with a single-connection pool
    // (the embedded database) holding it would deadlock.
    await ensureExtensions(getPool(tenant.clusterId));
    const client = await getPool(tenant.clusterId).connect();
    const result = await migrateSchema(client, tenant.schemaName, migrations).finally(() => client.release());
    await db.transaction(async (tx) => {
      await tx
        .update(c.tenants)
        .set({ schemaVersion: result.version, updatedAt: sql`now()` })
        .where(eq(c.tenants.id, tenant.id));
      await tx
        .update(c.tenantMigrations)
        .set({ state: "ok", version: result.version, finishedAt: sql`now()` })
        .where(eq(c.tenantMigrations.tenantId, tenant.id));
    });
    return result;
  } catch (e) {
    const message = (e as Error).message;
    await db
      .update(c.tenantMigrations)
      .set({ state: "failed", lastError: message, finishedAt: sql`now()` })
      .where(eq(c.tenantMigrations.tenantId, tenant.id));
    throw new AppError("MIGRATION_FAILED", { slug: tenant.slug }, message);
  } finally {
    invalidateTenant(tenant.slug);
  }
}
