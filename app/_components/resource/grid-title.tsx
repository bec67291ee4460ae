"use client";
import { useQueries } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { filterSummary, filterValueOf, isSetFilter, titleWithFilters } from "@/lib/filter-summary";
import type { UiLocale } from "@/lib/format";
import type { FilterMeta, ResourceMeta } from "@/lib/resources";
import { useTRPC } from "@/app/_components/trpc";
import { useListState } from "./use-list-state";

/** The titles of the rows that the active ref filters point to, by "<filter>:<id>". */
function useRefTitles(meta: ResourceMeta, values: Record<string, unknown>) {
  const trpc = useTRPC();
  const picked = meta.filters.flatMap((f) => {
    const v = filterValueOf(f.name, values, meta.defaultFilters ?? {});
    return f.widget === "ref" && f.ref && isSetFilter(v) && (typeof v === "number" || typeof v === "string")
      ? [{ filter: f, id: String(v) }]
      : [];
  });
  // The filter's own options name the row, also for a user who may not open the referenced table.
  const named = useQueries({
    queries: picked.map((p) =>
      trpc.resources.refOptions.queryOptions(
        { resource: meta.id, source: { filter: p.filter.name }, ids: [p.id] },
        { staleTime: 60_000 },
      ),
    ),
  });
  const titles = new Map<string, string>();
  picked.forEach((p, i) => {
    const label = named[i]?.data?.options[0]?.label;
    if (label) titles.set(`${p.filter.name}:${p.id}`, label);
  });
  return (filter: FilterMeta, id: string) => titles.get(`${filter.name}:${id}`);
}

/**
 * The grid page's heading: the table's title followed by the filters in force, defaults included
 * (Lino's `get_title`), e.g. "Clients (Coached, Coached by Mélard Mélanie)". The browser tab
 * follows it, so that several open lists can be told apart.
 */
export function GridTitle({ meta }: { meta: ResourceMeta }) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const { state } = useListState(25);
  const refTitle = useRefTitles(meta, state.filters);
  const title = titleWithFilters(
    t(meta.title),
    filterSummary(meta.filters, state.filters, meta.defaultFilters ?? {}, { locale, t, refTitle }),
  );
  const tab = `${title} · ${t("app.name")}`;
  const plainTab = `${t(meta.title)} · ${t("app.name")}`;
  useEffect(() => {
    // The page's metadata gives the plain title, possibly after this effect (it is streamed): put
    // the filters back whenever the plain title shows up, and never touch another page's title.
    // Without filters there is nothing to do; writing the same title again would wake the observer
    // for ever (each write replaces the title's text node).
    if (tab === plainTab) {
      if (document.title !== plainTab) document.title = plainTab;
      return;
    }
    const apply = () => {
      if (document.title === plainTab) document.title = tab;
    };
    document.title = tab;
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [tab, plainTab]);
  return <h1 className="mb-4 text-2xl font-semibold">{title}</h1>;
}
