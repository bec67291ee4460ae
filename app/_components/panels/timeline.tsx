"use client";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Link } from "@/app/_components/link";
import { DateInput, PARTIAL_DATE } from "@/app/_components/resource/date-input";
import { alertClass, toolButton } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { belgianToday, formatDate, formatDateTime, type UiLocale } from "@/lib/format";
import type { TimelineCursor, TimelinePanel, TimelineParams, TimelineTone } from "@/server/history/timeline";

/** A kind's badge and the row's left border, by the tone its area gives it. */
const TONES: Record<TimelineTone, { badge: string; border: string }> = {
  slate: { badge: "bg-slate-100 text-slate-800", border: "border-l-slate-400" },
  sky: { badge: "bg-sky-100 text-sky-900", border: "border-l-sky-500" },
  amber: { badge: "bg-amber-100 text-amber-900", border: "border-l-amber-500" },
  emerald: { badge: "bg-emerald-100 text-emerald-900", border: "border-l-emerald-500" },
  violet: { badge: "bg-violet-100 text-violet-900", border: "border-l-violet-500" },
  rose: { badge: "bg-rose-100 text-rose-900", border: "border-l-rose-500" },
  teal: { badge: "bg-teal-100 text-teal-900", border: "border-l-teal-600" },
  orange: { badge: "bg-orange-100 text-orange-900", border: "border-l-orange-500" },
  indigo: { badge: "bg-indigo-100 text-indigo-900", border: "border-l-indigo-500" },
};

type Period = { from?: string; to?: string };

/**
 * The client's timeline (History tab): every kind of row the reader may read, newest first, with
 * a filter by kind and by period; "Show more" reads the next page where the last one stopped.
 */
export function TimelinePanelView({ data }: { data: unknown }) {
  const first = data as TimelinePanel;
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const periodLabel = useId();
  const allKinds = first.kinds.map((k) => k.kind);
  const [kinds, setKinds] = useState<string[]>(allKinds);
  const [period, setPeriod] = useState<Period>({});
  const unfiltered = kinds.length === allKinds.length && !period.from && !period.to;

  const ask = (after: TimelineCursor | null): TimelineParams => ({
    ...(unfiltered ? {} : { kinds }),
    ...(period.from || period.to ? { period } : {}),
    ...(after ? { after } : {}),
  });
  const query = useInfiniteQuery({
    queryKey: ["clientTimeline", first.client, unfiltered ? null : kinds, period],
    initialPageParam: null as TimelineCursor | null,
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery(
        trpc.resources.panel.queryOptions({
          resource: "clients.clients",
          id: first.client,
          key: "timeline",
          params: ask(pageParam),
        }),
      ) as Promise<TimelinePanel>,
    getNextPageParam: (page) => page.next,
    initialData: unfiltered ? { pages: [first], pageParams: [null] } : undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const toneOf = new Map(first.kinds.map((k) => [k.kind, TONES[k.tone]]));
  const labelOf = new Map(first.kinds.map((k) => [k.kind, t(k.label)]));
  const toggle = (kind: string) =>
    setKinds((now) =>
      now.includes(kind) ? now.filter((k) => k !== kind) : allKinds.filter((k) => k === kind || now.includes(k)),
    );
  const setDay = (part: keyof Period, value: string) => {
    if (value === PARTIAL_DATE) return;
    setPeriod((now) => ({ ...now, [part]: value || undefined }));
  };

  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="timeline">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="timeline-kinds">
          <legend className="mb-1 font-medium">{t("timeline.kindsLegend")}</legend>
          {first.kinds.map((k) => (
            <label key={k.kind} className="inline-flex items-center gap-1">
              <input
                type="checkbox"
                checked={kinds.includes(k.kind)}
                onChange={() => toggle(k.kind)}
                data-kind={k.kind}
              />
              <span className={`rounded px-1.5 ${TONES[k.tone].badge}`}>{t(k.label)}</span>
            </label>
          ))}
          <button type="button" className={`${toolButton} py-0.5`} onClick={() => setKinds(allKinds)}>
            {t("timeline.allKinds")}
          </button>
          <button type="button" className={`${toolButton} py-0.5`} onClick={() => setKinds([])}>
            {t("timeline.noKinds")}
          </button>
        </fieldset>
        <fieldset className="flex flex-col gap-1" data-testid="timeline-period">
          <legend id={periodLabel} className="font-medium">
            {t("timeline.period")}
          </legend>
          <div className="flex items-center gap-1">
            <DateInput
              label={t("grid.dateFrom", { filter: t("timeline.period") })}
              value={period.from ?? ""}
              onChange={(v) => setDay("from", v)}
              data={{ "data-part": "from" }}
            />
            <span aria-hidden="true">–</span>
            <DateInput
              label={t("grid.dateTo", { filter: t("timeline.period") })}
              value={period.to ?? ""}
              onChange={(v) => setDay("to", v)}
              data={{ "data-part": "to" }}
            />
          </div>
        </fieldset>
      </div>
      {query.error ? (
        <p role="alert" className={alertClass}>
          {errorMessage(query.error)}
        </p>
      ) : query.isPending ? (
        <p role="status">{t("timeline.loading")}</p>
      ) : entries.length === 0 ? (
        <p data-testid="timeline-empty">{t("timeline.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label={t("timeline.title")}>
          {entries.map((e) => (
            <li
              key={`${e.kind}:${e.id}`}
              className={`rounded border border-l-4 border-slate-200 bg-white px-3 py-2 ${toneOf.get(e.kind)?.border ?? ""}`}
              data-testid="timeline-entry"
              data-kind={e.kind}
            >
              <div className="flex flex-wrap items-baseline gap-x-2">
                <time dateTime={e.at} className="whitespace-nowrap text-slate-700 tabular-nums">
                  {e.dateOnly ? formatDate(belgianToday(new Date(e.at)), locale) : formatDateTime(e.at, locale)}
                </time>
                <span className={`rounded px-1.5 text-xs font-medium ${toneOf.get(e.kind)?.badge ?? ""}`}>
                  {labelOf.get(e.kind) ?? e.kind}
                </span>
                <Link href={e.href} className="font-medium text-brand-700 underline">
                  {e.title || labelOf.get(e.kind)}
                </Link>
                {e.author && <span className="text-slate-700">{t("timeline.by", { name: e.author })}</span>}
              </div>
              {e.summary && <p className="mt-0.5 line-clamp-2 text-slate-800">{e.summary}</p>}
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className={`${toolButton} self-start`}
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t("timeline.loading") : t("timeline.more")}
        </button>
      )}
    </div>
  );
}
