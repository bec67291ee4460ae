"use client";
import type { ReactTable } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ListState, ResourceMeta, Row } from "@/lib/resources";
import { ColumnChooser } from "./column-chooser";
import type { GridFeatures } from "./grid";
import { InsertDialog } from "./insert-dialog";
import { detailHref, exportHref } from "./list-state";
import { Menu } from "./menu";
import { QuickSearch } from "./quick-search";
import { SavedSearches } from "./saved-searches";
import { primaryButton } from "./styles";
import { TOOLBAR_COMPONENTS } from "@/app/_components/toolbar";

type Props = {
  meta: ResourceMeta;
  state: ListState;
  setState: (s: ListState, o?: { replace?: boolean }) => void;
  table: ReactTable<GridFeatures, Row>;
  visibleColumns: string[];
  onResetLayout: () => void;
  /** Off where the export route does not serve the resource (the console). */
  exports: boolean;
  /** The button showing the filter panel, next to the search. */
  filtersToggle?: React.ReactNode;
  /** Shows saved columns in their order; absent where the user has no saved preferences (the console). */
  onColumns?: (columns: string[]) => void;
};

const FORMATS = ["csv", "xlsx", "pdf"] as const;

export function GridToolbar({
  meta,
  state,
  setState,
  table,
  visibleColumns,
  onResetLayout,
  exports,
  filtersToggle,
  onColumns,
}: Props) {
  const t = useTranslations("grid");
  const router = useRouter();
  const [inserting, setInserting] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {meta.quickSearch && (
        <QuickSearch value={state.q} onSearch={(q) => setState({ ...state, q, page: 1 }, { replace: true })} />
      )}
      {filtersToggle}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {(meta.toolbar ?? []).map((key) => {
          const Button = TOOLBAR_COMPONENTS[key];
          return Button ? <Button key={key} /> : null;
        })}
        {meta.canCreate && (
          <button type="button" className={primaryButton} onClick={() => setInserting(true)}>
            {t("new")}
          </button>
        )}
        {exports && (
          <Menu label={t("export")}>
            {FORMATS.map((f) => (
              <a
                key={f}
                href={exportHref(meta.id, f, state, visibleColumns)}
                className="block px-3 py-1.5 hover:bg-slate-100 focus:bg-slate-100"
                data-testid={`export-${f}`}
              >
                {t(`exportAs.${f}`)}
              </a>
            ))}
          </Menu>
        )}
        {onColumns && (
          <SavedSearches
            meta={meta}
            state={state}
            setState={setState}
            visibleColumns={visibleColumns}
            onColumns={onColumns}
          />
        )}
        <ColumnChooser meta={meta} table={table} onReset={onResetLayout} />
      </div>
      {inserting && (
        <InsertDialog
          meta={meta}
          onClose={() => setInserting(false)}
          onCreated={(id) => router.push(detailHref(meta.id, id, state))}
        />
      )}
    </div>
  );
}
