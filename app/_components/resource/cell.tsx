"use client";
import { Link } from "@/app/_components/link";
import { useLocale, useTranslations } from "next-intl";
import { formatCell, type UiLocale } from "@/lib/format";
import { resourceHref, type FieldMeta, type Row } from "@/lib/resources";

/**
 * One value as the user reads it; a reference links to the referenced row's detail. In a grid the
 * link stays out of the tab order (the grid is one tab stop; its rows open with Enter).
 */
export function CellView({
  field,
  value,
  inGrid = false,
}: {
  field: FieldMeta;
  value: Row[string] | undefined;
  inGrid?: boolean;
}) {
  const t = useTranslations();
  const text = formatCell(field, value, useLocale() as UiLocale, t);
  if (field.ref && value && typeof value === "object" && "id" in value) {
    return (
      <Link
        href={resourceHref(field.ref, value.id)}
        className="text-blue-800 underline"
        onClick={(e) => e.stopPropagation()}
        tabIndex={inGrid ? -1 : undefined}
      >
        {text}
      </Link>
    );
  }
  if (field.type === "longtext") return <span className="whitespace-pre-wrap">{text}</span>;
  // The server sends only sanitised HTML (server/notes/sanitize.ts, applied on write and on read).
  if (field.type === "html")
    return <div className="rich-text" dangerouslySetInnerHTML={{ __html: typeof value === "string" ? value : "" }} />;
  return <>{text}</>;
}
