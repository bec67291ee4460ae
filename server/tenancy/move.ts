import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { and, desc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { c, controlDb } from "@/server/db/control";
import { ensureExtensions } from "@/server/db/extensions";
import { clusterUrl, getPool } from "@/server/db/pool";
import { AppError } from "@/server/errors";
import { exportTenant, loadSchema, migrationPlan, schemaFingerprint, verifyBackup } from "./backup";
import { getTenant, type Actor, type Progress } from "./lifecycle";
import { invalidateTenant } from "./registry";
import { forgetTenantHandle } from "./tenant-db";
import { TENANT_SCHEMA_VERSION } from "./version";

/**
 * How long a move waits, once the centre shows maintenance, before copying it: every app instance
 * keeps a centre's control row up to 5 s (server/tenancy/registry.ts), and a request begun before
 * must end. A write that still slips in is caught by the comparison before the switch.
 */
export const SETTLE_MS = 6_000;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Whether this instance has the cluster's connection string. */
const reachable = (clusterId: string) => {
  try {
    return !!clusterUrl(clusterId);
  } catch {
    return false;
  }
};

/**
 * Moves a centre to another PostgreSQL cluster: maintenance (its users see the maintenance page,
 * nothing is written), a backup, its import on the target, a comparison of every table on both
 * sides, the switch of its cluster in the control plane, served again; the old schema is dropped
 * only after the switch. Any failure before the switch removes the copy and serves the centre from
 * where it was.
 */
export async function moveTenant(
  slug: string,
  to: string,
  actor: Actor,
  opts: { progress?: Progress; settleMs?: number; onStarted?: () => void } = {},
) {
  const progress = opts.progress ?? (() => undefined);
  const tenant = await getTenant(slug);
  const [cluster] = await controlDb().select().from(c.clusters).where(eq(c.clusters.id, to));
  if (!cluster || !reachable(to) || tenant.clusterId === to)
    throw new AppError("CLUSTER_INVALID", { slug, cluster: to });
  if (tenant.status !== "active" && tenant.status !== "suspended")
    throw new AppError("TENANT_STATE_CONFLICT", { slug, status: tenant.status });
  if (tenant.movingTo || tenant.schemaVersion !== TENANT_SCHEMA_VERSION)
    throw new AppError("TENANT_STATE_CONFLICT", { slug, status: "maintenance" });

  const source = getPool(tenant.clusterId);
  const target = getPool(to);
  const started = Date.now();
  const setMoving = async (movingTo: string | null, action: string, details: Record<string, unknown> = {}) => {
    await controlDb().transaction(async (tx) => {
      // Only one move at a time: the start claims the centre, two operators clicking at once get one move.
      const claimed = await tx
        .update(c.tenants)
        .set({ movingTo, updatedAt: sql`now()` })
        .where(and(eq(c.tenants.id, tenant.id), movingTo ? isNull(c.tenants.movingTo) : sql`true`))
        .returning({ id: c.tenants.id });
      if (!claimed.length) throw new AppError("TENANT_STATE_CONFLICT", { slug, status: "maintenance" });
      await tx.insert(c.controlAudit).values({
        actor,
        action,
        tenantId: tenant.id,
        tenantSlug: slug,
        details: { from: tenant.clusterId, to, ...details },
      });
    });
    invalidateTenant(slug);
  };

  await setMoving(to, "tenant.move.start");
  opts.onStarted?.();
  progress(`${slug} shows maintenance; copying it to ${to}`);
  const dir = await mkdtemp(path.join(tmpdir(), "entraide-move-"));
  let copied = false;
  try {
    const settle = opts.settleMs ?? SETTLE_MS;
    if (settle) await new Promise((resolve) => setTimeout(resolve, settle));
    // Scanned documents stay where they are: every app instance reads the same UPLOADS_DIR.
    const exported = await exportTenant(slug, { dir, files: false });
    progress(`exported ${exported.rows} rows of ${exported.tables} tables (${exported.bytes} bytes)`);
    const plan = migrationPlan(await verifyBackup(exported.file));
    const { rowCount } = await target.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [tenant.schemaName]);
    if (rowCount) throw new AppError("BACKUP_CENTRE_EXISTS", { slug });
    await ensureExtensions(target);
    copied = true;
    await loadSchema(target, tenant.schemaName, exported.file, plan, progress);
    progress("comparing every table on both clusters");
    const [before, after] = [
      await schemaFingerprint(source, tenant.schemaName),
      await schemaFingerprint(target, tenant.schemaName),
    ];
    if (!isDeepStrictEqual(before, after)) throw new Error("the copy differs from the original");
    await controlDb().transaction(async (tx) => {
      await tx.insert(c.controlAudit).values({
        actor,
        action: "tenant.move",
        tenantId: tenant.id,
        tenantSlug: slug,
        details: { from: tenant.clusterId, to, rows: exported.rows, downtimeMs: Date.now() - started },
      });
      await tx
        .update(c.tenants)
        .set({ clusterId: to, movingTo: null, updatedAt: sql`now()` })
        .where(eq(c.tenants.id, tenant.id));
    });
    invalidateTenant(slug);
    forgetTenantHandle(tenant.schemaName);
  } catch (e) {
    progress(`move failed, ${slug} stays on ${tenant.clusterId}: ${(e as Error).message}`);
    if (copied) await target.query(`DROP SCHEMA IF EXISTS ${ident(tenant.schemaName)} CASCADE`).catch(() => undefined);
    await setMoving(null, "tenant.move.failed", { error: (e as Error).message });
    if (e instanceof AppError) throw e;
    throw new AppError("MOVE_FAILED", { slug, cluster: to }, (e as Error).message);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const downtimeMs = Date.now() - started;
  progress(`${slug} is served from ${to} (maintenance lasted ${(downtimeMs / 1000).toFixed(1)} s)`);
  // Only now that the centre is served from the target does its old copy go.
  await source.query(`DROP SCHEMA IF EXISTS ${ident(tenant.schemaName)} CASCADE`);
  progress(`dropped the old schema on ${tenant.clusterId}`);
  return { tenant: await getTenant(slug), downtimeMs };
}

/**
 * A move started from the console: the checks and the claim happen before this resolves (a refusal
 * comes back to the operator), the copy goes on in the background while the console shows the centre
 * "moving". Its end, or its failure and rollback, is in the control audit and the log.
 */
export function startMove(slug: string, to: string, actor: Actor, log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    let started = false;
    moveTenant(slug, to, actor, {
      onStarted: () => {
        started = true;
        resolve();
      },
      progress: (line) => log.info({ slug, to }, line),
    }).then(
      ({ downtimeMs }) => log.info({ slug, to, downtimeMs }, "centre moved"),
      (e: unknown) => (started ? log.error({ err: e, slug, to }, "centre move failed") : reject(e)),
    );
  });
}

/** The clusters a centre could be moved to: those the control plane lists and this instance can reach. */
export async function reachableClusters() {
  const rows = await controlDb().select().from(c.clusters).orderBy(c.clusters.id);
  return rows.filter((r) => reachable(r.id)).map((r) => ({ id: r.id, description: r.description }));
}

/** Each centre's latest move that failed and was not followed by another attempt: when, where to, why. */
export async function failedMoves(tenantIds: string[]) {
  if (!tenantIds.length) return new Map<string, { at: Date; to: string; error: string }>();
  const rows = await controlDb()
    .selectDistinctOn([c.controlAudit.tenantId], {
      tenantId: c.controlAudit.tenantId,
      action: c.controlAudit.action,
      at: c.controlAudit.at,
      details: c.controlAudit.details,
    })
    .from(c.controlAudit)
    .where(and(inArray(c.controlAudit.tenantId, tenantIds), like(c.controlAudit.action, "tenant.move%")))
    .orderBy(c.controlAudit.tenantId, desc(c.controlAudit.at), desc(c.controlAudit.id));
  return new Map(
    rows
      .filter((r) => r.action === "tenant.move.failed")
      .map((r) => [r.tenantId!, { at: r.at, to: String(r.details.to ?? ""), error: String(r.details.error ?? "") }]),
  );
}
