import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { rowChange, systemActor, writeAudit } from "@/server/audit";
import { defineJob } from "@/server/jobs/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { documentStorage } from "../storage";
import { ConversionError, pdfConverter } from "./converter";

const actor = systemActor("documents.pdf");

/**
 * Makes a printed document's PDF with the warm converter and keeps it beside the Word file. A
 * document LibreOffice cannot read, or one it hangs on, is marked "failed" (the Word file stays
 * offered); nothing is kept of a PDF whose excerpt went meanwhile.
 */
export async function convertExcerpt(handle: TenantHandle, excerptId: number): Promise<void> {
  const { db, t, tenantId } = handle;
  const [row] = await db
    .select({ key: t.excerpts.storageKey, state: t.excerpts.pdfState })
    .from(t.excerpts)
    .where(eq(t.excerpts.id, excerptId));
  if (!row || row.state !== "pending") return;
  const storage = documentStorage();
  const docx = await buffer((await storage.get(tenantId, row.key)).stream);
  let pdf: Buffer | null = null;
  try {
    pdf = await pdfConverter().convert(docx);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
  }
  const key = pdf ? storage.newKey() : null;
  const size = pdf && key ? (await storage.put(tenantId, key, Readable.from([pdf]))).size : null;
  const state = pdf ? "ready" : "failed";
  const saved = await db.transaction(async (tx) => {
    const done = await tx
      .update(t.excerpts)
      .set({ pdfState: state, pdfStorageKey: key, pdfFileSize: size })
      .where(and(eq(t.excerpts.id, excerptId), eq(t.excerpts.pdfState, "pending")))
      .returning({ id: t.excerpts.id });
    if (done.length)
      await writeAudit(
        tx,
        t,
        actor,
        rowChange("documents.mine", "pdf", excerptId, { pdf: { from: "pending", to: state } }),
      );
    return done.length > 0;
  });
  if (!saved && key) await storage.delete(tenantId, key);
}

/** A printed document's PDF, made in the background (the print itself answers at once with the Word file). */
export const convertExcerptJob = defineJob({
  name: "documents.pdf",
  label: "documents.pdfJob",
  payload: z.object({ excerptId: z.number().int().positive() }),
  retry: { limit: 2, delaySeconds: 5 },
  run: (handle, { excerptId }) => convertExcerpt(handle, excerptId),
});
