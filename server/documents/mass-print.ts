import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, inArray, sql } from "drizzle-orm";
import PizZip from "pizzip";
import { pickLocalized } from "@/lib/format";
import { actorOf, created, rowChange, systemActor, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { defineJob } from "@/server/jobs/define";
import { enqueue } from "@/server/jobs/queue";
import { anyOf } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { inScope } from "@/server/resources/service";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { z } from "zod";
import { documentLanguage, type DocumentLanguage } from "./language";
import { joinIntoOnePdf } from "./pdf/mass";
import { pdfAvailable, pdfConverter } from "./pdf/converter";
import { centreIdentityOf, centreOf, renderClientDocument, type Centre } from "./print";
import { documentStorage } from "./storage";
import type { TemplateName } from "./templates";

/** The key of the grid's "Print selection" button, declared by a resource in `selection` with its `contentType`. */
export const PRINT_SELECTION = "printSelection";
/** The most rows one mass print takes (the bench prints 500 certificates in one). */
export const MASS_PRINT_MAX = 500;

const actor = systemActor("documents.massPrint");

/** The content type (documents.types) a resource's "Print selection" prints its rows as, when the user may use it. */
function selectionContentType(ctx: ResourceCtx, resource: string): string {
  const def = ctx.registry.resources.get(resource);
  const button = def?.selection?.find((b) => b.key === PRINT_SELECTION);
  const contentType = button?.params?.contentType;
  if (!def || !button || !contentType || !anyOf(ctx.user, def.access.view) || !anyOf(ctx.user, button.roles))
    throw new AppError("FORBIDDEN");
  return contentType;
}

/** The document types a list's selection may be printed with: its content type's, except certifying ones. */
export async function selectionTypes(ctx: ResourceCtx, resource: string) {
  const contentType = selectionContentType(ctx, resource);
  const t = ctx.handle.t;
  const rows = await ctx.handle.db
    .select({ id: t.excerptTypes.id, names: t.excerptTypes.names, isPrimary: t.excerptTypes.isPrimary })
    .from(t.excerptTypes)
    .where(and(eq(t.excerptTypes.contentType, contentType), eq(t.excerptTypes.certifying, false)));
  return rows
    .map((r) => ({ id: r.id, name: pickLocalized(r.names, ctx.locale), isPrimary: r.isPrimary }))
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name, ctx.locale));
}

/**
 * "Print selection": records a mass print of the rows the user ticked and may see, audited, and
 * queues the job that makes its file. Certifying types are not mass printed: each of their prints
 * is one excerpt that locks its record's fields (§14.1), printed from the record itself.
 */
export async function startMassPrint(
  ctx: ResourceCtx,
  input: { resource: string; typeId: number; ids: number[] },
): Promise<{ id: number }> {
  const contentType = selectionContentType(ctx, input.resource);
  const { db, t } = ctx.handle;
  const [type] = await db
    .select({ id: t.excerptTypes.id, certifying: t.excerptTypes.certifying })
    .from(t.excerptTypes)
    .where(and(eq(t.excerptTypes.id, input.typeId), eq(t.excerptTypes.contentType, contentType)));
  if (!type) throw new AppError("INVALID_INPUT", { field: "type", messageKey: "documents.massPrint.wrongType" });
  if (type.certifying)
    throw new AppError("INVALID_INPUT", { field: "type", messageKey: "documents.massPrint.certifying" });
  const def = ctx.registry.resources.get(input.resource)!;
  const visible: number[] = [];
  for (const id of new Set(input.ids)) if (await inScope(ctx, def, id)) visible.push(id);
  // Rows the user may not see are left out as if they did not exist; none at all is nothing to print.
  if (visible.length === 0) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx) => {
    const row = {
      userId: ctx.user.id,
      typeId: type.id,
      resource: input.resource,
      rowIds: visible,
      total: visible.length,
      format: pdfAvailable() ? "pdf" : "zip",
    };
    const [saved] = await tx.insert(t.massPrints).values(row).returning({ id: t.massPrints.id });
    await writeAudit(tx, t, actorOf(ctx.user), rowChange("documents.massPrints", "create", saved!.id, created(row)));
    await enqueue(ctx.handle, massPrintJob, { massPrintId: saved!.id }, { tx });
    return { id: saved!.id };
  });
}

/** The file's name, in the reader's language ("impressions-12.pdf"). */
export const massFileName = (id: number, format: string, locale: Locale) =>
  `${translatorFor(locale)("documents.massPrint.fileName")}-${id}.${format}`;

/** Where a mass print stands, for the user who started it (the grid asks every second until it ends). */
export async function massPrintState(ctx: ResourceCtx, id: number) {
  const t = ctx.handle.t;
  const [row] = await ctx.handle.db
    .select({
      state: t.massPrints.state,
      done: t.massPrints.done,
      total: t.massPrints.total,
      format: t.massPrints.format,
    })
    .from(t.massPrints)
    .where(and(eq(t.massPrints.id, id), eq(t.massPrints.userId, ctx.user.id)));
  if (!row) throw new AppError("NOT_FOUND");
  const fileName = massFileName(id, row.format, ctx.locale);
  return {
    state: row.state as "pending" | "running" | "ready" | "failed",
    done: row.done,
    total: row.total,
    format: row.format as "pdf" | "zip",
    ...(row.state === "ready" ? { href: `/api/documents/mass/${id}/${encodeURIComponent(fileName)}`, fileName } : {}),
  };
}

/** The documents of a mass print, one at a time, each in its record's language (§14.2); gone records are skipped. */
async function* clientDocuments(
  handle: TenantHandle,
  userId: number,
  typeId: number,
  ids: number[],
  centre: Centre,
  onNext: (done: number) => Promise<void>,
): AsyncGenerator<{ id: number; docx: Buffer; template: TemplateName; language: DocumentLanguage }> {
  const t = handle.t;
  const [type] = await handle.db
    .select({
      names: t.excerptTypes.names,
      template: t.excerptTypes.template,
      printRecipient: t.excerptTypes.printRecipient,
    })
    .from(t.excerptTypes)
    .where(eq(t.excerptTypes.id, typeId));
  if (!type) return;
  const template = type.template as TemplateName;
  const languages = new Map(
    (
      await handle.db
        .select({ id: t.partners.id, language: t.partners.language })
        .from(t.partners)
        .where(inArray(t.partners.id, ids))
    ).map((r) => [r.id, r.language]),
  );
  for (const [done, id] of ids.entries()) {
    await onNext(done);
    const owner = languages.get(id);
    if (owner === undefined) continue;
    const language = documentLanguage({ owner, centre: centre.defaultLocale });
    const docx = await renderClientDocument(handle.db, { handle, user: { id: userId } }, id, language, {
      excerptId: null,
      typeName: pickLocalized(type.names, language),
      printRecipient: type.printRecipient,
      centre,
      template,
    });
    yield { id, docx, template, language };
  }
}

/**
 * Makes a mass print's file: the documents converted one after the other by the warm converter
 * and joined into one PDF (memory does not grow with the count), or, where the server cannot make
 * PDFs, the Word files in one zip. Progress is written after each document; the end is audited.
 */
export async function runMassPrint(handle: TenantHandle, massPrintId: number): Promise<void> {
  const { db, t, tenantId } = handle;
  const [row] = await db.select().from(t.massPrints).where(eq(t.massPrints.id, massPrintId));
  if (!row || (row.state !== "pending" && row.state !== "running")) return;
  await db.update(t.massPrints).set({ state: "running", done: 0 }).where(eq(t.massPrints.id, massPrintId));
  const centre = await centreOf(db, handle, await centreIdentityOf(handle));
  const progress = (done: number) =>
    db
      .update(t.massPrints)
      .set({ done })
      .where(eq(t.massPrints.id, massPrintId))
      .then(() => undefined);
  const documents = clientDocuments(handle, row.userId, row.typeId, row.rowIds, centre, progress);
  const storage = documentStorage();
  const key = storage.newKey();
  let size: number | null = null;
  try {
    if (row.format === "pdf") {
      const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-mass-print-"));
      try {
        const target = path.join(dir, "all.pdf");
        const docs = (async function* () {
          for await (const d of documents) yield d.docx;
        })();
        const { count } = await joinIntoOnePdf(pdfConverter(), docs, target);
        if (count > 0 && (await stat(target)).size > 0)
          size = (await storage.put(tenantId, key, createReadStream(target))).size;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } else {
      const zip = new PizZip();
      for await (const d of documents) {
        const name = translatorFor(d.language)(`documents.fileNames.${d.template}`);
        zip.file(`${String(d.id).padStart(6, "0")}-${name}-${d.id}.docx`, d.docx);
      }
      const file = zip.generate({ type: "nodebuffer", compression: "DEFLATE" });
      size = (await storage.put(tenantId, key, Readable.from([file]))).size;
    }
  } catch (e) {
    await finish(handle, massPrintId, "failed", null, null);
    throw e;
  }
  await finish(handle, massPrintId, size === null ? "failed" : "ready", size === null ? null : key, size);
}

async function finish(
  handle: TenantHandle,
  id: number,
  state: "ready" | "failed",
  key: string | null,
  size: number | null,
) {
  const { db, t } = handle;
  await db.transaction(async (tx) => {
    await tx
      .update(t.massPrints)
      .set({
        state,
        storageKey: key,
        fileSize: size,
        finishedAt: sql`now()`,
        ...(state === "ready" ? { done: sql`${t.massPrints.total}` } : {}),
      })
      .where(eq(t.massPrints.id, id));
    await writeAudit(
      tx,
      t,
      actor,
      rowChange("documents.massPrints", "update", id, { state: { from: "running", to: state } }),
    );
  });
}

/** A mass print's file, made in the background while the grid shows its progress. */
export const massPrintJob = defineJob({
  name: "documents.massPrint",
  label: "documents.massPrint.job",
  payload: z.object({ massPrintId: z.number().int().positive() }),
  retry: { limit: 0, delaySeconds: 5 },
  run: (handle, { massPrintId }) => runMassPrint(handle, massPrintId),
});
