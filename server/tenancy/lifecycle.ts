import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { seedTenant } from "@/db/seed";
import type { LocalizedText, OptionalTexts } from "@/db/control/schema";
import { c, controlDb } from "@/server/db/control";
import { getPool } from "@/server/db/pool";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { exportSchema } from "./export";
import { migrateTenant } from "./migrations";
import { findTenantBySlug, invalidateTenant, type Tenant } from "./registry";
import { validateSlug } from "./slug";
import { forgetTenantHandle, tenantHandle, tenantSchemaName } from "./tenant-db";

export const LOCALES = ["fr", "nl", "de", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type TenantKind = Tenant["kind"];

/** Who did it, for the control audit: `operator:<email>` or `cli:<os user>`. */
export type Actor = string;
export type Progress = (step: string) => void;
const quiet: Progress = () => undefined;

export interface CreateTenantInput {
  slug: string;
  names: LocalizedText;
  /** The home page's greeting per language, as the centre writes it (see server/settings/greetings.ts). */
  greetings?: OptionalTexts;
  defaultLocale: Locale;
  kind?: TenantKind;
  clusterId?: string;
}

async function audit(actor: Actor, action: string, tenant: Pick<Tenant, "id" | "slug"> | null, details = {}) {
  await controlDb()
    .insert(c.controlAudit)
    .values({ actor, action, tenantId: tenant?.id, tenantSlug: tenant?.slug, details });
}

function getOrThrow(tenant: Tenant | null, slug: string): Tenant {
  if (!tenant) throw new AppError("TENANT_NOT_FOUND", { slug });
  return tenant;
}

export async function getTenant(slug: string): Promise<Tenant> {
  invalidateTenant(slug);
  return getOrThrow(await findTenantBySlug(slug), slug);
}

/**
 * Creates a centre: control row and domain, schema migrated, reference data seeded, then active.
 * Idempotent (an active centre with that slug is returned as is) and resumable: a creation that
 * crashed stays `provisioning`, and running it again finishes the remaining steps.
 */
export async function createTenant(input: CreateTenantInput, actor: Actor, progress: Progress = quiet) {
  const slug = validateSlug(input.slug);
  const names = { ...input.names, fr: input.names.fr.trim() };
  if (!names.fr) throw new AppError("INVALID_INPUT", { field: "names.fr" });
  const db = controlDb();

  let tenant = await findTenantBySlug(slug);
  if (tenant && tenant.status !== "provisioning") {
    if (tenant.status !== "active") throw new AppError("TENANT_STATE_CONFLICT", { slug, status: tenant.status });
    progress(`${slug} already exists`);
    return { tenant, created: false };
  }
  if (!tenant) {
    progress(`registering ${slug}`);
    const id = randomUUID();
    const inserted = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(c.tenants)
        .values({
          id,
          slug,
          names,
          greetings: input.greetings ?? {},
          defaultLocale: input.defaultLocale,
          kind: input.kind ?? "production",
          clusterId: input.clusterId ?? "default",
          schemaName: tenantSchemaName(id),
          status: "provisioning",
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return null;
      await tx
        .insert(c.domains)
        .values({ host: `${slug}.${env().BASE_DOMAIN}`, tenantId: id })
        .onConflictDoNothing();
      await tx
        .insert(c.controlAudit)
        .values({ actor, action: "tenant.create", tenantId: id, tenantSlug: slug, details: { kind: row.kind } });
      return row;
    });
    // Another creator won the race for this slug: carry on with its row.
    tenant = inserted ?? getOrThrow(await findTenantBySlug(slug), slug);
  } else {
    progress(`resuming the creation of ${slug}`);
  }

  progress(`migrating schema ${tenant.schemaName}`);
  await migrateTenant(tenant);
  progress("seeding reference data");
  await seedTenant(tenantHandle(tenant), tenant);
  const [active] = await db.transaction(async (tx) => {
    await tx.insert(c.controlAudit).values({ actor, action: "tenant.activate", tenantId: tenant.id, tenantSlug: slug });
    return tx
      .update(c.tenants)
      .set({ status: "active", updatedAt: sql`now()` })
      .where(eq(c.tenants.id, tenant.id))
      .returning();
  });
  invalidateTenant(slug);
  progress(`${slug} is active`);
  return { tenant: active!, created: true };
}

async function setStatus(slug: string, from: Tenant["status"][], to: Tenant["status"], actor: Actor, action: string) {
  const tenant = await getTenant(slug);
  if (!from.includes(tenant.status)) throw new AppError("TENANT_STATE_CONFLICT", { slug, status: tenant.status });
  const [row] = await controlDb().transaction(async (tx) => {
    await tx
      .insert(c.controlAudit)
      .values({ actor, action, tenantId: tenant.id, tenantSlug: slug, details: { from: tenant.status } });
    return (
      tx
        .update(c.tenants)
        // Suspension and deletion end every open session of the centre at once.
        .set({
          status: to,
          updatedAt: sql`now()`,
          sessionEpoch: to === "active" ? tenant.sessionEpoch : tenant.sessionEpoch + 1,
        })
        .where(eq(c.tenants.id, tenant.id))
        .returning()
    );
  });
  invalidateTenant(slug);
  return row!;
}

export const suspendTenant = (slug: string, actor: Actor) =>
  setStatus(slug, ["active"], "suspended", actor, "tenant.suspend");
export const resumeTenant = (slug: string, actor: Actor) =>
  setStatus(slug, ["suspended"], "active", actor, "tenant.resume");

async function dropSchema(tenant: Tenant) {
  await getPool(tenant.clusterId).query(`DROP SCHEMA IF EXISTS "${tenant.schemaName}" CASCADE`);
  forgetTenantHandle(tenant.schemaName);
}

/** Training and demo centres only: drop everything and start again from migrations and seed data. */
export async function resetTenant(slug: string, actor: Actor, progress: Progress = quiet) {
  const tenant = await getTenant(slug);
  if (tenant.kind === "production") throw new AppError("TENANT_KIND_NOT_RESETTABLE", { slug });
  await setStatus(slug, ["active", "suspended", "provisioning"], "provisioning", actor, "tenant.reset");
  progress(`dropping schema ${tenant.schemaName}`);
  await dropSchema(tenant);
  await controlDb().update(c.tenants).set({ schemaVersion: 0 }).where(eq(c.tenants.id, tenant.id));
  invalidateTenant(slug);
  return createTenant(
    { slug, names: tenant.names, defaultLocale: tenant.defaultLocale as Locale, kind: tenant.kind },
    actor,
    progress,
  );
}

/** Suspends the centre, exports its schema to a file, then drops the schema and the control rows. */
export async function deleteTenant(slug: string, actor: Actor, progress: Progress = quiet) {
  let tenant = await getTenant(slug);
  if (tenant.status !== "deleting")
    tenant = await setStatus(slug, ["active", "suspended", "provisioning"], "deleting", actor, "tenant.delete");
  progress(`exporting schema ${tenant.schemaName}`);
  const exported = await exportSchema(tenant, env().EXPORT_DIR);
  progress(`exported to ${exported.file} (${exported.format})`);
  await dropSchema(tenant);
  await controlDb().transaction(async (tx) => {
    await tx
      .insert(c.controlAudit)
      .values({ actor, action: "tenant.drop", tenantId: tenant.id, tenantSlug: slug, details: { ...exported } });
    await tx.delete(c.tenants).where(eq(c.tenants.id, tenant.id));
  });
  invalidateTenant(slug);
  progress(`${slug} deleted`);
  return exported;
}

export async function listTenants() {
  return controlDb()
    .select({
      id: c.tenants.id,
      slug: c.tenants.slug,
      names: c.tenants.names,
      kind: c.tenants.kind,
      status: c.tenants.status,
      defaultLocale: c.tenants.defaultLocale,
      schemaVersion: c.tenants.schemaVersion,
      clusterId: c.tenants.clusterId,
      movingTo: c.tenants.movingTo,
      createdAt: c.tenants.createdAt,
      migrationState: c.tenantMigrations.state,
      migrationError: c.tenantMigrations.lastError,
    })
    .from(c.tenants)
    .leftJoin(c.tenantMigrations, eq(c.tenantMigrations.tenantId, c.tenants.id))
    .orderBy(asc(c.tenants.slug));
}

/** Migrates one centre, audited. */
export async function migrateOne(slug: string, actor: Actor) {
  const tenant = await getTenant(slug);
  const result = await migrateTenant(tenant);
  await audit(actor, "tenant.migrate", tenant, { applied: result.applied, version: result.version });
  return result;
}

/** Migrates every centre, a few at a time; one failure does not stop the others. */
export async function migrateAll(actor: Actor, progress: Progress = quiet, concurrency = 4) {
  const all = await controlDb()
    .select()
    .from(c.tenants)
    .where(sql`${c.tenants.status} <> 'deleting'`)
    .orderBy(asc(c.tenants.slug));
  const failed: { slug: string; error: string }[] = [];
  let done = 0;
  const queue = [...all];
  async function worker() {
    for (let tenant = queue.shift(); tenant; tenant = queue.shift()) {
      try {
        const r = await migrateTenant(tenant);
        progress(
          `[${++done}/${all.length}] ${tenant.slug}: ${r.applied.length ? `applied ${r.applied.join(", ")}` : "up to date"} (v${r.version})`,
        );
      } catch (e) {
        failed.push({ slug: tenant.slug, error: (e as Error).message });
        progress(`[${++done}/${all.length}] ${tenant.slug}: FAILED ${(e as Error).message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, all.length) }, worker));
  await audit(actor, "tenants.migrate", null, { count: all.length, failed });
  return { total: all.length, failed };
}
