"use client";
import type { ReactTable } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { alignsRight } from "@/lib/format";
import type { ListState, ResourceMeta, Row } from "@/lib/resources";
import { CellView } from "./cell";
import type { ExtraColumn } from "./data-source";
import type { GridFeatures } from "./grid";
import { ColumnHeader } from "./column-header";
import { detailHref } from "./list-state";

/** Light backgrounds under the usual dark text (contrast above 15:1); the tone's field shows its meaning in words. */
const TONES = { positive: "bg-green-50", warning: "bg-yellow-50" } as const;
const toneOf = (meta: ResourceMeta, row: Row) => {
  const tone = meta.rowTone?.tones[String(row[meta.rowTone.field])];
  return tone ? TONES[tone] : "";
};

type Props = {
  meta: ResourceMeta;
  table: ReactTable<GridFeatures, Row>;
  state: ListState;
  loading: boolean;
  fetching: boolean;
  caption: string;
  /** Rows open their detail page; off where there is none (the console's centres). */
  opensDetail?: boolean;
  extraColumns?: ExtraColumn[];
  /** Tick boxes before the rows, where the user may act on a selection (server/resources/define.ts `selection`). */
  selection?: RowSelection;
};

/** The rows ticked in a grid, by their id, kept across pages. */
export type RowSelection = { selected: ReadonlySet<string>; toggle: (ids: string[], on: boolean) => void };
const TICK_WIDTH = 36;

/**
 * The rows of the current page. One row at a time is in the tab order (roving focus): arrow keys
 * move between rows, Home/End jump, Enter or a click opens the row's detail.
 */
export function GridTable({
  meta,
  table,
  state,
  loading,
  fetching,
  caption,
  opensDetail = true,
  extraColumns = [],
  selection,
}: Props) {
  const t = useTranslations("grid");
  const ts = useTranslations("selection");
  const router = useRouter();
  const [current, setCurrent] = useState(0);
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const open = (row: Row) => opensDetail && router.push(detailHref(meta.id, row.__id as string | number, state));
  const width = table.getTotalSize() + extraColumns.reduce((sum, c) => sum + c.width, 0) + (selection ? TICK_WIDTH : 0);
  const pageIds = rows.map((r) => r.id);
  const pageTicked = pageIds.length > 0 && pageIds.every((id) => selection?.selected.has(id));

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, row: Row) => {
    const tr = e.currentTarget;
    const move = (target: Element | null | undefined) => {
      if (target instanceof HTMLElement) {
        e.preventDefault();
        target.focus();
      }
    };
    if (e.key === "ArrowDown") move(tr.nextElementSibling);
    else if (e.key === "ArrowUp") move(tr.previousElementSibling);
    else if (e.key === "Home") move(tr.parentElement?.firstElementChild);
    else if (e.key === "End") move(tr.parentElement?.lastElementChild);
    else if (e.key === "Enter" && e.target === tr) open(row);
  };

  return (
    <div className="w-fit max-w-full overflow-x-auto rounded border border-slate-300 bg-white">
      <table className="table-fixed border-collapse text-sm" style={{ width }} aria-busy={fetching} data-testid="grid">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {selection && (
              <th scope="col" className="border-r border-slate-300 px-2 py-2" style={{ width: TICK_WIDTH }}>
                <input
                  type="checkbox"
                  aria-label={ts("page")}
                  checked={pageTicked}
                  onChange={(e) => selection.toggle(pageIds, e.target.checked)}
                  data-testid="grid-select-page"
                />
              </th>
            )}
            {headers.map((header) => (
              <ColumnHeader key={header.id} header={header} field={meta.fields[header.column.id]!} />
            ))}
            {extraColumns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className="border-r border-slate-300 px-2 py-2 text-left font-semibold"
                style={{ width: c.width }}
                data-column={c.id}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={fetching && !loading ? "opacity-60" : undefined}>
          {loading || rows.length === 0 ? (
            <tr>
              <td
                colSpan={headers.length + extraColumns.length + (selection ? 1 : 0) || 1}
                className="p-6 text-center text-slate-700"
                role="status"
              >
                {loading ? t("loading") : t("empty")}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr
                key={row.id}
                tabIndex={i === Math.min(current, rows.length - 1) ? 0 : -1}
                onFocus={() => setCurrent(i)}
                onClick={() => open(row.original)}
                onKeyDown={(e) => onKeyDown(e, row.original)}
                className={`border-t border-slate-200 hover:bg-brand-50 focus:bg-brand-50 ${toneOf(meta, row.original)} ${opensDetail ? "cursor-pointer" : ""}`}
                data-testid="grid-row"
                data-tone={meta.rowTone?.tones[String(row.original[meta.rowTone.field])]}
              >
                {selection && (
                  <td className="px-2 py-1.5" style={{ width: TICK_WIDTH }} onClick={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      aria-label={ts("row")}
                      checked={selection.selected.has(row.id)}
                      onChange={(e) => selection.toggle([row.id], e.target.checked)}
                      onKeyDown={(e) => e.stopPropagation()}
                      data-testid="grid-select-row"
                    />
                  </td>
                )}
                {row.getVisibleCells().map((cell) => {
                  const field = meta.fields[cell.column.id]!;
                  return (
                    <td
                      key={cell.id}
                      className={`truncate px-2 py-1.5 ${alignsRight(field.type) ? "text-right tabular-nums" : ""}`}
                      style={{ width: cell.column.getSize() }}
                    >
                      <CellView field={field} value={row.original[cell.column.id]} inGrid />
                    </td>
                  );
                })}
                {extraColumns.map((c) => (
                  <td key={c.id} className="px-2 py-1.5" style={{ width: c.width }}>
                    {c.render(row.original)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
