import { existsSync } from "node:fs";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { createElement as h, type ReactElement } from "react";
import { alignsRight, formatCell, formatDateTime } from "@/lib/format";
import { localized } from "@/server/i18n/locale";
import type { Tenant } from "@/server/tenancy/registry";
import { auditExport, describeState, exportBatches, PDF_MAX_ROWS, type ExportPlan } from "./rows";

/**
 * A printable list: A4, landscape when the columns are wide, a header on every page (centre, title,
 * filters, sort, date and the column names) and page numbers. Plain Node code (no JSX, no React
 * Server Components): @react-pdf/renderer is a server external package, loaded from node_modules
 * (see next.config.ts), because bundled into the App Router it fails (stack anchors §4.7).
 */

// DejaVu Sans (Debian's fonts-dejavu-core, installed with Chromium and LibreOffice) covers the
// names of every European language; PDF's built-in Helvetica only covers Western European ones.
const DEJAVU = "/usr/share/fonts/truetype/dejavu";
const FONT = existsSync(`${DEJAVU}/DejaVuSansCondensed.ttf`) && existsSync(`${DEJAVU}/DejaVuSansCondensed-Bold.ttf`) ? "DejaVu" : "Helvetica";
if (FONT === "DejaVu") {
  Font.register({ family: "DejaVu", fonts: [{ src: `${DEJAVU}/DejaVuSansCondensed.ttf` }, { src: `${DEJAVU}/DejaVuSansCondensed-Bold.ttf`, fontWeight: "bold" }] });
  Font.registerHyphenationCallback((word) => [word]); // cut nothing: names must stay whole
}

/** Above this many characters of declared column widths, the page turns to landscape. */
const PORTRAIT_MAX_WIDTH = 100;

const styles = StyleSheet.create({
  page: { paddingTop: 28, paddingBottom: 36, paddingHorizontal: 28, fontFamily: FONT, fontSize: 8, color: "#0f172a" },
  centre: { fontSize: 9, color: "#475569" },
  title: { fontSize: 14, fontWeight: "bold", marginTop: 2, marginBottom: 4 },
  meta: { fontSize: 8, color: "#475569", marginBottom: 1 },
  headerRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#0f172a", marginTop: 6, paddingBottom: 2, fontWeight: "bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 2 },
  cell: { paddingHorizontal: 2 },
  footer: { position: "absolute", bottom: 16, left: 28, right: 28, fontSize: 7, color: "#475569", flexDirection: "row", justifyContent: "space-between" },
});

/** Without an embedded font, keep to what Helvetica's encoding can show (e.g. no narrow spaces). */
const printable = (text: string) => (FONT === "Helvetica" ? text.replace(/[\u00a0\u202f]/g, " ") : text);

/** The grid's rows as a PDF; more than PDF_MAX_ROWS rows is EXPORT_TOO_LARGE (use CSV or XLSX). */
export async function renderPdf(plan: ExportPlan, tenant: Pick<Tenant, "names">, now = new Date()): Promise<Buffer> {
  const rows = [];
  for await (const batch of exportBatches(plan, "pdf", { max: PDF_MAX_ROWS, audit: false })) rows.push(...batch);
  const { ctx, t, columns } = plan;
  const totalWidth = columns.reduce((sum, c) => sum + c.field.width, 0);
  const widthOf = (w: number) => `${((w / totalWidth) * 100).toFixed(3)}%`;
  const { filters, sort } = describeState(plan);
  const cellStyle = (c: (typeof columns)[number]) => [styles.cell, { width: widthOf(c.field.width), textAlign: alignsRight(c.field.type) ? ("right" as const) : ("left" as const) }];

  const header = h(View, { fixed: true },
    h(Text, { style: styles.centre }, printable(localized(tenant.names, ctx.locale))),
    h(Text, { style: styles.title }, printable(t(plan.meta.title))),
    h(Text, { style: styles.meta }, printable(`${t("export.filters")}: ${filters.length ? filters.join(" · ") : t("export.noFilters")}`)),
    h(Text, { style: styles.meta }, printable(`${t("export.sort")}: ${sort}`)),
    h(Text, { style: styles.meta }, printable(`${t("export.exportedAt", { date: formatDateTime(now.toISOString(), ctx.locale) })} · ${t("export.rowCount", { count: rows.length })}`)),
    h(View, { style: styles.headerRow }, ...columns.map((c) => h(Text, { key: c.name, style: cellStyle(c) }, printable(c.label)))),
  );
  const body = rows.map((row) =>
    h(View, { key: String(row.__id), style: styles.row, wrap: false },
      ...columns.map((c) => h(Text, { key: c.name, style: cellStyle(c) }, printable(formatCell(c.field, row[c.name], ctx.locale, t))))),
  );
  const footer = h(View, { fixed: true, style: styles.footer },
    h(Text, null, printable(`${localized(tenant.names, ctx.locale)} · ${t(plan.meta.title)}`)),
    h(Text, { render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => t("export.page", { page: pageNumber, pages: totalPages }) }),
  );
  const document = h(Document, { title: t(plan.meta.title), author: localized(tenant.names, ctx.locale), creator: "Entraide", language: ctx.locale },
    h(Page, { size: "A4", orientation: totalWidth > PORTRAIT_MAX_WIDTH ? "landscape" : "portrait", style: styles.page }, header, ...body, footer),
  );
  const pdf = await renderToBuffer(document as ReactElement<never>);
  await auditExport(plan, "pdf", rows.length);
  return pdf;
}
