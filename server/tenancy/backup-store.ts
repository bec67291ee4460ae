import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { projectPath } from "@/lib/project-path";
import { env } from "@/server/env";
import { BACKUP_SUFFIX, exportTenant } from "./backup";
import type { Tenant } from "./registry";

/** The folder of one centre's backups: by its immutable id, so a renamed slug keeps its history. */
export const backupDirOf = (tenantId: string) => path.join(projectPath(env().BACKUP_DIR), tenantId);

export interface StoredBackup {
  name: string;
  bytes: number;
  sha256: string;
  createdAt: Date;
}

const NAME = new RegExp(`^[a-z0-9-]+-\\d{8}-\\d{6}${BACKUP_SUFFIX.replace(/\./g, "\\.")}$`);

/** A backup's path, or null for a name that is not one of ours (never a path outside the centre's folder). */
export function storedBackupPath(tenantId: string, name: string): string | null {
  return NAME.test(name) ? path.join(backupDirOf(tenantId), name) : null;
}

/** One centre's backups, newest first, with size and checksum (from the `.sha256` beside each). */
export async function listBackups(tenantId: string): Promise<StoredBackup[]> {
  const dir = backupDirOf(tenantId);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: StoredBackup[] = [];
  for (const name of names.filter((n) => NAME.test(n))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info) continue;
    const sum = await readFile(`${file}.sha256`, "utf8").catch(() => "");
    out.push({ name, bytes: info.size, sha256: sum.split(/\s/)[0] ?? "", createdAt: info.mtime });
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Writes a backup of the centre into its folder. */
export const backUp = (tenant: Pick<Tenant, "id" | "slug">) =>
  exportTenant(tenant.slug, { dir: backupDirOf(tenant.id) });

/** Removes the centre's backups older than `days` days (the newest one always stays). */
export async function pruneBackups(tenantId: string, days: number, now = new Date()) {
  const [, ...older] = await listBackups(tenantId);
  const limit = now.getTime() - days * 24 * 3600 * 1000;
  const removed: string[] = [];
  for (const b of older.filter((b) => b.createdAt.getTime() < limit)) {
    const file = path.join(backupDirOf(tenantId), b.name);
    await rm(file, { force: true });
    await rm(`${file}.sha256`, { force: true });
    removed.push(b.name);
  }
  return removed;
}
