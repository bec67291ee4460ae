import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import type { SessionClaims } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { logOpening } from "@/server/resources/service";
import { downloadRequest, fileHeaders } from "@/server/uploads/routes";
import { maySeeOwner } from "./owners";
import { documentStorage } from "./storage";
import { massFileName } from "./mass-print";
import { clientExcerptsResource, DOCX, myExcerptsResource, pdfNameOf } from "./resources";

/**
 * `GET /api/documents/<id>[/<name>]`: a printed document's file (its PDF when the name ends in ".pdf"), for a reader of the host's centre
 * whose user type reads printed documents and who may see the record it printed; written to the
 * access log as a download of the client's file. Refusals are a sentence in the reader's language.
 */
export async function excerptDownload(
  req: Request,
  claims: SessionClaims | null,
  rawId: string,
  format: "docx" | "pdf" = "docx",
): Promise<Response> {
  const started = await downloadRequest(req, claims, rawId, clientExcerptsResource);
  if (started instanceof Response) return started;
  const { ctx, rctx, id, refuse } = started;
  const t = rctx.handle.t;
  const [row] = await rctx.handle.db
    .select({
      docxKey: t.excerpts.storageKey,
      pdfKey: t.excerpts.pdfStorageKey,
      docxName: t.excerpts.fileName,
      ownerType: t.excerpts.ownerType,
      ownerId: t.excerpts.ownerId,
      clientId: t.excerpts.clientId,
    })
    .from(t.excerpts)
    .where(eq(t.excerpts.id, id));
  const key = format === "pdf" ? row?.pdfKey : row?.docxKey;
  if (!row || !key) return refuse({ code: "NOT_FOUND", params: {} });
  if (!(await maySeeOwner(rctx, row))) return refuse({ code: "NOT_FOUND", params: {} });
  let file;
  try {
    file = await documentStorage().get(rctx.handle.tenantId, key);
  } catch (e) {
    if (isAppError(e)) {
      ctx.log.warn({ excerptId: id }, "printed document's file is missing");
      return refuse({ code: "NOT_FOUND", params: {} });
    }
    throw e;
  }
  if (row.clientId !== null) await logOpening(rctx, row.clientId, "download");
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers:
      format === "pdf"
        ? fileHeaders(file, "application/pdf", pdfNameOf(row.docxName), "attachment")
        : fileHeaders(file, DOCX, row.docxName, "attachment"),
  });
}

/**
 * `GET /api/documents/mass/<id>[/<name>]`: a finished mass print's file, for the user who started it
 * only, on the host's centre; each client it prints is written to the access log as a download.
 */
export async function massPrintDownload(req: Request, claims: SessionClaims | null, rawId: string): Promise<Response> {
  const started = await downloadRequest(req, claims, rawId, myExcerptsResource);
  if (started instanceof Response) return started;
  const { rctx, id, refuse } = started;
  const t = rctx.handle.t;
  const [row] = await rctx.handle.db
    .select({ key: t.massPrints.storageKey, format: t.massPrints.format, rowIds: t.massPrints.rowIds })
    .from(t.massPrints)
    .where(and(eq(t.massPrints.id, id), eq(t.massPrints.userId, rctx.user.id), eq(t.massPrints.state, "ready")));
  if (!row?.key) return refuse({ code: "NOT_FOUND", params: {} });
  const file = await documentStorage().get(rctx.handle.tenantId, row.key);
  for (const clientId of row.rowIds) await logOpening(rctx, clientId, "download");
  const zip = row.format === "zip";
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: fileHeaders(
      file,
      zip ? "application/zip" : "application/pdf",
      massFileName(id, row.format, rctx.locale),
      "attachment",
    ),
  });
}
