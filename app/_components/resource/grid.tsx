"use client";
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import type { ResourceMeta, Row } from "@/lib/resources";
import { useErrorMessage } from "@/app/_components/trpc";
import { resourceSource, type GridSource } from "./data-source";
import { FiltersToggle, GridFilters } from "./grid-filters";
import { GridPager } from "./grid-pager";
import { GridTable, type RowSelection } from "./grid-table";
import { SELECTION_COMPONENTS } from "@/app/_components/selection";
import { GridToolbar } from "./grid-toolbar";
import { allColumns, pixels, useGridLayout } from "./use-grid-layout";
import { useListState } from "./use-list-state";

/** Sorting, paging and filtering happen on the server; the table keeps the layout and renders the page. */
export const gridFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
});
export type GridFeatures = typeof gridFeatures;
const NO_ROWS: Row[] = [];

/** Columns start at their declared width, or wider when their translated label needs it. */
function columnsOf(meta: ResourceMeta, label: (key: string) => string): ColumnDef<GridFeatures, Row>[] {
  return allColumns(meta).map((name) => ({
    id: name,
    accessorFn: (row: Row) => row[name],
    size: Math.max(
      pixels(meta.fields[name]!.width),
      pixels(label(meta.fields[name]!.columnLabel ?? meta.fields[name]!.label).length + 3),
    ),
    minSize: 48,
    enableSorting: meta.fields[name]!.sortable,
  }));
}

/**
 * The grid of any resource, rendered from its meta. Its rows come from the generic list procedure
 * unless the page brings another source (the operator console's centre list).
 */
export function Grid({
  meta,
  initialSettings,
  source = resourceSource(meta),
}: {
  meta: ResourceMeta;
  initialSettings: unknown;
  source?: GridSource;
}) {
  const t = useTranslations();
  const errorMessage = useErrorMessage();
  const { layout, update, reset } = useGridLayout(meta, initialSettings, source.layout);
  const { state, setState } = useListState(layout.pageSize ?? 25);
  const list = source.useList(state);
  const columns = useMemo(() => columnsOf(meta, t), [meta, t]);

  const sorting: SortingState = (state.sort.length ? state.sort : meta.defaultSort).map((k) => ({
    id: k.field,
    desc: k.dir === "desc",
  }));
  const pagination: PaginationState = { pageIndex: state.page - 1, pageSize: state.pageSize };
  const table = useTable({
    features: gridFeatures,
    columns,
    data: list.data?.rows ?? NO_ROWS,
    getRowId: (row) => String(row.__id),
    manualSorting: true,
    manualPagination: true,
    // A capped count is a lower bound: one row more keeps "next page" open past it.
    rowCount: list.data ? list.data.total + (list.data.totalIsCapped ? 1 : 0) : 0,
    sortDescFirst: false,
    enableMultiSort: true,
    maxMultiSortColCount: 5,
    columnResizeMode: "onChange",
    state: {
      sorting,
      pagination,
      columnVisibility: layout.visible,
      columnOrder: layout.order,
      columnSizing: layout.widths,
    },
    onSortingChange: (u) => {
      const next = functionalUpdate(u, sorting);
      setState({ ...state, page: 1, sort: next.map((s) => ({ field: s.id, dir: s.desc ? "desc" : "asc" })) });
    },
    onPaginationChange: (u) => {
      const next = functionalUpdate(u, pagination);
      if (next.pageSize !== state.pageSize) {
        update((l) => ({ ...l, pageSize: next.pageSize }));
        setState({ ...state, page: 1, pageSize: next.pageSize });
      } else setState({ ...state, page: next.pageIndex + 1 });
    },
    onColumnVisibilityChange: (u) => update((l) => ({ ...l, visible: functionalUpdate(u, l.visible) })),
    onColumnOrderChange: (u) => update((l) => ({ ...l, order: functionalUpdate(u, l.order) })),
    onColumnSizingChange: (u) => update((l) => ({ ...l, widths: functionalUpdate(u, l.widths) })),
  });
  const visibleColumns = table.getVisibleLeafColumns().map((c) => c.id);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const hasFilters = meta.filters.length > 0;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection: RowSelection | undefined = meta.selection?.length
    ? {
        selected,
        toggle: (ids, on) =>
          setSelected((before) => {
            const next = new Set(before);
            for (const id of ids)
              if (on) next.add(id);
              else next.delete(id);
            return next;
          }),
      }
    : undefined;
  const selectedIds = [...selected].map(Number);

  return (
    <div className="flex flex-col gap-3">
      <GridToolbar
        meta={meta}
        state={state}
        setState={setState}
        table={table}
        visibleColumns={visibleColumns}
        onResetLayout={reset}
        exports={source.exports}
        onColumns={
          source.layout === "preferences"
            ? (columns) =>
                update((l) => {
                  const shown = columns.filter((c) => l.order.includes(c));
                  if (!shown.length) return l;
                  const order = [...shown, ...l.order.filter((c) => !shown.includes(c))];
                  return { ...l, order, visible: Object.fromEntries(order.map((c) => [c, shown.includes(c)])) };
                })
            : undefined
        }
        filtersToggle={
          hasFilters && (
            <FiltersToggle
              meta={meta}
              state={state}
              open={filtersOpen}
              onToggle={() => setFiltersOpen(!filtersOpen)}
              controls={filtersId}
            />
          )
        }
      />
      {hasFilters && <GridFilters id={filtersId} hidden={!filtersOpen} meta={meta} state={state} setState={setState} />}
      {list.error != null && (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
          {errorMessage(list.error)}
        </p>
      )}
      {selection && (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="grid-selection">
          <span role="status">{t("selection.count", { count: selected.size })}</span>
          {selected.size > 0 && (
            <button type="button" className="text-blue-800 underline" onClick={() => setSelected(new Set())}>
              {t("selection.clear")}
            </button>
          )}
          {meta.selection!.map(({ key, params }) => {
            const Button = SELECTION_COMPONENTS[key];
            return Button ? <Button key={key} meta={meta} params={params} ids={selectedIds} /> : null;
          })}
        </div>
      )}
      <GridTable
        selection={selection}
        meta={meta}
        table={table}
        state={state}
        loading={list.isPending}
        fetching={list.isFetching}
        caption={t(source.detail ? "grid.keyboardHint" : "grid.keyboardHintNoDetail")}
        opensDetail={source.detail}
        extraColumns={source.extraColumns}
      />
      <GridPager table={table} total={list.data?.total} capped={list.data?.totalIsCapped} />
    </div>
  );
}
