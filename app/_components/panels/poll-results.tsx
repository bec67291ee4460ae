"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { DateInput, PARTIAL_DATE } from "@/app/_components/resource/date-input";
import { alertClass } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { formatNumber, type UiLocale } from "@/lib/format";
import type { PollResults } from "@/server/polls/printout";

type Period = { from?: string; to?: string };

/**
 * A poll's results (its Results tab): per question how many responses of the period answered it,
 * chose each choice and wrote a remark; the period is asked again when the user changes it.
 */
export function PollResultsPanelView({ data }: { data: unknown }) {
  const first = data as PollResults;
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [period, setPeriod] = useState<Period>({});
  const whole = !period.from && !period.to;
  const query = useQuery({
    queryKey: ["pollResults", first.poll, period],
    queryFn: () =>
      queryClient.fetchQuery(
        trpc.resources.panel.queryOptions({
          resource: "polls.polls",
          id: first.poll,
          key: "pollResults",
          params: period,
        }),
      ) as Promise<PollResults>,
    initialData: whole ? first : undefined,
  });
  const setDay = (part: keyof Period, value: string) => {
    if (value === PARTIAL_DATE) return;
    setPeriod((now) => ({ ...now, [part]: value || undefined }));
  };
  const results = query.data;
  const n = (v: number) => formatNumber(v, locale);

  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="poll-results">
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{t("polls.results.period")}</legend>
        <div className="flex items-center gap-1">
          <DateInput
            label={t("grid.dateFrom", { filter: t("polls.results.period") })}
            value={period.from ?? ""}
            onChange={(v) => setDay("from", v)}
            data={{ "data-part": "from" }}
          />
          <span aria-hidden="true">–</span>
          <DateInput
            label={t("grid.dateTo", { filter: t("polls.results.period") })}
            value={period.to ?? ""}
            onChange={(v) => setDay("to", v)}
            data={{ "data-part": "to" }}
          />
        </div>
      </fieldset>
      {query.error ? (
        <p role="alert" className={alertClass}>
          {errorMessage(query.error)}
        </p>
      ) : !results ? (
        <p role="status">…</p>
      ) : results.questions.length === 0 ? (
        <p>{t("polls.results.empty")}</p>
      ) : (
        <>
          <p data-testid="poll-results-count">{t("polls.results.responses", { count: results.responses })}</p>
          <table className="w-full border-collapse">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-1 pr-3">
                  {t("polls.results.question")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("polls.results.answered")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("polls.results.choices")}
                </th>
                <th scope="col" className="py-1 text-right">
                  {t("polls.results.remarks")}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.questions.map((q) =>
                q.isHeading ? (
                  <tr key={q.id} className="border-b border-slate-200 bg-slate-50">
                    <th scope="rowgroup" colSpan={4} className="py-1 text-left font-semibold">
                      {q.title}
                    </th>
                  </tr>
                ) : (
                  <tr key={q.id} className="border-b border-slate-200 align-top" data-testid="poll-result-row">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {q.number ? `${q.number}) ` : ""}
                      {q.title}
                    </th>
                    <td className="py-1 pr-3 text-right tabular-nums">{n(q.answered)}</td>
                    <td className="py-1 pr-3">
                      <ul className="flex flex-wrap gap-x-3">
                        {q.choices.map((c) => (
                          <li key={c.id}>
                            {c.name}: <span className="tabular-nums">{n(c.count)}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-1 text-right tabular-nums">{n(q.remarks)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
