"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { formatCell, type Translate, type UiLocale } from "@/lib/format";
import type { ResourceMeta, Row } from "@/lib/resources";
import { useTRPC } from "@/app/_components/trpc";
import { inputClass } from "./styles";

/** A row's title as its own resource shows it (detail header, search hits). */
export const rowTitle = (meta: ResourceMeta, row: Row, locale: UiLocale, t: Translate) =>
  formatCell(meta.fields[meta.titleField]!, row[meta.titleField], locale, t);

/** The referenced resource's meta, shared (cached) by every picker and title naming it. */
export function useRefTarget(resource: string) {
  const trpc = useTRPC();
  return useQuery(trpc.resources.meta.queryOptions({ resource }, { staleTime: 60_000 }));
}

type SelectProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string; "aria-required"?: boolean } & Record<`data-${string}`, string>;

type Props = {
  resource: string;
  /** The picked row's id as text; "" for none. */
  value: string;
  onChange: (v: string) => void;
  /** The first option's text (none, all); no such option when null. */
  emptyLabel: string | null;
  /** The current value's text when the caller already has it (a ref cell). */
  knownLabel?: string;
  /** The accessible name of the search box, when the resource has a quick search. */
  searchLabel: string;
  /** Shown instead when the user may not list the referenced resource (e.g. a plain id box). */
  fallback: React.ReactNode;
  selectProps: SelectProps;
};

/**
 * Picks a row of another resource: a list of its rows (narrowed by a search box when the resource
 * has a quick search), always including the current value. Used by ref fields and ref filters.
 */
export function RefPicker({ resource, value, onChange, emptyLabel, knownLabel, searchLabel, fallback, selectProps }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const target = useRefTarget(resource);
  const searchable = !!target.data?.quickSearch;
  const rows = useQuery({
    ...trpc.resources.list.queryOptions(
      { resource, state: { page: 1, pageSize: 50, sort: [], filters: {}, q: searchable ? q : "" } },
      { enabled: !!target.data },
    ),
    placeholderData: keepPreviousData,
  });

  if (target.error) return <>{fallback}</>;

  const meta = target.data;
  const options = new Map<string, string>();
  if (value && knownLabel) options.set(value, knownLabel);
  for (const row of rows.data?.rows ?? []) options.set(String(row.__id), meta ? rowTitle(meta, row, locale, t) : String(row.__id));
  if (value && !options.has(value)) options.set(value, value);

  return (
    <div className="flex flex-wrap gap-2">
      <select {...selectProps} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} min-w-48 flex-1`}>
        {emptyLabel !== null && <option value="">{emptyLabel}</option>}
        {[...options].map(([id, label]) => <option key={id} value={id}>{label}</option>)}
      </select>
      {searchable && (
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={searchLabel}
          placeholder={t("grid.search")}
          maxLength={100}
          className={`${inputClass} w-40`}
        />
      )}
    </div>
  );
}
