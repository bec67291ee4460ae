import { existsSync } from "node:fs";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { createElement as h, type ReactElement } from "react";
import { alignsRight, formatCell, formatDateTime } from "@/lib/format";
import type { Row } from "@/lib/resources";
import { localized } from "@/server/i18n/locale";
import type { Tenant } from "@/server/tenancy/registry";
import { auditExport, describeState, exportBatches, PDF_MAX_ROWS, type ExportPlan } from "./rows";

/**
 * A printable list: A4, landscape when the columns are wide, a header on every page (centre, title,
 * filters, sort, date and the column names) and page numbers. Plain Node code (no JSX, no React
 * Server Components): @react-pdf/renderer is a server external package, loaded from node_modules
 * (see next.config.ts), because bundled into the App Router it fails (stack anchors §4.7).
 */

// DejaVu Sans (Debian's fonts-dejavu-extra, installed by .ci/run and with LibreOffice) covers the
// names of every European language; PDF's built-in Helvetica only covers Western European ones.
const DEJAVU = "/usr/share/fonts/truetype/dejavu";
const FONT =
  existsSync(`${DEJAVU}/DejaVuSansCondensed.ttf`) && existsSync(`${DEJAVU}/DejaVuSansCondensed-Bold.ttf`)
    ? "DejaVu"
    : "Helvetica";
if (FONT === "DejaVu") {
  Font.register({
    family: "DejaVu",
    fonts: [
      { src: `${DEJAVU}/DejaVuSansCondensed.ttf` },
      { src: `${DEJAVU}/DejaVuSansCondensed-Bold.ttf`, fontWeight: "bold" },
    ],
  });
  Font.registerHyphenationCallback((word) => [word]); // cut nothing: names must stay whole
}

/** Above this many characters of declared column widths, the page turns to landscape. */
const PORTRAIT_MAX_WIDTH = 100;

// Pages are cut here rather than by react-pdf's automatic page breaking, whose cost grows with
// pages × rows (5000 rows took minutes and over a gigabyte): every row is one line high (longer
// text ends in an ellipsis), so each page holds a known number of rows and is laid out on its own.
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const FOOTER = 30;
const HEADER = 92;
const ROW = 13;

const styles = StyleSheet.create({
  page: {
    paddingTop: MARGIN,
    paddingBottom: FOOTER,
    paddingHorizontal: MARGIN,
    fontFamily: FONT,
    fontSize: 8,
    color: "#0f172a",
  },
  header: { height: HEADER, justifyContent: "flex-end" },
  centre: { fontSize: 9, color: "#475569" },
  title: { fontSize: 14, fontWeight: "bold", marginTop: 2, marginBottom: 4, maxLines: 1, textOverflow: "ellipsis" },
  meta: { fontSize: 8, color: "#475569", marginBottom: 1, maxLines: 2, textOverflow: "ellipsis" },
  headerRow: {
    flexDirection: "row",
    alignItems: "flex-end",
    borderBottomWidth: 1,
    borderBottomColor: "#0f172a",
    marginTop: 4,
    paddingBottom: 2,
    fontWeight: "bold",
  },
  row: {
    flexDirection: "row",
    alignItems: "center",
    height: ROW,
    borderBottomWidth: 0.5,
    borderBottomColor: "#cbd5e1",
  },
  cell: { paddingHorizontal: 2, maxLines: 1, textOverflow: "ellipsis" },
  footer: {
    position: "absolute",
    bottom: 12,
    left: MARGIN,
    right: MARGIN,
    fontSize: 7,
    color: "#475569",
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

/** Without an embedded font, keep to what Helvetica's encoding can show (e.g. no narrow spaces). */
const printable = (text: string) => (FONT === "Helvetica" ? text.replace(/[\u00a0\u202f]/g, " ") : text);

/** The grid's rows as a PDF; more than PDF_MAX_ROWS rows is EXPORT_TOO_LARGE (use CSV or XLSX). */
export async function renderPdf(plan: ExportPlan, tenant: Pick<Tenant, "names">, now = new Date()): Promise<Buffer> {
  const rows: Row[] = [];
  for await (const batch of exportBatches(plan, "pdf", { max: PDF_MAX_ROWS, audit: false })) rows.push(...batch);
  const { ctx, t, columns } = plan;
  const centre = localized(tenant.names, ctx.locale);
  const title = t(plan.meta.title);
  const totalWidth = columns.reduce((sum, c) => sum + c.field.width, 0);
  const landscape = totalWidth > PORTRAIT_MAX_WIDTH;
  const pageHeight = landscape ? A4.width : A4.height;
  const perPage = Math.floor((pageHeight - MARGIN - FOOTER - HEADER - 4) / ROW);
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const { filters, sort } = describeState(plan);
  const cellStyle = (c: (typeof columns)[number]) => [
    styles.cell,
    {
      width: `${((c.field.width / totalWidth) * 100).toFixed(3)}%`,
      textAlign: alignsRight(c.field.type) ? ("right" as const) : ("left" as const),
    },
  ];

  const header = h(
    View,
    { style: styles.header },
    h(Text, { style: styles.centre }, printable(centre)),
    h(Text, { style: styles.title }, printable(title)),
    h(
      Text,
      { style: styles.meta },
      printable(
        t("export.labelled", {
          label: t("export.filters"),
          value: filters.length ? filters.join(" · ") : t("export.noFilters"),
        }),
      ),
    ),
    h(Text, { style: styles.meta }, printable(t("export.labelled", { label: t("export.sort"), value: sort }))),
    h(
      Text,
      { style: styles.meta },
      printable(
        `${t("export.exportedAt", { date: formatDateTime(now.toISOString(), ctx.locale) })} · ${t("export.rowCount", { count: rows.length })}`,
      ),
    ),
    h(
      View,
      { style: styles.headerRow },
      ...columns.map((c) => h(Text, { key: c.name, style: cellStyle(c) }, printable(c.label))),
    ),
  );
  const page = (index: number) =>
    h(
      Page,
      { key: index, size: "A4", orientation: landscape ? "landscape" : "portrait", style: styles.page, wrap: false },
      header,
      ...rows
        .slice(index * perPage, (index + 1) * perPage)
        .map((row) =>
          h(
            View,
            { key: String(row.__id), style: styles.row },
            ...columns.map((c) =>
              h(Text, { key: c.name, style: cellStyle(c) }, printable(formatCell(c.field, row[c.name], ctx.locale, t))),
            ),
          ),
        ),
      h(
        View,
        { style: styles.footer },
        h(Text, null, printable(`${centre} · ${title}`)),
        h(Text, null, t("export.page", { page: index + 1, pages })),
      ),
    );
  const document = h(
    Document,
    { title, author: centre, creator: "Entraide", language: ctx.locale },
    ...Array.from({ length: pages }, (_, i) => page(i)),
  );
  const pdf = await renderToBuffer(document as ReactElement<never>);
  await auditExport(plan, "pdf", rows.length);
  return pdf;
}
