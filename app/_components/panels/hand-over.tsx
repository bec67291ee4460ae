"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, type UiLocale } from "@/lib/format";
import type { HandOverPanel } from "@/server/calendar/handover";

/** On an ended coaching: what "Hand over" would move to the new coach, listed before confirming (issue 15 §8). */
export function HandOverPanelView({ data }: { data: unknown }) {
  const t = useTranslations("handover");
  const locale = useLocale() as UiLocale;
  const plan = data as HandOverPanel;
  if (plan.reason) return <p className="text-sm text-slate-700">{t(`reasons.${plan.reason}`)}</p>;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="hand-over">
      <p>{t("intro", { user: plan.to ?? "", entries: plan.entries.length, tasks: plan.tasks.length })}</p>
      {plan.entries.length > 0 && (
        <ul className="list-disc pl-5" aria-label={t("entries")} data-testid="hand-over-entries">
          {plan.entries.map((e) => (
            <li key={e.id}>
              {formatDate(e.date, locale)} {e.time ?? ""} — {e.summary}
            </li>
          ))}
        </ul>
      )}
      {plan.tasks.length > 0 && (
        <ul className="list-disc pl-5" aria-label={t("tasks")} data-testid="hand-over-tasks">
          {plan.tasks.map((k) => (
            <li key={k.id}>
              {formatDate(k.date, locale)} — {k.summary}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
