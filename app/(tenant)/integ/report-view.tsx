"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Link } from "@/app/_components/link";
import { DateInput } from "@/app/_components/resource/date-input";
import { alertClass, primaryButton, toolButton } from "@/app/_components/resource/styles";
import { belgianToday } from "@/lib/format";
import type { Report } from "@/server/integ/reports/report";

export interface Period {
  from: string;
  to: string;
}

export const yearOf = (offset: number): Period => {
  const y = Number(belgianToday().slice(0, 4)) + offset;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
};
export const validPeriod = (p: Period) =>
  /^\d{4}-\d{2}-\d{2}$/.test(p.from) && /^\d{4}-\d{2}-\d{2}$/.test(p.to) && p.from <= p.to;

/** The period of a report: two dates, presets (this year, last year, one day), and its downloads. */
export function PeriodForm({
  value,
  onChange,
  download,
}: {
  value: Period;
  onChange: (p: Period) => void;
  download: "activity" | "statistics";
}) {
  const t = useTranslations("integReports");
  const [draft, setDraft] = useState(value);
  const [oneDay, setOneDay] = useState(value.from === value.to);
  const ok = validPeriod(oneDay ? { from: draft.from, to: draft.from } : draft);
  const href = (format: "xlsx" | "pdf") => `/api/integ/reports/${download}.${format}?from=${value.from}&to=${value.to}`;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="period-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onChange(oneDay ? { from: draft.from, to: draft.from } : draft);
      }}
    >
      <div className="flex flex-col text-sm">
        <span id="period-from-label">{oneDay ? t("oneDay") : t("from")}</span>
        <DateInput
          labelledBy="period-from-label"
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
          data={{ "data-testid": "period-from" }}
        />
      </div>
      {!oneDay && (
        <div className="flex flex-col text-sm">
          <span id="period-to-label">{t("to")}</span>
          <DateInput
            labelledBy="period-to-label"
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
            data={{ "data-testid": "period-to" }}
          />
        </div>
      )}
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={oneDay} onChange={(e) => setOneDay(e.target.checked)} data-testid="one-day" />
        {t("oneDay")}
      </label>
      <button type="submit" className={primaryButton} disabled={!ok} data-testid="period-show">
        {t("show")}
      </button>
      <button
        type="button"
        className={toolButton}
        onClick={() => {
          setOneDay(false);
          setDraft(yearOf(0));
          onChange(yearOf(0));
        }}
      >
        {t("thisYear")}
      </button>
      <button
        type="button"
        className={toolButton}
        onClick={() => {
          setOneDay(false);
          setDraft(yearOf(-1));
          onChange(yearOf(-1));
        }}
      >
        {t("lastYear")}
      </button>
      <span className="ml-auto flex gap-2">
        <a className={toolButton} href={href("xlsx")} data-testid="export-xlsx">
          {t("exportXlsx")}
        </a>
        <a className={toolButton} href={href("pdf")} data-testid="export-pdf">
          {t("exportPdf")}
        </a>
      </span>
      {!ok && (
        <p role="alert" className={`${alertClass} w-full`}>
          {t("invalidPeriod")}
        </p>
      )}
      {oneDay && <p className="w-full text-xs text-slate-600">{t("oneDayHint")}</p>}
    </form>
  );
}

/** A report's tables; a figure with a link opens the list of what it counts. */
export function ReportTables({ report }: { report: Report }) {
  const t = useTranslations("integReports");
  const locale = useLocale();
  const number = new Intl.NumberFormat(`${locale}-BE`);
  return (
    <div className="flex flex-col gap-6" data-testid="report">
      <p className="text-sm text-slate-600">
        {report.period} · {t("drillHint")}
      </p>
      {report.sections.map((section, s) => (
        <section key={s} className="flex flex-col gap-4">
          <h2 className="text-xl font-semibold">{section.title}</h2>
          {section.tables.map((table) => (
            <div key={table.id} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-sm" data-testid={`table-${table.id}`}>
                <caption className="px-3 py-2 text-left font-medium">{table.title}</caption>
                <thead className="bg-slate-50">
                  <tr>
                    <th className="px-3 py-1 text-left font-medium">{table.head}</th>
                    {table.columns.map((c, i) => (
                      <th key={i} className="px-3 py-1 text-right font-medium">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.length === 0 && (
                    <tr>
                      <td colSpan={table.columns.length + 1} className="px-3 py-2 text-slate-500">
                        {t("empty")}
                      </td>
                    </tr>
                  )}
                  {table.rows.map((row, r) => (
                    <tr key={r} className="border-t border-slate-100">
                      <th scope="row" className="px-3 py-1 text-left font-normal">
                        {row.label}
                      </th>
                      {row.cells.map((c, i) => (
                        <td key={i} className="px-3 py-1 text-right tabular-nums">
                          {c.value === null ? (
                            ""
                          ) : c.href ? (
                            <Link href={c.href} className="text-blue-700 underline">
                              {number.format(c.value)}
                            </Link>
                          ) : (
                            number.format(c.value)
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
