import { httpStatusOf } from "@/server/http/status";
import { listStateSchema } from "@/lib/resources";
import type { SessionClaims } from "@/server/auth/session";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import type { ResourceCtx } from "../define";
import { csvStream } from "./csv";
import { renderPdf } from "./pdf";
import { attachmentHeader, EXPORT_FORMATS, exportFileName, listTitle, planExport, type ExportFormat } from "./rows";
import { xlsxStream } from "./xlsx";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** `geo.places.csv` → resource and format (resource ids contain a dot themselves). */
const FILE = /^([a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*)\.([a-z]+)$/;

/** Once a download has started its status is sent, so a failure can only cut it short: log it. */
function logFailures(stream: ReadableStream<Uint8Array>, log: (err: unknown) => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        log(err);
        controller.error(err);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * `GET /api/export/<resource>.<csv|xlsx|pdf>?state=<ListState JSON>&columns=a,b,c`: exactly the
 * rows, columns, filters and sort of a grid, all pages, in the user's language. The checks are the
 * list procedure's: the host's centre, served; a session of that centre (any other is anonymous);
 * a user type that may see the resource; a state and columns the resource declares. Refusals are a
 * translated sentence, since the browser shows the answer of a download link as a page.
 */
export async function exportResponse(req: Request, claims: SessionClaims | null): Promise<Response> {
  const ctx = await createContext({ req, claims });
  const t = translatorFor(ctx.locale);
  const refuse = (status: number, message: string) =>
    new Response(message, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const refuseWith = (code: AppErrorCode, params: Record<string, string | number> = {}) =>
    refuse(httpStatusOf(code), t(`errors.${code}`, params));

  if (ctx.host.kind !== "tenant" || !ctx.tenant)
    return refuseWith("TENANT_NOT_FOUND", { slug: ctx.host.kind === "tenant" ? ctx.host.slug : "" });
  if (availability(ctx.tenant) !== "served") return refuseWith("TENANT_UNAVAILABLE");
  if (!ctx.user) return refuseWith("UNAUTHORIZED");
  if (ctx.user.mustEnrollTotp) return refuseWith("TOTP_ENROLLMENT_REQUIRED");

  const url = new URL(req.url);
  const file = FILE.exec(decodeURIComponent(url.pathname.split("/").pop() ?? ""));
  const format = file?.[2] as ExportFormat | undefined;
  if (!file || !format || !EXPORT_FORMATS.includes(format)) return refuse(400, t("export.invalid.file"));
  const def = ctx.registry.resources.get(file[1]!);
  if (!def) return refuse(400, t("export.invalid.resource", { resource: file[1]! }));
  let state;
  try {
    state = listStateSchema.parse(JSON.parse(url.searchParams.get("state") ?? "{}"));
  } catch {
    return refuse(400, t("export.invalid.state"));
  }
  const columns = (url.searchParams.get("columns") ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);

  const resourceCtx: ResourceCtx = {
    handle: tenantHandle(ctx.tenant),
    user: ctx.user,
    locale: ctx.locale,
    registry: ctx.registry,
  };
  try {
    const plan = await planExport(resourceCtx, def, state, columns);
    const fileName = exportFileName(await listTitle(plan), format);
    const log = (err: unknown) => ctx.log.error({ err, resource: def.id, format }, "export failed while streaming");
    const body =
      format === "pdf"
        ? new Uint8Array(await renderPdf(plan, ctx.tenant))
        : logFailures(format === "csv" ? csvStream(plan) : xlsxStream(plan), log);
    return new Response(body, {
      headers: {
        "content-type": CONTENT_TYPES[format],
        "content-disposition": attachmentHeader(fileName),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (!isAppError(e)) {
      ctx.log.error({ err: e, resource: def.id, format }, "export failed");
      return refuseWith("INTERNAL");
    }
    if (e.code === "INVALID_INPUT" && e.params.column !== undefined)
      return refuse(400, t("export.invalid.columns", { column: e.params.column }));
    if (e.code === "INVALID_INPUT" && e.params.field !== undefined)
      return refuse(400, t("export.invalid.field", { field: e.params.field }));
    return refuseWith(e.code, e.params);
  }
}
