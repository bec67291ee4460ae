import { eq, sql } from "drizzle-orm";
import { writeAudit, rowChange } from "@/server/audit";
import { AppError } from "@/server/errors";
import { documentStorage } from "../storage";
import type { DavGrant } from "./tokens";

/** The largest document an office program may save (a letter with a few scanned pages fits easily). */
export const SAVE_MAX_BYTES = 50 * 1024 * 1024;

async function* limited(body: AsyncIterable<Uint8Array>, max: number) {
  let size = 0;
  for await (const piece of body) {
    size += piece.length;
    if (size > max) throw new AppError("INVALID_INPUT", { messageKey: "documents.dav.tooLarge" });
    yield piece;
  }
}

/**
 * A save from the office program: the new file becomes the document and a numbered version (the
 * print itself becoming version 1 on the first save), earlier versions stay, and the change is audited under the link's user, all in one transaction.
 * The new file is stored first; if the transaction fails it is removed again, so the document
 * stays as it was.
 */
export async function saveNewVersion(grant: DavGrant, body: AsyncIterable<Uint8Array>): Promise<void> {
  const storage = documentStorage();
  const key = storage.newKey();
  const { size } = await storage.put(grant.tenantId, key, limited(body, SAVE_MAX_BYTES));
  const { db, t } = grant.handle;
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select({
          storageKey: t.excerpts.storageKey,
          fileSize: t.excerpts.fileSize,
          userId: t.excerpts.userId,
          buildTime: t.excerpts.buildTime,
        })
        .from(t.excerpts)
        .where(eq(t.excerpts.id, grant.excerptId))
        .for("update");
      if (!current) throw new AppError("NOT_FOUND");
      const [{ kept } = { kept: 0 }] = await tx
        .select({ kept: sql<number>`count(*)::int` })
        .from(t.excerptVersions)
        .where(eq(t.excerptVersions.excerptId, grant.excerptId));
      const now = new Date();
      // Every state is a version with its author: the print itself (its printer's) on the first save, then each save.
      const first = {
        excerptId: grant.excerptId,
        number: 1,
        storageKey: current.storageKey,
        fileSize: current.fileSize,
        userId: current.userId,
        madeAt: current.buildTime,
      };
      const saved = {
        excerptId: grant.excerptId,
        number: Math.max(kept, 1) + 1,
        storageKey: key,
        fileSize: size,
        userId: grant.user.id,
        madeAt: now,
      };
      await tx.insert(t.excerptVersions).values(kept === 0 ? [first, saved] : [saved]);
      await tx
        .update(t.excerpts)
        .set({ storageKey: key, fileSize: size, buildTime: now, version: sql`${t.excerpts.version} + 1` })
        .where(eq(t.excerpts.id, grant.excerptId));
      await writeAudit(
        tx,
        t,
        { actor: `user:${grant.user.id}`, actingFor: null },
        rowChange("documents.mine", "update", grant.excerptId, {
          fileSize: { from: current.fileSize, to: size },
          version: { from: saved.number - 1, to: saved.number },
        }),
      );
    });
  } catch (e) {
    await storage.delete(grant.tenantId, key);
    throw e;
  }
}
