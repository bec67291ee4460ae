"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatCell, type UiLocale } from "@/lib/format";
import type { FieldMeta, Row } from "@/lib/resources";
import { RefPicker } from "./ref-picker";

/** The form a field belongs to: a resource's row, or the parameters of one of its actions or transitions. */
export type FieldOwner = { resource: string; action?: string };

type Props = {
  id: string;
  field: FieldMeta;
  owner: FieldOwner;
  value: string;
  cell?: Row[string];
  onChange: (v: string) => void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
};

/** A ref field's input: one of the rows the user may choose (see RefPicker), or none unless required. */
export function RefInput({ field, owner, value, cell, onChange, ...aria }: Props) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const known =
    value && cell && typeof cell === "object" && "id" in cell && String(cell.id) === value
      ? formatCell(field, cell, locale, t)
      : undefined;
  const source = owner.action ? { action: owner.action, param: field.name } : { field: field.name };
  return (
    <RefPicker
      resource={owner.resource}
      source={source}
      value={value}
      onChange={onChange}
      emptyLabel={!field.required || !value ? t("detail.none") : null}
      knownLabel={known}
      searchLabel={t("detail.searchIn", { field: t(field.label) })}
      selectProps={{ ...aria, "data-field": field.name }}
    />
  );
}
