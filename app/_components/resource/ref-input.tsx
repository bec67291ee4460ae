"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatCell, type UiLocale } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import { RefPicker } from "./ref-picker";
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

/** A ref field's input: a row of the referenced resource (see RefPicker), or none unless required. */
export function RefInput({ field, value, cell, onChange, ...aria }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const known = value && cell && typeof cell === "object" && "id" in cell && String(cell.id) === value ? formatCell(field, cell, locale, t) : undefined;
  return (
    <RefPicker
      resource={field.ref!}
      value={value}
      onChange={onChange}
      emptyLabel={!field.required || !value ? t("detail.none") : null}
      knownLabel={known}
      searchLabel={t("detail.searchIn", { field: t(field.label) })}
      // A target the user may not list: the value can still be typed.
      fallback={<input {...aria} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} data-field={field.name} />}
      selectProps={{ ...aria, "data-field": field.name }}
    />
  );
}
