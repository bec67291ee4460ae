"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import type { RefSource } from "@/server/resources/ref-options";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, inputClass } from "./styles";

type SelectProps = {
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
} & Record<`data-${string}`, string>;

/** Which picker of which resource: one of its ref fields, ref filters or action parameters. */
export type RefOwner = { resource: string; source: RefSource };

type Props = RefOwner & {
  /** The picked row's id as text; "" for none. */
  value: string;
  onChange: (v: string) => void;
  /** The first option's text (none, all); no such option when null. */
  emptyLabel: string | null;
  /** The current value's text when the caller already has it (a ref cell). */
  knownLabel?: string;
  /** The accessible name of the search box. */
  searchLabel: string;
  selectProps: SelectProps;
};

/**
 * Picks a row of another resource among the options the server offers for this field, filter or
 * parameter (`resources.refOptions`: what the user may choose, even when they may not open the
 * referenced table), always including the current value. A search box narrows long lists.
 */
export function RefPicker({
  resource,
  source,
  value,
  onChange,
  emptyLabel,
  knownLabel,
  searchLabel,
  selectProps,
}: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const page = useQuery({
    ...trpc.resources.refOptions.queryOptions({ resource, source, q }, { staleTime: 30_000 }),
    placeholderData: keepPreviousData,
  });
  const listed = page.data?.options ?? [];
  // The current value may be beyond the first page or outside a search: ask for its title alone.
  const unnamed = !!value && !knownLabel && !!page.data && !listed.some((o) => String(o.id) === value);
  const current = useQuery(
    trpc.resources.refOptions.queryOptions({ resource, source, ids: [value] }, { enabled: unnamed, staleTime: 60_000 }),
  );

  const options = new Map<string, string>();
  if (value && !listed.some((o) => String(o.id) === value))
    options.set(value, knownLabel ?? current.data?.options[0]?.label ?? value);
  for (const o of listed) options.set(String(o.id), o.label);
  const searchable = search !== "" || !!page.data?.more;

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <select
          {...selectProps}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`${inputClass} min-w-48 flex-1`}
        >
          {emptyLabel !== null && <option value="">{emptyLabel}</option>}
          {[...options].map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
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
      {page.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(page.error)}
        </p>
      )}
    </div>
  );
}
