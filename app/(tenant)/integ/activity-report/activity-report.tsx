"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { alertClass } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { PeriodForm, ReportTables, yearOf } from "../report-view";

/** The activity report of a period, by default the current calendar year (§2.9). */
export function ActivityReport() {
  const t = useTranslations("integReports");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [period, setPeriod] = useState(yearOf(0));
  const report = useQuery(trpc.integ.activityReport.queryOptions(period));
  return (
    <div className="flex flex-col gap-4">
      <PeriodForm value={period} onChange={setPeriod} download="activity" />
      {report.isPending && <p className="text-sm text-slate-600">{t("loading")}</p>}
      {report.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(report.error)}
        </p>
      )}
      {report.data && <ReportTables report={report.data} />}
    </div>
  );
}
