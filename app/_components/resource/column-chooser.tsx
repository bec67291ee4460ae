"use client";
import type { ReactTable } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import type { ResourceMeta, Row } from "@/lib/resources";
import type { GridFeatures } from "./grid";
import { Menu } from "./menu";

const move = (order: string[], id: string, by: -1 | 1) => {
  const from = order.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
};

/** Which columns show, in which order (buttons rather than dragging, so that keyboards can do it too). */
export function ColumnChooser({
  meta,
  table,
  onReset,
}: {
  meta: ResourceMeta;
  table: ReactTable<GridFeatures, Row>;
  onReset: () => void;
}) {
  const t = useTranslations();
  const order = table.atoms.columnOrder.get();
  const small = "rounded border border-slate-400 px-1.5 leading-6 hover:bg-slate-100 disabled:opacity-40";
  return (
    <Menu label={t("grid.columns")} testId="column-chooser">
      <ul className="max-h-96 overflow-y-auto" aria-label={t("grid.columns")}>
        {order.map((id, i) => {
          const column = table.getColumn(id);
          if (!column) return null;
          const label = t(meta.fields[id]!.label);
          return (
            <li key={id} className="flex items-center gap-2 px-3 py-1">
              <label className="flex flex-1 items-center gap-2">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  onChange={(e) => column.toggleVisibility(e.target.checked)}
                />
                {label}
              </label>
              <button
                type="button"
                className={small}
                disabled={i === 0}
                onClick={() => table.setColumnOrder(move(order, id, -1))}
                aria-label={t("grid.moveLeft", { column: label })}
              >
                <span aria-hidden="true">←</span>
              </button>
              <button
                type="button"
                className={small}
                disabled={i === order.length - 1}
                onClick={() => table.setColumnOrder(move(order, id, 1))}
                aria-label={t("grid.moveRight", { column: label })}
              >
                <span aria-hidden="true">→</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="border-t border-slate-200 px-3 pt-2 pb-1">
        <button type="button" className="text-blue-800 underline" onClick={onReset}>
          {t("grid.resetColumns")}
        </button>
      </div>
    </Menu>
  );
}
