"use client";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/link";
import { useLocale, useTranslations } from "next-intl";
import { formatCell, formatDateTime, type UiLocale } from "@/lib/format";
import { resourceHref, rowIdOf, type ResourceMeta } from "@/lib/resources";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { TabContent } from "./detail-tabs";
import { alertClass, primaryButton, toolButton } from "./styles";

// On paper, only the document: the application's header, menus and these buttons stay on screen.
const PRINT_CSS = `@media print {
  body > div > header, nav, [data-print="hide"] { display: none !important; }
  body { background: white; }
  @page { margin: 15mm; }
}`;

/** A row's detail for printing: every tab in turn, slave grids in full (up to 200 rows). */
export function PrintView({ meta, id }: { meta: ResourceMeta; id: string }) {
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const rowId = rowIdOf(id);
  const query = useQuery(trpc.resources.get.queryOptions({ resource: meta.id, id: rowId }));
  if (query.error)
    return (
      <p role="alert" className={alertClass}>
        {errorMessage(query.error)}
      </p>
    );
  if (!query.data) return <p role="status">{t("grid.loading")}</p>;
  const row = query.data;
  const title = formatCell(meta.fields[meta.titleField]!, row[meta.titleField], locale, t) || String(row.__id);

  return (
    <article className="flex flex-col gap-6" data-testid="print-view">
      <style>{PRINT_CSS}</style>
      <div className="flex gap-2" data-print="hide">
        <button type="button" className={primaryButton} onClick={() => window.print()}>
          {t("detail.printNow")}
        </button>
        <Link href={resourceHref(meta.id, rowId)} className={toolButton}>
          {t("detail.backToDetail")}
        </Link>
      </div>
      <header className="border-b border-slate-400 pb-2">
        <p className="text-sm text-slate-700">{t(meta.title)}</p>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-xs text-slate-700">
          {t("detail.printedAt", { when: formatDateTime(new Date().toISOString(), locale) })}
        </p>
      </header>
      {meta.detail.map((tab) => (
        <section key={tab.key} className="flex flex-col gap-3 print:break-inside-auto">
          {meta.detail.length > 1 && <h2 className="text-lg font-semibold">{t(tab.label)}</h2>}
          <TabContent meta={meta} tab={tab} row={row} editing={null} print />
        </section>
      ))}
    </article>
  );
}
