import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import type { SessionClaims } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { logOpening } from "@/server/resources/service";
import { downloadRequest, fileHeaders } from "@/server/uploads/routes";
import { clientExcerptsResource, DOCX } from "../resources";
import { documentStorage } from "../storage";
import { maySeeOwner } from "../owners";

/**
 * `GET /api/documents/<id>/versions/<number>[/<name>]`: an earlier (or the newest) state of an
 * edited printed document, for the same readers as the document itself (routes.ts), written to the
 * access log as a download of the client's file.
 */
export async function versionDownload(
  req: Request,
  claims: SessionClaims | null,
  rawId: string,
  rawNumber: string,
): Promise<Response> {
  const started = await downloadRequest(req, claims, rawId, clientExcerptsResource);
  if (started instanceof Response) return started;
  const { rctx, id, refuse } = started;
  const number = /^[1-9]\d{0,5}$/.test(rawNumber) ? Number(rawNumber) : NaN;
  if (Number.isNaN(number)) return refuse({ code: "NOT_FOUND", params: {} });
  const t = rctx.handle.t;
  const [row] = await rctx.handle.db
    .select({
      key: t.excerptVersions.storageKey,
      fileName: t.excerpts.fileName,
      ownerType: t.excerpts.ownerType,
      ownerId: t.excerpts.ownerId,
      clientId: t.excerpts.clientId,
    })
    .from(t.excerptVersions)
    .innerJoin(t.excerpts, eq(t.excerpts.id, t.excerptVersions.excerptId))
    .where(and(eq(t.excerptVersions.excerptId, id), eq(t.excerptVersions.number, number)));
  if (!row || !(await maySeeOwner(rctx, row))) return refuse({ code: "NOT_FOUND", params: {} });
  let file;
  try {
    file = await documentStorage().get(rctx.handle.tenantId, row.key);
  } catch (e) {
    if (isAppError(e)) return refuse({ code: "NOT_FOUND", params: {} });
    throw e;
  }
  if (row.clientId !== null) await logOpening(rctx, row.clientId, "download");
  const name = row.fileName.replace(/(\.docx)?$/i, `-v${number}.docx`);
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: fileHeaders(file, DOCX, name, "attachment"),
  });
}
