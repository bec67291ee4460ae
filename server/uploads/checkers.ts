import { eq } from "drizzle-orm";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { defineChecker, type Handle, type Problem } from "@/server/checks/define";
import { uploadStorage } from "./storage";

/**
 * The uploads' data checkers (domain-people §13, §18): an upload whose file is gone from the
 * storage, and files in the centre's folder that no upload names.
 */

/** A file younger than this may be an upload whose row is being saved right now: never an orphan yet. */
const ORPHAN_AFTER_MS = 60 * 60 * 1000;

/** "Upload files missing": the upload's row is there, its file is not (restored from a backup without files…). */
export const missingFileChecker = defineChecker({
  id: "uploadFileMissing",
  label: "checks.checkers.uploadFileMissing",
  ownerType: "partner",
  forClients: true,
  find: async ({ db, t, tenantId }: Handle, ownerId) => {
    const rows = await db
      .select({
        id: t.uploads.id,
        key: t.uploads.storageKey,
        fileName: t.uploads.fileName,
        clientId: t.uploads.clientId,
        userId: t.uploads.userId,
      })
      .from(t.uploads)
      .where(ownerId === undefined ? undefined : eq(t.uploads.clientId, ownerId))
      .orderBy(t.uploads.id);
    const storage = uploadStorage();
    const problems: Problem[] = [];
    for (const r of rows) {
      if (await storage.exists(tenantId, r.key)) continue;
      problems.push({
        ownerId: r.clientId,
        messageKey: "checks.uploads.fileMissing",
        params: { id: r.id, name: r.fileName },
        responsibleUserId: r.userId,
      });
    }
    return problems;
  },
});

/** Files of the centre's folder that no upload names, older than an hour (a save may be under way). */
async function orphanFiles({ db, t, tenantId }: Handle, now = Date.now()) {
  const known = new Set((await db.select({ key: t.uploads.storageKey }).from(t.uploads)).map((r) => r.key));
  const orphans = [];
  for await (const file of uploadStorage().list(tenantId))
    if (!known.has(file.key) && now - file.modifiedAt.getTime() > ORPHAN_AFTER_MS) orphans.push(file);
  return orphans;
}

/** "Orphaned upload files": fixable, the fix removes them (the centre's administrators run it). */
export const orphanFileChecker = defineChecker({
  id: "uploadOrphanFiles",
  label: "checks.checkers.uploadOrphanFiles",
  ownerType: "centre",
  forClients: false,
  find: async (handle) =>
    (await orphanFiles(handle)).map((f) => ({
      ownerId: 0,
      messageKey: "checks.uploads.orphanFile",
      params: { key: f.key, size: f.size },
      responsibleUserId: null,
      fixable: true,
    })),
  fix: async (tx, ctx) => {
    const orphans = await orphanFiles({ db: tx, t: ctx.handle.t, tenantId: ctx.handle.tenantId });
    for (const f of orphans) await uploadStorage().delete(ctx.handle.tenantId, f.key);
    await writeAudit(
      tx,
      ctx.handle.t,
      actorOf(ctx.user),
      rowChange("uploads.uploads", "removeOrphanFiles", 0, {
        files: { from: orphans.map((f) => f.key), to: null },
      }),
    );
  },
});
