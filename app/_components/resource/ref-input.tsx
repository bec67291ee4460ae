"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { formatCell, type UiLocale } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import { useTRPC } from "@/app/_components/trpc";
import { inputClass } from "./styles";

type Props = {
  id: string;
  field: FieldMeta;
  value: string;
  cell?: Row[string];
  onChange: (v: string) => void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
};

/**
 * Picks a row of the referenced resource: a list of its rows (narrowed by a search box when the
 * resource has a quick search), always including the current value.
 */
export function RefInput({ field, value, cell, onChange, ...aria }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const target = useQuery(trpc.resources.meta.queryOptions({ resource: field.ref! }, { staleTime: 60_000 }));
  const searchable = !!target.data?.quickSearch;
  const rows = useQuery({
    ...trpc.resources.list.queryOptions(
      { resource: field.ref!, state: { page: 1, pageSize: 50, sort: [], filters: {}, q: searchable ? q : "" } },
      { enabled: !!target.data },
    ),
    placeholderData: keepPreviousData,
  });

  // A target the user may not list: the value can still be typed.
  if (target.error) return <input {...aria} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} data-field={field.name} />;

  const meta = target.data;
  const title = (row: Row) => (meta ? formatCell(meta.fields[meta.titleField]!, row[meta.titleField], locale, t) : String(row.__id));
  const options = new Map<string, string>();
  if (value && cell && typeof cell === "object" && "id" in cell && String(cell.id) === value) options.set(value, formatCell(field, cell, locale, t));
  for (const row of rows.data?.rows ?? []) options.set(String(row.__id), title(row));
  if (value && !options.has(value)) options.set(value, value);

  return (
    <div className="flex flex-wrap gap-2">
      <select {...aria} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} min-w-48 flex-1`} data-field={field.name}>
        {(!field.required || !value) && <option value="">{t("detail.none")}</option>}
        {[...options].map(([id, label]) => <option key={id} value={id}>{label}</option>)}
      </select>
      {searchable && (
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={t("detail.searchIn", { field: t(field.label) })}
          placeholder={t("grid.search")}
          maxLength={100}
          className={`${inputClass} w-40`}
        />
      )}
    </div>
  );
}
