/**
 * A report (report.ts) as an XLSX workbook (exceljs, counts as numbers: one sheet per section, its
 * tables one under the other) or as a printable A4 PDF (@react-pdf/renderer, with the grids' font and
 * the centre's name), in the reader's language. The reports are small (one row per type, ending, agent).
 */
import { existsSync } from "node:fs";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import ExcelJS from "exceljs";
import { createElement as h } from "react";
import type { Report, ReportTable } from "./report";

/** A worksheet name: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(title: string, taken: Set<string>) {
  const base = title.replace(/[[\]:*?/\\]/g, " ").slice(0, 28) || "Report";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function reportXlsx(report: Report, centre: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Entraide";
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const section of report.sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken));
    sheet.addRow([centre]).font = { italic: true };
    sheet.addRow([`${report.title} · ${section.title}`]).font = { bold: true, size: 14 };
    sheet.addRow([report.period]);
    let widest = 12;
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow([table.title]).font = { bold: true, size: 12 };
      sheet.addRow([table.head, ...table.columns]).font = { bold: true };
      for (const row of table.rows) sheet.addRow([row.label, ...row.cells.map((c) => c.value)]);
      widest = Math.max(widest, ...table.rows.map((r) => r.label.length));
    }
    sheet.getColumn(1).width = Math.min(60, widest + 2);
    for (let i = 2; i <= 1 + Math.max(0, ...section.tables.map((tb) => tb.columns.length)); i++)
      sheet.getColumn(i).width = 16;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// The grids' PDF font (server/resources/export/pdf.ts registers it under this family when present).
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
  Font.registerHyphenationCallback((word) => [word]);
}
const printable = (text: string) => (FONT === "Helvetica" ? text.replace(/[\u00a0\u202f]/g, " ") : text);

const styles = StyleSheet.create({
  page: { padding: 28, paddingBottom: 36, fontFamily: FONT, fontSize: 8, color: "#0f172a" },
  centre: { fontSize: 9, color: "#475569" },
  title: { fontSize: 16, fontWeight: "bold", marginTop: 2 },
  period: { fontSize: 10, color: "#475569", marginBottom: 8 },
  section: { fontSize: 13, fontWeight: "bold", marginTop: 12, marginBottom: 2 },
  table: { marginTop: 8 },
  tableTitle: { fontSize: 10, fontWeight: "bold", marginBottom: 3 },
  headerRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#0f172a", fontWeight: "bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", minHeight: 12 },
  label: { width: "34%", paddingHorizontal: 2, paddingVertical: 1 },
  num: { paddingHorizontal: 2, paddingVertical: 1, textAlign: "right" },
  footer: {
    position: "absolute",
    bottom: 14,
    left: 28,
    right: 28,
    fontSize: 7,
    color: "#475569",
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

function pdfTable(table: ReportTable, locale: string) {
  const width = `${(66 / Math.max(1, table.columns.length)).toFixed(3)}%`;
  const number = new Intl.NumberFormat(`${locale}-BE`);
  return h(
    View,
    { style: styles.table, key: table.id },
    h(Text, { style: styles.tableTitle, minPresenceAhead: 40 }, printable(table.title)),
    h(
      View,
      { style: styles.headerRow, fixed: false, wrap: false },
      h(Text, { style: styles.label }, printable(table.head)),
      ...table.columns.map((c, i) => h(Text, { key: i, style: [styles.num, { width }] }, printable(c))),
    ),
    ...table.rows.map((row, r) =>
      h(
        View,
        { key: r, style: styles.row, wrap: false },
        h(Text, { style: styles.label }, printable(row.label)),
        ...row.cells.map((c, i) =>
          h(
            Text,
            { key: i, style: [styles.num, { width }] },
            c.value === null ? "" : printable(number.format(c.value)),
          ),
        ),
      ),
    ),
  );
}

export async function reportPdf(report: Report, centre: string, locale: string, printedAt: string): Promise<Buffer> {
  const wide = Math.max(0, ...report.sections.flatMap((s) => s.tables.map((tb) => tb.columns.length))) > 9;
  const doc = h(
    Document,
    { title: `${report.title} ${report.period}`, author: "Entraide" },
    h(
      Page,
      { size: "A4", orientation: wide ? "landscape" : "portrait", style: styles.page },
      h(Text, { style: styles.centre }, printable(centre)),
      h(Text, { style: styles.title }, printable(report.title)),
      h(Text, { style: styles.period }, printable(report.period)),
      ...report.sections.map((s, i) =>
        h(
          View,
          { key: i },
          h(Text, { style: styles.section, minPresenceAhead: 60 }, printable(s.title)),
          ...s.tables.map((tb) => pdfTable(tb, locale)),
        ),
      ),
      h(
        View,
        { style: styles.footer, fixed: true },
        h(Text, null, printable(`${report.title} · ${report.period} · ${printedAt}`)),
        h(Text, { render: ({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}` }),
      ),
    ),
  );
  return renderToBuffer(doc as never);
}
