"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatCell, type UiLocale } from "@/lib/format";
import { resourceHref, type FieldMeta, type Row } from "@/lib/resources";

/** One value as the user reads it; a reference links to the referenced row's detail. */
export function CellView({ field, value }: { field: FieldMeta; value: Row[string] | undefined }) {
  const t = useTranslations();
  const text = formatCell(field, value, useLocale() as UiLocale, t);
  if (field.ref && value && typeof value === "object" && "id" in value) {
    return (
      <Link href={resourceHref(field.ref, value.id)} className="text-blue-800 underline" onClick={(e) => e.stopPropagation()}>
        {text}
      </Link>
    );
  }
  if (field.type === "longtext") return <span className="whitespace-pre-wrap">{text}</span>;
  return <>{text}</>;
}
