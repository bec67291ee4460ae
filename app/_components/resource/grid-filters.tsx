"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { filterValueOf, isSetFilter as isSet } from "@/lib/filter-summary";
import { choiceLabel, type UiLocale } from "@/lib/format";
import type { FilterMeta, ListState, ResourceMeta } from "@/lib/resources";
import { DateInput, PARTIAL_DATE } from "./date-input";
import { RefPicker } from "./ref-picker";
import { inputClass, toolButton } from "./styles";

type SetState = (s: ListState, o?: { replace?: boolean }) => void;
type Range = { from?: string; to?: string };

/**
 * The resource's declared filters; each change starts again at page 1. A filter the resource
 * applies by default shows its default until the user changes it; emptying it sends `null`,
 * which lifts the default (see ResourceMeta.defaultFilters).
 */
export function GridFilters({
  id,
  hidden,
  meta,
  state,
  setState,
}: {
  id: string;
  hidden: boolean;
  meta: ResourceMeta;
  state: ListState;
  setState: SetState;
}) {
  const t = useTranslations("grid");
  const defaults = meta.defaultFilters ?? {};
  const valueOf = (name: string) => filterValueOf(name, state.filters, defaults);
  const set = (name: string, value: unknown) => {
    const next = isSet(value) ? value : name in defaults ? null : undefined;
    setState({ ...state, page: 1, filters: { ...state.filters, [name]: next } });
  };
  const active = activeFilterCount(meta, state) > 0;
  const clear = () =>
    setState({ ...state, page: 1, filters: Object.fromEntries(Object.keys(defaults).map((k) => [k, null])) });
  // Hidden rather than unmounted: a half-typed filter is still there when the panel opens again.
  return (
    <section
      id={id}
      hidden={hidden}
      aria-label={t("filters")}
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
    >
      {meta.filters.map((f) => (
        <FilterControl
          key={f.name}
          resource={meta.id}
          filter={f}
          value={valueOf(f.name)}
          onChange={(v) => set(f.name, v)}
        />
      ))}
      {active && (
        <button type="button" className="text-sm text-blue-800 underline" onClick={clear}>
          {t("clearFilters")}
        </button>
      )}
    </section>
  );
}

/** How many filters are in force, the resource's defaults included (the grid's title names them). */
const activeFilterCount = (meta: ResourceMeta, state: ListState) =>
  meta.filters.filter((f) => isSet(filterValueOf(f.name, state.filters, meta.defaultFilters ?? {}))).length;

/**
 * The button that shows or hides the filter panel, saying how many filters are in force: a list
 * with a dozen filters would otherwise push its rows off a laptop's screen.
 */
export function FiltersToggle({
  meta,
  state,
  open,
  onToggle,
  controls,
}: {
  meta: ResourceMeta;
  state: ListState;
  open: boolean;
  onToggle: () => void;
  controls: string;
}) {
  const t = useTranslations("grid");
  return (
    <button
      type="button"
      className={toolButton}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      data-testid="filters-toggle"
    >
      {t("filtersToggle", { count: activeFilterCount(meta, state) })} <span aria-hidden="true">{open ? "▴" : "▾"}</span>
    </button>
  );
}

function FilterControl({
  resource,
  filter,
  value,
  onChange,
}: {
  resource: string;
  filter: FilterMeta;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const id = useId();
  const label = t(filter.label);
  const wrap = (control: React.ReactNode) => (
    <div className="flex min-w-40 flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {control}
    </div>
  );

  if ((filter.widget === "choice" || filter.widget === "user") && filter.choices) {
    // Users are picked by their numeric id.
    const parse = (v: string) => (filter.widget === "user" && /^\d+$/.test(v) ? Number(v) : v);
    return wrap(
      <select
        id={id}
        value={String(value ?? "")}
        onChange={(e) => onChange(e.target.value ? parse(e.target.value) : undefined)}
        className={inputClass}
        data-filter={filter.name}
      >
        <option value="">{t("grid.all")}</option>
        {filter.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {choiceLabel([c], c.value, locale, t)}
          </option>
        ))}
      </select>,
    );
  }
  if (filter.widget === "ref" && filter.ref) {
    // A row of another resource, sent as its numeric id.
    const text = isSet(value) ? String(value) : "";
    const pick = (v: string) => onChange(!v ? undefined : /^\d+$/.test(v) ? Number(v) : v);
    return wrap(
      <RefPicker
        resource={resource}
        source={{ filter: filter.name }}
        value={text}
        onChange={pick}
        emptyLabel={t("grid.all")}
        searchLabel={t("detail.searchIn", { field: label })}
        selectProps={{ id, "data-filter": filter.name }}
      />,
    );
  }
  if (filter.widget === "boolean") {
    return wrap(
      <select
        id={id}
        value={value === true ? "true" : value === false ? "false" : ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value === "true")}
        className={inputClass}
        data-filter={filter.name}
      >
        <option value="">{t("grid.all")}</option>
        <option value="true">{t("format.yes")}</option>
        <option value="false">{t("format.no")}</option>
      </select>,
    );
  }
  if (filter.widget === "date") {
    // A date being typed (PARTIAL_DATE) leaves the filter as it is until it is whole.
    return (
      <div className="flex min-w-40 flex-col gap-1 text-sm">
        <span id={`${id}-label`} className="font-medium">
          {label}
        </span>
        <DateInput
          value={typeof value === "string" ? value : ""}
          labelledBy={`${id}-label`}
          data={{ "data-filter": filter.name }}
          onChange={(v) => v !== PARTIAL_DATE && onChange(v || undefined)}
        />
      </div>
    );
  }
  if (filter.widget === "dateRange") {
    const range = (value ?? {}) as Range;
    const change = (part: keyof Range, v: string) => {
      if (v === PARTIAL_DATE) return;
      const next = { ...range, [part]: v || undefined };
      onChange(next.from || next.to ? next : undefined);
    };
    return (
      <fieldset className="flex flex-col gap-1 text-sm" data-filter={filter.name}>
        <legend className="font-medium">{label}</legend>
        <div className="flex items-center gap-1">
          <DateInput
            label={t("grid.dateFrom", { filter: label })}
            value={range.from ?? ""}
            onChange={(v) => change("from", v)}
            data={{ "data-part": "from" }}
          />
          <span aria-hidden="true">–</span>
          <DateInput
            label={t("grid.dateTo", { filter: label })}
            value={range.to ?? ""}
            onChange={(v) => change("to", v)}
            data={{ "data-part": "to" }}
          />
        </div>
      </fieldset>
    );
  }
  // Text, numbers (and a user without a list, by id): applied on Enter or when leaving the field.
  const numeric = filter.widget === "number" || filter.widget === "user";
  return wrap(
    <TextFilter
      id={id}
      name={filter.name}
      numeric={numeric}
      value={isSet(value) ? String(value) : ""}
      onChange={(v) => onChange(!v ? undefined : numeric && /^-?\d+$/.test(v) ? Number(v) : v)}
    />,
  );
}

function TextFilter({
  id,
  name,
  value,
  onChange,
  numeric,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  numeric: boolean;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const commit = () => text.trim() !== value && onChange(text.trim());
  return (
    <input
      id={id}
      type={numeric ? "number" : "search"}
      inputMode={numeric ? "numeric" : undefined}
      value={text}
      maxLength={100}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
      className={inputClass}
      data-filter={name}
    />
  );
}
