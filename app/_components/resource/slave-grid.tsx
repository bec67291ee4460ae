"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { alignsRight, formatNumber, type UiLocale } from "@/lib/format";
import { resourceHref, SLAVE_PAGE_SIZE, slaveListState, type SlaveData, type SlaveMeta } from "@/lib/resources";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { CellView } from "./cell";
import { InsertDialog } from "./insert-dialog";
import { alertClass, toolButton } from "./styles";

const PRINTED = 200;

/** The rows of another resource that point to this row, in a compact grid, with inline add; `initial` is what the page brought. */
export function SlaveGrid({
  slave,
  masterId,
  masterLocked = false,
  print,
  initial,
}: {
  slave: SlaveMeta;
  masterId: string | number;
  /** The master row has become a record (a sent mail): nothing is added to it. */
  masterLocked?: boolean;
  print: boolean;
  initial?: SlaveData;
}) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const meta = useQuery(
    trpc.resources.meta.queryOptions({ resource: slave.resource }, { staleTime: 60_000, initialData: initial?.meta }),
  );
  const pageSize = print ? PRINTED : SLAVE_PAGE_SIZE;
  const state = slaveListState(slave.masterField, masterId, page, pageSize);
  const list = useQuery({
    ...trpc.resources.list.queryOptions({ resource: slave.resource, state }),
    placeholderData: keepPreviousData,
    initialData: page === 1 && !print ? initial?.page : undefined,
  });
  const total = list.data?.total ?? 0;
  // A capped count is a lower bound: more rows than that, so at least one page more.
  const capped = list.data?.totalIsCapped ?? false;
  const columns = (meta.data?.columns ?? []).filter((c) => c !== slave.masterField);
  const pages = Math.max(1, Math.ceil((capped ? total + 1 : total) / pageSize));

  return (
    <section
      aria-labelledby={headingId}
      className="rounded border border-slate-200 bg-white p-4 print:break-inside-avoid-page"
      data-testid={`slave-${slave.resource}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="font-semibold">
          {t(slave.label)}
        </h2>
        {list.data && (
          <span className="text-sm text-slate-700">
            {t(capped ? "grid.totalCapped" : "grid.total", { total: formatNumber(total, locale) })}
          </span>
        )}
        {slave.canCreate && !masterLocked && meta.data && !print && (
          <button type="button" className={`${toolButton} ml-auto`} onClick={() => setAdding(true)}>
            {t("detail.add")}
          </button>
        )}
      </div>
      {(meta.error || list.error) && (
        <p role="alert" className={alertClass}>
          {errorMessage(meta.error ?? list.error)}
        </p>
      )}
      {meta.data &&
        list.data &&
        (list.data.rows.length === 0 ? (
          <p className="text-sm text-slate-700">{t("grid.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  {columns.map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className="px-2 py-1 font-semibold"
                      title={meta.data.fields[c]!.columnLabel ? t(meta.data.fields[c]!.label) : undefined}
                    >
                      {t(meta.data.fields[c]!.columnLabel ?? meta.data.fields[c]!.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.data.rows.map((row) => (
                  <tr key={String(row.__id)} className="border-b border-slate-100">
                    {columns.map((c, i) => {
                      const field = meta.data.fields[c]!;
                      return (
                        <td key={c} className={`px-2 py-1 ${alignsRight(field.type) ? "text-right tabular-nums" : ""}`}>
                          {i === 0 && !print ? (
                            <Link
                              href={resourceHref(slave.resource, row.__id as string | number)}
                              className="text-blue-800 underline"
                            >
                              <CellView field={{ ...field, ref: undefined }} value={row[c]} />
                            </Link>
                          ) : (
                            <CellView field={field} value={row[c]} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {print && list.data && total > list.data.rows.length && (
        <p className="mt-2 text-sm text-slate-700">
          {t(capped ? "detail.printedRowsCapped" : "detail.printedRows", {
            shown: formatNumber(list.data.rows.length, locale),
            total: formatNumber(total, locale),
          })}
        </p>
      )}
      {!print && pages > 1 && (
        <div className="mt-2 flex items-center gap-2 text-sm">
          <button type="button" className={toolButton} disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("grid.previousPage")}
          </button>
          <span>
            {t(capped ? "grid.pageOfCapped" : "grid.pageOf", {
              page: formatNumber(page, locale),
              pages: formatNumber(capped ? Math.floor(total / pageSize) : pages, locale),
            })}
          </span>
          <button type="button" className={toolButton} disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t("grid.nextPage")}
          </button>
        </div>
      )}
      {adding && meta.data && (
        <InsertDialog
          meta={meta.data}
          preset={{ [slave.masterField]: masterId }}
          onClose={() => setAdding(false)}
          onCreated={() => void list.refetch()}
        />
      )}
    </section>
  );
}
