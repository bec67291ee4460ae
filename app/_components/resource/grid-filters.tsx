"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { choiceLabel, type UiLocale } from "@/lib/format";
import type { FilterMeta, ListState, ResourceMeta } from "@/lib/resources";
import { inputClass } from "./styles";

type SetState = (s: ListState, o?: { replace?: boolean }) => void;
type Range = { from?: string; to?: string };

/** The resource's declared filters; each change starts again at page 1. */
export function GridFilters({ meta, state, setState }: { meta: ResourceMeta; state: ListState; setState: SetState }) {
  const t = useTranslations("grid");
  const set = (name: string, value: unknown) => setState({ ...state, page: 1, filters: { ...state.filters, [name]: value } });
  const active = Object.values(state.filters).some((v) => v !== undefined && v !== null && v !== "");
  return (
    <section aria-label={t("filters")} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
      {meta.filters.map((f) => <FilterControl key={f.name} filter={f} value={state.filters[f.name]} onChange={(v) => set(f.name, v)} />)}
      {active && (
        <button type="button" className="text-sm text-blue-800 underline" onClick={() => setState({ ...state, page: 1, filters: {} })}>
          {t("clearFilters")}
        </button>
      )}
    </section>
  );
}

function FilterControl({ filter, value, onChange }: { filter: FilterMeta; value: unknown; onChange: (v: unknown) => void }) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const id = useId();
  const label = t(filter.label);
  const wrap = (control: React.ReactNode) => (
    <div className="flex min-w-40 flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">{label}</label>
      {control}
    </div>
  );

  if ((filter.widget === "choice" || filter.widget === "user") && filter.choices) {
    return wrap(
      <select id={id} value={String(value ?? "")} onChange={(e) => onChange(e.target.value || undefined)} className={inputClass} data-filter={filter.name}>
        <option value="">{t("grid.all")}</option>
        {filter.choices.map((c) => <option key={c.value} value={c.value}>{choiceLabel([c], c.value, locale, t)}</option>)}
      </select>,
    );
  }
  if (filter.widget === "boolean") {
    return wrap(
      <select id={id} value={value === true ? "true" : value === false ? "false" : ""} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value === "true")} className={inputClass} data-filter={filter.name}>
        <option value="">{t("grid.all")}</option>
        <option value="true">{t("format.yes")}</option>
        <option value="false">{t("format.no")}</option>
      </select>,
    );
  }
  if (filter.widget === "dateRange") {
    const range = (value ?? {}) as Range;
    const change = (part: keyof Range, v: string) => {
      const next = { ...range, [part]: v || undefined };
      onChange(next.from || next.to ? next : undefined);
    };
    return (
      <fieldset className="flex flex-col gap-1 text-sm" data-filter={filter.name}>
        <legend className="font-medium">{label}</legend>
        <div className="flex items-center gap-1">
          <input type="date" aria-label={t("grid.dateFrom", { filter: label })} value={range.from ?? ""} onChange={(e) => change("from", e.target.value)} className={inputClass} />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label={t("grid.dateTo", { filter: label })} value={range.to ?? ""} onChange={(e) => change("to", e.target.value)} className={inputClass} />
        </div>
      </fieldset>
    );
  }
  // Text (and a user without a list): applied on Enter or when leaving the field.
  return wrap(<TextFilter id={id} name={filter.name} value={typeof value === "string" ? value : ""} onChange={(v) => onChange(v || undefined)} numeric={filter.widget === "user"} />);
}

function TextFilter({ id, name, value, onChange, numeric }: { id: string; name: string; value: string; onChange: (v: string) => void; numeric: boolean }) {
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
      type="search"
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
