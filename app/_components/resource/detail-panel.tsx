"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { PanelMeta } from "@/lib/resources";
import { PANEL_COMPONENTS } from "@/app/_components/panels";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass } from "./styles";

/** A detail panel: its data from `resources.panel` (or the page), shown by the component registered under its key. */
export function DetailPanel({
  resource,
  panel,
  rowId,
  initialData,
}: {
  resource: string;
  panel: PanelMeta;
  rowId: string | number;
  initialData?: unknown;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const query = useQuery({
    ...trpc.resources.panel.queryOptions({ resource, id: rowId, key: panel.key }),
    initialData: initialData as never,
  }); // a panel's data has its own shape (typed `unknown`)
  const Component = PANEL_COMPONENTS[panel.key];
  return (
    <section
      aria-labelledby={headingId}
      className="rounded border border-slate-200 bg-white p-4 print:break-inside-avoid-page"
      data-testid={`panel-${panel.key}`}
    >
      <h2 id={headingId} className="mb-2 font-semibold">
        {t(panel.label)}
      </h2>
      {query.error ? (
        <p role="alert" className={alertClass}>
          {errorMessage(query.error)}
        </p>
      ) : query.data === undefined ? (
        <p role="status">{t("grid.loading")}</p>
      ) : Component ? (
        <Component data={query.data} />
      ) : null}
    </section>
  );
}
