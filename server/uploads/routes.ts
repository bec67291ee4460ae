import { Readable } from "node:stream";
import { httpStatusOf } from "@/server/http/status";
import { eq } from "drizzle-orm";
import { z, ZodError } from "zod";
import type { SessionClaims } from "@/server/auth/session";
import { appErrorOfDatabase } from "@/server/db/errors";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { forgedWrite } from "@/server/http/origin";
import { translatorFor } from "@/server/i18n/translator";
import { can } from "@/server/resources/access";
import type { ResourceCtx, ResourceDef } from "@/server/resources/define";
import { attachmentHeader } from "@/server/resources/export/rows";
import { logOpening } from "@/server/resources/service";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext, type Context } from "@/server/trpc/context";
import { receiveUpload, uploadLimitOf } from "./receive";
import { uploadsResource } from "./resources";
import { shownInline } from "./rules/files";
import { uploadStorage, type OpenedFile } from "./storage";

/**
 * The two routes of scanned documents. The custom server answers them itself (server/uploads/direct.ts),
 * the files streaming between the socket and the storage as Node streams; `app/api/uploads` answers
 * them the same when Next serves alone (`next start`). proxy.ts does not run for them: Next would
 * copy a request's whole body into memory for it (and cut it at 10 MB). So these handlers make its
 * checks themselves: the host names the centre (an unknown host is refused), and a write must come
 * from the centre's own pages (server/http/origin.ts).
 */

export type Refusal = { code: AppErrorCode; params: Record<string, string | number>; fieldErrors?: unknown };

/** The refusal an error stands for, as the tRPC layer would name it; null for a failure of ours. */
function refusalOf(e: unknown): Refusal | null {
  const app = isAppError(e) ? e : appErrorOfDatabase(e);
  if (app) return { code: app.code, params: app.params };
  if (e instanceof ZodError)
    return {
      code: "INVALID_INPUT",
      params: {},
      fieldErrors: e.issues.map((i) => ({ path: i.path.join("."), code: i.code })),
    };
  return null;
}

/** The signed-in user of the host's centre, or why not (the same checks as every tRPC procedure). */
function resourceCtxOf(ctx: Context): ResourceCtx | Refusal {
  if (ctx.host.kind !== "tenant" || !ctx.tenant)
    return { code: "TENANT_NOT_FOUND", params: { slug: ctx.host.kind === "tenant" ? ctx.host.slug : "" } };
  if (availability(ctx.tenant) !== "served") return { code: "TENANT_UNAVAILABLE", params: {} };
  if (!ctx.user) return { code: "UNAUTHORIZED", params: {} };
  if (ctx.user.mustEnrollTotp) return { code: "TOTP_ENROLLMENT_REQUIRED", params: {} };
  return { handle: tenantHandle(ctx.tenant), user: ctx.user, locale: ctx.locale, registry: ctx.registry };
}

/**
 * The form's values are handed on as JSON parsed them (own keys only, `__proto__` included), so that
 * the resource's strict form schema refuses any key it does not know, as it does for `resources.create`.
 */
const plainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const uploadHeaders = z.object({
  values: z.custom<Record<string, unknown>>(plainObject),
  confirmed: z.boolean().optional(),
});

/** Header values are ASCII: the browser sends the file's name and the form's values URI-encoded. */
function decodedHeader(req: Request, name: string): string | null {
  const raw = req.headers.get(name);
  if (raw === null) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * `POST /api/uploads`: the body is the file itself (streamed, never held whole), `x-upload-name`
 * its name, `x-upload-fields` the insert form's values as JSON (`{ values, confirmed }`); the
 * answer is `{ id }`, or `{ error, message, data }` where `message` is in the reader's language and
 * `data` names the fields the form marks.
 */
export async function uploadPost(
  req: Request,
  claims: SessionClaims | null,
  body: AsyncIterable<Uint8Array> | null = req.body,
): Promise<Response> {
  const ctx = await createContext({ req, claims });
  const tr = translatorFor(ctx.locale);
  const answer = (status: number, body: unknown) =>
    Response.json(body, { status, headers: { "cache-control": "no-store" } });
  const refuse = ({ code, params, fieldErrors }: Refusal) => {
    const key = typeof params.messageKey === "string" ? params.messageKey : `errors.${code}`;
    return answer(httpStatusOf(code), {
      error: code,
      message: tr(key, params),
      data: { appCode: code, params, fieldErrors },
    });
  };
  if (forgedWrite(req.method, new URL(req.url).pathname, req.headers))
    return refuse({ code: "FORGED_REQUEST", params: {} });
  const rctx = resourceCtxOf(ctx);
  if ("code" in rctx) return refuse(rctx);
  if (ctx.user!.support) return refuse({ code: "SUPPORT_READ_ONLY", params: {} });
  if (!can(uploadsResource, "create", ctx.user!)) return refuse({ code: "FORBIDDEN", params: {} });

  let form: z.infer<typeof uploadHeaders>;
  try {
    form = uploadHeaders.parse(JSON.parse(decodedHeader(req, "x-upload-fields") ?? "null"));
  } catch {
    return refuse({ code: "INVALID_INPUT", params: { field: "values" } });
  }
  const name = decodedHeader(req, "x-upload-name");
  if (!name || !body) return refuse({ code: "INVALID_INPUT", params: { field: "file" } });
  // A body announced too large is refused before a byte of it is read.
  const max = await uploadLimitOf(rctx);
  if (Number(req.headers.get("content-length") ?? 0) > max)
    return refuse({ code: "UPLOAD_TOO_LARGE", params: { max: Math.floor(max / (1024 * 1024)) } });
  try {
    const { id } = await receiveUpload(rctx, form.values, {
      name,
      declaredType: req.headers.get("content-type"),
      body,
    });
    ctx.log.info({ uploadId: id }, "upload stored");
    return answer(201, { id });
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) return refuse(refusal);
    ctx.log.error({ err: e }, "upload failed");
    return refuse({ code: "INTERNAL", params: {} });
  }
}

/**
 * What may run in a downloaded document: nothing. A PDF is shown by the browser's own viewer,
 * which a sandbox would stop; everything else is sandboxed as well.
 */
const cspOf = (mimeType: string) =>
  `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${
    mimeType === "application/pdf" ? "" : "; sandbox"
  }`;

/**
 * `GET /api/uploads/<id>[/<name>]`: the file of an upload the reader may see (the host's centre,
 * a user type that handles documents), written to the access log as an opening of the client's
 * file, streamed from the storage. A PDF or an image opens in the browser; anything else is saved.
 * Refusals are a sentence in the reader's language, as the browser shows them as a page.
 */
export async function downloadGet(req: Request, claims: SessionClaims | null, rawId: string): Promise<Response> {
  const opened = await openDownload(req, claims, rawId);
  if (opened instanceof Response) return opened;
  return new Response(Readable.toWeb(opened.file.stream) as ReadableStream<Uint8Array>, { headers: opened.headers });
}

/** A download about to start: its headers and its file. */
export interface Download {
  headers: Record<string, string>;
  file: OpenedFile;
}

/**
 * The start of a stored file's download (a scanned document, a printed one): the signed-in reader
 * of the host's centre, whose user type may view `resource`, and the row id asked for; or the
 * refusal, a sentence in the reader's language (the browser shows it as a page).
 */
export async function downloadRequest(
  req: Request,
  claims: SessionClaims | null,
  rawId: string,
  resource: ResourceDef,
): Promise<{ ctx: Context; rctx: ResourceCtx; id: number; refuse: (r: Refusal) => Response } | Response> {
  const ctx = await createContext({ req, claims });
  const tr = translatorFor(ctx.locale);
  const refuse = ({ code, params }: Refusal) =>
    new Response(tr(`errors.${code}`, params), {
      status: httpStatusOf(code),
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const rctx = resourceCtxOf(ctx);
  if ("code" in rctx) return refuse(rctx);
  if (!can(resource, "view", rctx.user)) return refuse({ code: "FORBIDDEN", params: {} });
  const id = /^[1-9]\d{0,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!(id <= 2_147_483_647)) return refuse({ code: "NOT_FOUND", params: {} });
  return { ctx, rctx, id, refuse };
}

/** The headers a stored file goes out with: its own type, never sniffed, nothing it could run. */
export const fileHeaders = (
  file: { size: number },
  mimeType: string,
  fileName: string,
  disposition: "inline" | "attachment",
): Record<string, string> => ({
  "content-type": mimeType,
  "content-length": String(file.size),
  "content-disposition": attachmentHeader(fileName, disposition),
  "x-content-type-options": "nosniff",
  "content-security-policy": cspOf(mimeType),
  "cache-control": "private, no-store",
  "cross-origin-resource-policy": "same-origin",
});

/** `downloadGet`'s checks and access log: the file to send, or the refusal to answer. */
export async function openDownload(
  req: Request,
  claims: SessionClaims | null,
  rawId: string,
): Promise<Download | Response> {
  const started = await downloadRequest(req, claims, rawId, uploadsResource);
  if (started instanceof Response) return started;
  const { ctx, rctx, id, refuse } = started;
  const t = rctx.handle.t;
  const [row] = await rctx.handle.db
    .select({
      key: t.uploads.storageKey,
      fileName: t.uploads.fileName,
      mimeType: t.uploads.mimeType,
      clientId: t.uploads.clientId,
    })
    .from(t.uploads)
    .where(eq(t.uploads.id, id));
  if (!row) return refuse({ code: "NOT_FOUND", params: {} });
  let file;
  try {
    file = await uploadStorage().get(rctx.handle.tenantId, row.key);
  } catch (e) {
    if (isAppError(e)) {
      ctx.log.warn({ uploadId: id }, "upload's file is missing");
      return refuse({ code: "NOT_FOUND", params: {} });
    }
    throw e;
  }
  try {
    await logOpening(rctx, row.clientId, "download");
  } catch (e) {
    file.stream.destroy();
    throw e;
  }
  return {
    file,
    headers: fileHeaders(file, row.mimeType, row.fileName, shownInline(row.mimeType) ? "inline" : "attachment"),
  };
}
