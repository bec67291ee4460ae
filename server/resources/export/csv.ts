import { stringify } from "csv-stringify/sync";
import { formatCell, intlLocale } from "@/lib/format";
import type { Row } from "@/lib/resources";
import { exportBatches, type ExportPlan } from "./rows";

/**
 * CSV as Excel on a Belgian workstation opens it with a double click: UTF-8 with a byte-order mark
 * (else Excel reads accents as Windows-1252), `;` between fields (Belgian regional settings use the
 * comma as decimal separator, so Excel's list separator there is `;`), CRLF line ends, decimal
 * commas, dates as the user's language writes them. Text starting with = + - @ is prefixed with `'`
 * so that a spreadsheet never runs a cell as a formula (CSV injection).
 */
const OPTIONS = { delimiter: ";", record_delimiter: "windows", escape_formulas: true } as const;
const BOM = "\uFEFF";

function csvCells(plan: ExportPlan, row: Row): (string | number)[] {
  const { ctx, t } = plan;
  return plan.columns.map(({ name, field }) => {
    const value = row[name];
    // Numbers stay numbers, so that a negative one is not taken for a formula and escaped.
    if (typeof value === "number" && field.type === "integer") return value;
    if (typeof value === "number" && field.type === "money") return value / 100;
    return formatCell(field, value, ctx.locale, t);
  });
}

/** The grid's rows as a CSV download, produced a batch at a time as the browser reads. */
export function csvStream(plan: ExportPlan): ReadableStream<Uint8Array> {
  const decimals = new Intl.NumberFormat(intlLocale(plan.ctx.locale), {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const isMoney = plan.columns.map((c) => c.field.type === "money");
  const options = {
    ...OPTIONS,
    cast: { number: (n: number, { index }: { index: number }) => (isMoney[index] ? decimals.format(n) : String(n)) },
  };
  const encoder = new TextEncoder();
  const batches = exportBatches(plan, "csv");
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + stringify([plan.columns.map((c) => c.label)], options)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(
        encoder.encode(
          stringify(
            next.value.map((row) => csvCells(plan, row)),
            options,
          ),
        ),
      );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
