"use client";
import type { Header } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { alignsRight } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import type { GridFeatures } from "./grid";

const STEP = 16;

/**
 * A column header: a button that sorts (shift adds the column to the sort) and, with Alt and the
 * arrow keys, resizes; and a resize handle that a mouse drags. The handle is in the tab order only
 * when there is no button, so that the keyboard reaches the rows past one stop per column.
 */
export function ColumnHeader({ header, field }: { header: Header<GridFeatures, Row, unknown>; field: FieldMeta }) {
  const t = useTranslations();
  const column = header.column;
  // A short header (e.g. "S.Inf") shows the field's full name as its tooltip.
  const label = t(field.columnLabel ?? field.label);
  const fullName = field.columnLabel ? t(field.label) : undefined;
  const sorted = column.getIsSorted();
  const sortIndex = column.getSortIndex();
  const many = column.table.atoms.sorting.get().length > 1;
  const resize = header.getResizeHandler();
  const setWidth = (width: number) =>
    column.table.setColumnSizing((s) => ({ ...s, [column.id]: Math.max(column.columnDef.minSize ?? 48, width) }));
  const resizeByKey = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      e.preventDefault();
      setWidth(header.getSize() + (e.key === "ArrowRight" ? STEP : -STEP));
    }
  };

  return (
    <th
      scope="col"
      className="relative border-r border-slate-300 px-0 py-0 text-left font-semibold"
      style={{ width: header.getSize() }}
      aria-sort={sortIndex === 0 ? (sorted === "desc" ? "descending" : "ascending") : undefined}
      data-column={column.id}
    >
      {column.getCanSort() ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          onKeyDown={(e) => e.altKey && resizeByKey(e)}
          title={t("grid.sortHint")}
          className={`flex w-full items-center gap-1 px-2 py-2 hover:bg-slate-200 ${alignsRight(field.type) ? "justify-end" : ""}`}
        >
          <span className="truncate" title={fullName}>
            {label}
          </span>
          {sorted && (
            <span aria-hidden="true" className="text-xs">
              {sorted === "asc" ? "▲" : "▼"}
              {many ? sortIndex + 1 : ""}
            </span>
          )}
          {sorted && <span className="sr-only">{t(sorted === "asc" ? "grid.sortedAsc" : "grid.sortedDesc")}</span>}
        </button>
      ) : (
        <span className="block truncate px-2 py-2" title={fullName}>
          {label}
        </span>
      )}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t("grid.resize", { column: label })}
        aria-valuenow={header.getSize()}
        aria-valuemin={48}
        aria-valuemax={2000}
        tabIndex={column.getCanSort() ? -1 : 0}
        onMouseDown={resize}
        onTouchStart={resize}
        onDoubleClick={() => column.resetSize()}
        onKeyDown={resizeByKey}
        className={`absolute top-0 right-0 h-full w-2 cursor-col-resize touch-none select-none hover:bg-brand-600 focus:bg-brand-600 ${column.getIsResizing() ? "bg-brand-600" : ""}`}
      />
    </th>
  );
}
