"use client";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber, type UiLocale } from "@/lib/format";
import type { ListPage, ListState, ResourceMeta } from "@/lib/resources";
import { useTRPC } from "@/app/_components/trpc";
import { detailHref, gridHref } from "./list-state";

const link = "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
const off = "rounded border border-slate-200 px-3 py-1.5 text-sm text-slate-600";

/**
 * Back to the grid the user came from, and previous/next row in that grid's order (its page, or
 * the neighbouring page at the edges). Without a grid behind it, only the way back is offered.
 */
export function RowNav({
  meta,
  rowId,
  state,
  initialPage,
}: {
  meta: ResourceMeta;
  rowId: string | number;
  state: ListState | null;
  initialPage?: ListPage;
}) {
  const t = useTranslations("detail");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const list = (s: ListState | null) =>
    trpc.resources.list.queryOptions(s ? { resource: meta.id, state: s } : skipToken);
  // The page brings the grid page the row was opened from.
  const here = useQuery({ ...list(state), initialData: initialPage });
  const rows = here.data?.rows ?? [];
  const total = here.data?.total ?? 0;
  const capped = here.data?.totalIsCapped ?? false;
  const index = rows.findIndex((r) => String(r.__id) === String(rowId));
  const found = state && index >= 0;
  const before = found && index === 0 && state.page > 1 ? { ...state, page: state.page - 1 } : null;
  const after =
    found && index === rows.length - 1 && (capped || state.page * state.pageSize < total)
      ? { ...state, page: state.page + 1 }
      : null;
  const previousPage = useQuery(list(before));
  const nextPage = useQuery(list(after));

  const prev = !found
    ? null
    : index > 0
      ? { id: rows[index - 1]!.__id, state }
      : before && previousPage.data?.rows.length
        ? { id: previousPage.data.rows.at(-1)!.__id, state: before }
        : null;
  const next = !found
    ? null
    : index < rows.length - 1
      ? { id: rows[index + 1]!.__id, state }
      : after && nextPage.data?.rows.length
        ? { id: nextPage.data.rows[0]!.__id, state: after }
        : null;

  return (
    <nav aria-label={t("navigation")} className="flex flex-wrap items-center gap-2">
      <Link
        href={gridHref(meta.id, state ?? { page: 1, pageSize: 25, sort: [], filters: {}, q: "" }, state ? 0 : 25)}
        className={link}
      >
        <span aria-hidden="true">↑ </span>
        {t("backToList")}
      </Link>
      {state && (
        <>
          {prev ? (
            <Link href={detailHref(meta.id, prev.id as string | number, prev.state)} className={link} rel="prev">
              ← {t("previous")}
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              ← {t("previous")}
            </span>
          )}
          {next ? (
            <Link href={detailHref(meta.id, next.id as string | number, next.state)} className={link} rel="next">
              {t("next")} →
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              {t("next")} →
            </span>
          )}
          {found && (
            <span className="text-sm text-slate-700" data-testid="row-position">
              {t(capped ? "positionCapped" : "position", {
                n: formatNumber((state.page - 1) * state.pageSize + index + 1, locale),
                total: formatNumber(total, locale),
              })}
            </span>
          )}
        </>
      )}
    </nav>
  );
}
