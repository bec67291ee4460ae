import { formatDateTime, type UiLocale } from "@/lib/format";
import type { SessionClaims } from "@/server/auth/session";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { httpStatusOf } from "@/server/http/status";
import { localized } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { attachmentHeader, exportFileName } from "@/server/resources/export/rows";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { reportPdf, reportXlsx } from "./export";
import { activityReport, statisticsReport } from "./report";
import { periodSchema, REPORT_ROLE } from "./router";

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;
const FILE = /^(activity|statistics)\.(xlsx|pdf)$/;

/**
 * `GET /api/integ/reports/<activity|statistics>.<xlsx|pdf>?from=YYYY-MM-DD&to=YYYY-MM-DD`: a report
 * of the integration service for a period, in the reader's language. The checks are the report
 * procedures' (the host's centre, served; a session of that centre; IntegUser); a refusal is a
 * translated sentence, since the browser shows the answer of a download link as a page.
 */
export async function reportDownload(req: Request, claims: SessionClaims | null): Promise<Response> {
  const ctx = await createContext({ req, claims });
  const t = translatorFor(ctx.locale);
  const refuse = (code: AppErrorCode, params: Record<string, string | number> = {}) =>
    new Response(t(`errors.${code}`, params), {
      status: httpStatusOf(code),
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  if (ctx.host.kind !== "tenant" || !ctx.tenant)
    return refuse("TENANT_NOT_FOUND", { slug: ctx.host.kind === "tenant" ? ctx.host.slug : "" });
  if (availability(ctx.tenant) !== "served") return refuse("TENANT_UNAVAILABLE");
  if (!ctx.user) return refuse("UNAUTHORIZED");
  if (ctx.user.mustEnrollTotp) return refuse("TOTP_ENROLLMENT_REQUIRED");
  if (!ctx.user.roles.has(REPORT_ROLE)) return refuse("FORBIDDEN");

  const url = new URL(req.url);
  const file = FILE.exec(decodeURIComponent(url.pathname.split("/").pop() ?? ""));
  const period = periodSchema.safeParse({ from: url.searchParams.get("from"), to: url.searchParams.get("to") });
  if (!file || !period.success) return refuse("INVALID_INPUT");
  const [, which, format] = file as unknown as [string, "activity" | "statistics", "xlsx" | "pdf"];
  const reportCtx = { handle: tenantHandle(ctx.tenant), user: ctx.user, registry: ctx.registry, locale: ctx.locale, t };
  try {
    const report =
      which === "activity"
        ? await activityReport(reportCtx, period.data)
        : await statisticsReport(reportCtx, period.data);
    const centre = localized(ctx.tenant.names, ctx.locale);
    const body =
      format === "xlsx"
        ? await reportXlsx(report, centre)
        : new Uint8Array(
            await reportPdf(report, centre, ctx.locale, formatDateTime(new Date(), ctx.locale as UiLocale)),
          );
    return new Response(body as BodyInit, {
      headers: {
        "content-type": CONTENT_TYPES[format],
        "content-disposition": attachmentHeader(
          exportFileName(`${report.title} ${period.data.from} ${period.data.to}`, format),
        ),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e)) return refuse(e.code, e.params);
    ctx.log.error({ err: e, report: which, format }, "report download failed");
    return refuse("INTERNAL");
  }
}
