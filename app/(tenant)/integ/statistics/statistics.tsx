"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { alertClass } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { PeriodForm, ReportTables, yearOf } from "../report-view";

const COLORS = { active: "#2563eb", started: "#16a34a", ended: "#dc2626", activeAtEnd: "#7c3aed" };

/** The type labels' slant under the bars (degrees), and their font size (px). */
const TICK_ANGLE = 20;
const TICK_FONT = 11;

/**
 * The room under the bars for the slanted type labels, so the longest one ends above the legend:
 * its width (taken generously, 0.65 em a character) times the slant's sine, plus a line's height.
 */
const tickRoom = (names: readonly string[]) =>
  Math.min(
    160,
    Math.ceil(
      Math.max(0, ...names.map((n) => n.length)) * TICK_FONT * 0.65 * Math.sin((TICK_ANGLE * Math.PI) / 180) +
        2 * TICK_FONT,
    ),
  );

/**
 * The contract statistics of a period (issue 17 item 7): per kind, a chart of its contracts by type
 * (active, started, ended, active on the last day) and of the endings (successes in green), then the
 * tables whose figures open the contracts they count.
 */
export function Statistics() {
  const t = useTranslations("integReports");
  const locale = useLocale();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [period, setPeriod] = useState(yearOf(0));
  const stats = useQuery(trpc.integ.statistics.queryOptions(period));
  const number = new Intl.NumberFormat(`${locale}-BE`);
  const format = (v: unknown) => number.format(Number(v));
  return (
    <div className="flex flex-col gap-4" data-testid="statistics">
      <PeriodForm value={period} onChange={setPeriod} download="statistics" />
      {stats.isPending && <p className="text-sm text-slate-600">{t("loading")}</p>}
      {stats.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(stats.error)}
        </p>
      )}
      {stats.data && (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            {stats.data.charts.flatMap((k) => [
              <figure key={`${k.kind}-types`} className="rounded-lg border border-slate-200 bg-white p-3">
                <figcaption className="mb-2 text-sm font-medium">{t("chartByType", { kind: k.label })}</figcaption>
                <div className="h-72" data-testid={`chart-${k.kind}-types`}>
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={k.types} margin={{ left: 0, right: 8, top: 4, bottom: 4 }} maxBarSize={28}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis
                        dataKey="name"
                        tick={{ fontSize: TICK_FONT }}
                        interval={0}
                        angle={-TICK_ANGLE}
                        textAnchor="end"
                        height={tickRoom(k.types.map((ty) => ty.name))}
                      />
                      <YAxis allowDecimals={false} tickFormatter={format} tick={{ fontSize: 11 }} />
                      <Tooltip formatter={format} />
                      <Legend wrapperStyle={{ fontSize: 12 }} />
                      <Bar dataKey="active" name={t("active")} fill={COLORS.active} isAnimationActive={false} />
                      <Bar dataKey="started" name={t("started")} fill={COLORS.started} isAnimationActive={false} />
                      <Bar dataKey="ended" name={t("ended")} fill={COLORS.ended} isAnimationActive={false} />
                      <Bar
                        dataKey="activeAtEnd"
                        name={t("activeOn", { date: stats.data.report.period.split(" – ").at(-1) ?? "" })}
                        fill={COLORS.activeAtEnd}
                        isAnimationActive={false}
                      />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </figure>,
              <figure key={`${k.kind}-endings`} className="rounded-lg border border-slate-200 bg-white p-3">
                <figcaption className="mb-2 text-sm font-medium">{t("chartEndings", { kind: k.label })}</figcaption>
                <div className="h-72" data-testid={`chart-${k.kind}-endings`}>
                  {k.endings.length === 0 ? (
                    <p className="text-sm text-slate-500">{t("empty")}</p>
                  ) : (
                    <ResponsiveContainer width="100%" height="100%">
                      <BarChart
                        data={k.endings}
                        layout="vertical"
                        margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
                        maxBarSize={28}
                      >
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis type="number" allowDecimals={false} tickFormatter={format} tick={{ fontSize: 11 }} />
                        <YAxis type="category" dataKey="name" width={160} tick={{ fontSize: 11 }} />
                        <Tooltip formatter={format} />
                        <Bar dataKey="count" name={t("ended")} isAnimationActive={false}>
                          {k.endings.map((e, i) => (
                            <Cell key={i} fill={e.success ? COLORS.started : "#94a3b8"} />
                          ))}
                        </Bar>
                      </BarChart>
                    </ResponsiveContainer>
                  )}
                </div>
              </figure>,
            ])}
          </div>
          <ReportTables report={stats.data.report} />
        </>
      )}
    </div>
  );
}
