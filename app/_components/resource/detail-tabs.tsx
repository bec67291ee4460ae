"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { DetailTab, ResourceMeta, Row, TabData } from "@/lib/resources";
import { CellView } from "./cell";
import { DetailPanel } from "./detail-panel";
import type { Draft, Drafts, FieldError } from "./drafts";
import { FieldInput } from "./field-input";
import { SlaveGrid } from "./slave-grid";

export type Editing = {
  drafts: Drafts;
  errors: Record<string, FieldError>;
  onChange: (name: string, d: Draft) => void;
} | null;
type Props = { meta: ResourceMeta; row: Row; editing: Editing };

/**
 * The detail's tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs, Tab goes
 * into the panel). A resource with a single tab shows its panel alone. A tab is rendered when
 * first shown (the page brings the first tab's data), so that opening a row costs the same however
 * many tabs it has, and stays rendered; edits live in the detail's state and span tabs.
 */
export function DetailTabs({ meta, row, editing, firstTab }: Props & { firstTab: TabData }) {
  const t = useTranslations();
  const base = useId();
  const [active, setActive] = useState(0);
  // The tabs shown so far for this row; moving to another row starts afresh from the tab shown.
  const [shown, setShown] = useState({ row: row.__id, tabs: new Set([0]) });
  if (shown.row !== row.__id) setShown({ row: row.__id, tabs: new Set([active]) });
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  if (meta.detail.length === 1)
    return <TabContent meta={meta} tab={meta.detail[0]!} row={row} editing={editing} initial={firstTab} />;

  const show = (i: number) => {
    setActive(i);
    if (!shown.tabs.has(i)) setShown({ row: shown.row, tabs: new Set([...shown.tabs, i]) });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = meta.detail.length - 1;
    const next =
      e.key === "ArrowRight"
        ? active === last
          ? 0
          : active + 1
        : e.key === "ArrowLeft"
          ? active === 0
            ? last
            : active - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    show(next);
    tabs.current[next]?.focus();
  };

  return (
    <div>
      {/* Tabs wrap on a narrow screen rather than widen the page. */}
      <div
        role="tablist"
        aria-label={t("detail.tabs")}
        className="flex flex-wrap gap-1 border-b border-slate-300"
        onKeyDown={onKeyDown}
      >
        {meta.detail.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => show(i)}
            className={`-mb-px rounded-t border px-4 py-2 text-sm ${i === active ? "border-slate-300 border-b-white bg-white font-semibold" : "border-transparent text-slate-700 hover:bg-slate-100"}`}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {meta.detail.map((tab, i) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== active}
          tabIndex={0}
          className="pt-4"
        >
          {shown.tabs.has(i) && (
            <TabContent meta={meta} tab={tab} row={row} editing={editing} initial={i === 0 ? firstTab : undefined} />
          )}
        </div>
      ))}
    </div>
  );
}

/** A tab's top panels, its groups of labelled fields, its other panels, then its slave grids (`initial`: their data, from the page). */
export function TabContent({
  meta,
  tab,
  row,
  editing,
  initial,
  print = false,
}: Props & { tab: DetailTab; initial?: TabData; print?: boolean }) {
  const t = useTranslations();
  const Fields = editing ? "div" : "dl";
  // Fields a certifying print of the row vouches for stay read-only, saying why (docs/documents.md).
  const certified = row.__certified === true ? new Set(meta.certified?.fields) : null;
  const panel = (p: DetailTab["panels"][number]) => (
    <DetailPanel
      key={p.key}
      resource={meta.id}
      panel={p}
      rowId={row.__id as string | number}
      initialData={initial?.panels[p.key]}
    />
  );
  const below = tab.panels.filter((p) => !p.top);
  return (
    <div className="flex flex-col gap-5">
      {tab.panels.filter((p) => p.top).map(panel)}
      <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
        {tab.groups.map((group, g) => (
          <section
            key={g}
            className="rounded border border-slate-200 bg-white p-4"
            aria-label={group.label ? t(group.label) : undefined}
          >
            {group.label && <h3 className="mb-2 font-semibold">{t(group.label)}</h3>}
            {/* Read mode is a description list; in edit mode inputs carry their own labels. */}
            <Fields className="flex flex-col gap-3">
              {group.fields.map((name) => {
                const field = meta.fields[name]!;
                const locked = certified?.has(name) === true;
                if (editing && field.editable && !locked) {
                  return (
                    <FieldInput
                      key={name}
                      field={field}
                      owner={{ resource: meta.id }}
                      draft={editing.drafts[name]}
                      error={editing.errors[name]}
                      cell={row[name]}
                      onChange={(d) => editing.onChange(name, d)}
                    />
                  );
                }
                const [Term, Value] = editing ? (["span", "span"] as const) : (["dt", "dd"] as const);
                return (
                  <div key={name} className="flex flex-col">
                    <Term className="text-xs font-medium text-slate-700">{t(field.label)}</Term>
                    <Value className="min-h-6" data-field={name} {...(locked ? { "data-certified": "true" } : {})}>
                      <CellView field={field} value={row[name]} />
                    </Value>
                    {locked && editing && field.editable && (
                      <span className="text-xs text-amber-900" data-testid="certified-field">
                        {t("documents.certified.fieldLocked")}
                      </span>
                    )}
                  </div>
                );
              })}
            </Fields>
          </section>
        ))}
      </div>
      {below.length > 0 && <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">{below.map(panel)}</div>}
      {tab.slaves.map((slave) => (
        <SlaveGrid
          key={slave.resource}
          slave={slave}
          masterId={row.__id as string | number}
          masterLocked={row.__locked === true}
          print={print}
          initial={initial?.slaves[slave.resource]}
        />
      ))}
    </div>
  );
}
