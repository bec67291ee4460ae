"use client";
import type { ReactTable } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { formatNumber, type UiLocale } from "@/lib/format";
import type { Row } from "@/lib/resources";
import type { GridFeatures } from "./grid";

export const PAGE_SIZES = [10, 25, 50, 100, 200];
const button =
  "rounded border border-slate-400 bg-white px-2 py-1 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

/**
 * Row count, page navigation and page size. When the server stopped counting (`capped`), more
 * than `total` rows match: the count and the number of pages read "more than", and the last page,
 * unknown, cannot be jumped to (next page still can).
 */
export function GridPager({
  table,
  total,
  capped = false,
}: {
  table: ReactTable<GridFeatures, Row>;
  total: number | undefined;
  capped?: boolean;
}) {
  const t = useTranslations("grid");
  const locale = useLocale() as UiLocale;
  const sizeId = useId();
  const { pageIndex, pageSize } = table.atoms.pagination.get();
  const n = (v: number) => formatNumber(v, locale);
  const first = total ? pageIndex * pageSize + 1 : 0;
  const last = Math.min(total ?? 0, (pageIndex + 1) * pageSize);
  // Capped: more than `total` rows, so certainly more than this many whole pages.
  const pages = capped ? Math.floor((total ?? 0) / pageSize) : Math.max(1, table.getPageCount());

  return (
    <nav aria-label={t("paging")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p role="status" data-testid="row-count">
        {total === undefined
          ? ""
          : t(capped ? "rowCountCapped" : "rowCount", { first: n(first), last: n(last), total: n(total) })}
      </p>
      <div className="flex items-center gap-1">
        <button
          type="button"
          className={button}
          onClick={() => table.firstPage()}
          disabled={!table.getCanPreviousPage()}
          aria-label={t("firstPage")}
        >
          «
        </button>
        <button
          type="button"
          className={button}
          onClick={() => table.previousPage()}
          disabled={!table.getCanPreviousPage()}
        >
          {t("previousPage")}
        </button>
        <span className="px-2" data-testid="page-of">
          {t(capped ? "pageOfCapped" : "pageOf", { page: n(pageIndex + 1), pages: n(pages) })}
        </span>
        <button type="button" className={button} onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          {t("nextPage")}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => table.lastPage()}
          disabled={capped || !table.getCanNextPage()}
          aria-label={t("lastPage")}
        >
          »
        </button>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId}>{t("pageSize")}</label>
        <select
          id={sizeId}
          value={pageSize}
          onChange={(e) => table.setPageSize(Number(e.target.value))}
          className="rounded border border-slate-400 bg-white px-2 py-1"
        >
          {[...new Set([...PAGE_SIZES, pageSize])]
            .sort((a, b) => a - b)
            .map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
        </select>
      </div>
    </nav>
  );
}
