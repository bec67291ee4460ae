import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { isEmptyValue } from "@/lib/format";
import { brusselsWallClock, formatCell, isCalendarDate } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import { exportBatches, type ExportPlan } from "./rows";

/**
 * XLSX with typed cells, so that a spreadsheet can sum, sort and filter them: numbers as numbers,
 * money in euros with two decimals, dates as dates, yes/no as booleans; labels (choices, references,
 * designations) as the user reads them. Written with exceljs' streaming writer, a row at a time.
 */

/** Excel's number formats are shown with the reader's own separators; only the date order is ours. */
function numberFormat(type: FieldMeta["type"], locale: string): string | undefined {
  const day = locale === "de" ? "dd.mm.yyyy" : "dd/mm/yyyy";
  if (type === "date") return day;
  if (type === "datetime") return `${day} hh:mm`;
  if (type === "money") return '#,##0.00 "€"';
  if (type === "integer") return "0";
  return undefined;
}

function xlsxCell(plan: ExportPlan, field: FieldMeta, value: Row[string] | undefined): ExcelJS.CellValue {
  if (isEmptyValue(value)) return null;
  switch (field.type) {
    case "integer":
      return typeof value === "number" ? value : Number(value);
    case "money":
      return Number(value) / 100;
    case "boolean":
      return value === true || value === "true";
    // An incomplete date (a birth date "1995-00-00") is no spreadsheet date: it stays text, 00/00/1995.
    case "date":
      return isCalendarDate(String(value))
        ? new Date(`${String(value)}T00:00:00Z`)
        : formatCell(field, value, plan.ctx.locale, plan.t);
    case "datetime":
      return brusselsWallClock(String(value));
    default:
      return formatCell(field, value, plan.ctx.locale, plan.t);
  }
}

/** Sheet XML the zip has not compressed yet beyond which reading waits. */
const MAX_PENDING_XML = 1 << 20;

/**
 * exceljs' streaming writer ignores backpressure (exceljs issue #734): rows committed faster than
 * the zip compresses them pile up in memory. So after each batch, wait until the zip has taken the
 * sheet's XML (its input is a stream that archiver pipes the worksheet into).
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet) {
  const pending = (sheet as unknown as { stream?: { pipes?: PendingXml[] } }).stream?.pipes?.[0];
  // archiver's PassThrough comes from readable-stream 2, which has no `writableLength` getter yet.
  if (pending && (pending.writableLength ?? pending._writableState?.length ?? 0) > MAX_PENDING_XML)
    await once(pending, "drain");
}
type PendingXml = Writable & { _writableState?: { length: number } };

/** A worksheet name: at most 31 characters, none of `[]:*?/\`. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Export";

/** The grid's rows as an XLSX download, produced a batch at a time as the browser reads. */
export function xlsxStream(plan: ExportPlan): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Entraide";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(plan.t(plan.meta.title)), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = plan.columns.map(({ name, label, field }) => {
    const numFmt = numberFormat(field.type, plan.ctx.locale);
    return { header: label, key: name, width: field.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: plan.columns.length } };
  const batches = exportBatches(plan, "xlsx");
  let finished = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      out.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      out.on("end", () => controller.close());
      out.on("error", (e) => controller.error(e));
    },
    async pull() {
      if (finished) return;
      const next = await batches.next();
      if (next.done) {
        finished = true;
        await workbook.commit(); // the end of the output closes the stream
        return;
      }
      for (const row of next.value) {
        sheet.addRow(plan.columns.map(({ name, field }) => xlsxCell(plan, field, row[name]))).commit();
      }
      await zipCaughtUp(sheet);
    },
    async cancel() {
      await batches.return(undefined);
      out.destroy();
    },
  });
}
