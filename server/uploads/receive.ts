import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/server/errors";
import { assertCan } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { createRow } from "@/server/resources/service";
import { judgeFile, sanitizeFileName, SNIFF_BYTES } from "./rules/files";
import { uploadsResource } from "./resources";
import { reclaimer } from "./reclaim";
import { uploadStorage } from "./storage";

const MEGABYTE = 1024 * 1024;

/** The largest file the centre accepts, in bytes (its administrators' setting). */
export async function uploadLimitOf(ctx: Pick<ResourceCtx, "handle">): Promise<number> {
  const t = ctx.handle.t;
  const [row] = await ctx.handle.db
    .select({ mb: t.siteSettings.uploadMaxMegabytes })
    .from(t.siteSettings)
    .where(eq(t.siteSettings.id, 1));
  return (row?.mb ?? 50) * MEGABYTE;
}

/** A file as it arrives: the name and type the user's computer gave it, and its bytes as they come. */
export interface IncomingFile {
  name: string;
  declaredType: string | null;
  body: AsyncIterable<Uint8Array>;
}

/** The body as it arrives; if it stops short (the client went away, the connection broke), the upload is refused. */
async function* arriving(body: AsyncIterable<Uint8Array>) {
  try {
    for await (const chunk of body) yield chunk;
  } catch {
    throw new AppError("UPLOAD_INTERRUPTED");
  }
}

/** Refuses the body as soon as it passes `max` bytes, without reading further. */
async function* limited(body: AsyncIterable<Uint8Array>, max: number) {
  let total = 0;
  const received = reclaimer();
  for await (const chunk of arriving(body)) {
    total += chunk.byteLength;
    received(chunk.byteLength);
    if (total > max) throw new AppError("UPLOAD_TOO_LARGE", { max: Math.floor(max / MEGABYTE) });
    yield chunk;
  }
  if (total === 0) throw new AppError("UPLOAD_EMPTY");
}

/**
 * Holds back the first bytes until the content's type is known, has `judge` decide on them, then
 * passes everything through: a refused file stops here, before most of it is written.
 */
async function* sniffed(body: AsyncIterable<Uint8Array>, judge: (head: Uint8Array) => Promise<void>) {
  const head: Uint8Array[] = [];
  let held = 0;
  let judged = false;
  for await (const chunk of body) {
    if (judged) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    held += chunk.byteLength;
    if (held < SNIFF_BYTES) continue;
    const start = Buffer.concat(head);
    await judge(start);
    judged = true;
    yield start;
  }
  if (!judged) {
    const start = Buffer.concat(head);
    await judge(start);
    yield start;
  }
}

/**
 * A scanned document arrives (the upload route): the user may create uploads; the file is streamed
 * into the centre's storage in constant memory, refused beyond the centre's limit or when its
 * content is not a document the centre accepts or is not what its name says; then the row is
 * created with the file's columns (validated, audited, its expiry reminder set). If anything fails
 * after the file was stored, the file goes again: an upload is a row and its file, or nothing.
 */
export async function receiveUpload(
  ctx: ResourceCtx,
  values: Record<string, unknown>,
  file: IncomingFile,
  confirmed = false,
): Promise<{ id: number }> {
  assertCan(uploadsResource, "create", ctx.user);
  const fileName = sanitizeFileName(file.name);
  const max = await uploadLimitOf(ctx);
  let mimeType = "";
  const judge = async (head: Uint8Array) => {
    const verdict = judgeFile(fileName, file.declaredType, await fileTypeFromBuffer(head).catch(() => undefined));
    if (!verdict.ok)
      throw new AppError(
        verdict.code,
        verdict.code === "UPLOAD_TYPE_MISMATCH" ? { actual: verdict.actual, declared: verdict.declared } : {},
      );
    mimeType = verdict.mimeType;
  };
  const storage = uploadStorage();
  const centre = ctx.handle.tenantId;
  const key = storage.newKey();
  const { size } = await storage.put(centre, key, sniffed(limited(file.body, max), judge));
  try {
    const { id } = await createRow(ctx, uploadsResource, values, confirmed, {
      storageKey: key,
      fileName,
      mimeType,
      fileSize: size,
      // The person at the keyboard uploaded it, also while acting for a colleague (domain-people §1.5).
      userId: ctx.user.realUser?.id ?? ctx.user.id,
    });
    return { id: Number(id) };
  } catch (e) {
    await storage.delete(centre, key);
    throw e;
  }
}
