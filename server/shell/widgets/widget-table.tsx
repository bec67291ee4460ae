import type { ReactNode } from "react";

/** One column of a dashboard widget's table: numbers align right, dates never wrap. */
export interface WidgetColumn<R> {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  kind?: "text" | "number" | "date";
  /** The column names the row (read first by screen readers). */
  rowHeader?: boolean;
}

const cellClass = (kind: WidgetColumn<unknown>["kind"]) =>
  kind === "number"
    ? "px-2 text-right tabular-nums"
    : kind === "date"
      ? "whitespace-nowrap pr-2 tabular-nums"
      : "pr-2 text-left";

/**
 * The small table of a dashboard widget: a caption for screen readers, a header row, one row per
 * item and an optional footer row. Every widget that lists rows renders through it.
 */
export function WidgetTable<R>({
  testId,
  caption,
  columns,
  rows,
  rowKey,
  footer,
}: {
  testId: string;
  caption: string;
  columns: readonly WidgetColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  footer?: ReactNode;
}) {
  return (
    <table className="w-full" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-slate-600">
          {columns.map((c) => (
            <th key={c.key} scope="col" className={`${cellClass(c.kind)} whitespace-nowrap font-medium`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-t border-slate-100">
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" className={`${cellClass(c.kind)} font-normal`}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} className={cellClass(c.kind)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}
