"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatNumber, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { alertClass, primaryButton } from "@/app/_components/resource/styles";
import type { AvailableCoachesPanel } from "@/server/newcomers/panel";

/** Workloads are fractions once divided by a quota: two decimals, as Lino shows the percentage. */
const twoDecimals = (n: number) => Math.round(n * 100) / 100;

/**
 * Available coaches for this client, least loaded first (domain-people §9.1), each with "Assign"
 * while the client is a newcomer (§9.2); the columns are Lino's.
 */
export function AvailableCoachesPanelView({ data }: { data: unknown }) {
  const panel = data as AvailableCoachesPanel;
  const t = useTranslations();
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [done, setDone] = useState<string | null>(null);
  const assign = useMutation(
    trpc.newcomers.assignCoach.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  if (panel.error) return <p className="text-sm">{t(`errors.${panel.error.code}`, panel.error.params)}</p>;
  if (panel.coaches.length === 0) return <p className="text-sm">{t("newcomers.available.none")}</p>;
  const num = (n: number) => formatNumber(twoDecimals(n), locale);
  const columns = ["name", "primaryClients", "newClients", "quota", "current", "added", "score"] as const;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="available-coaches">
      {assign.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(assign.error)}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <table className="w-full">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {columns.map((c) => (
              <th key={c} scope="col" className={`py-1 pr-2 font-medium ${c === "name" ? "" : "text-right"}`}>
                {t(`newcomers.available.columns.${c}`)}
              </th>
            ))}
            {panel.newcomer && (
              <th scope="col" className="sr-only">
                {t("newcomers.available.columns.workflow")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {panel.coaches.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {c.name}
              </th>
              <td className="py-1 pr-2 text-right">{formatNumber(c.primaryClients, locale)}</td>
              <td className="py-1 pr-2 text-right">{formatNumber(c.newClients, locale)}</td>
              <td className="py-1 pr-2 text-right">{formatNumber(c.quota, locale)}</td>
              <td className="py-1 pr-2 text-right">{num(c.current)}</td>
              <td className="py-1 pr-2 text-right">{num(c.added)}</td>
              <td className="py-1 pr-2 text-right">{num(c.score)}</td>
              {panel.newcomer && (
                <td className="py-1">
                  <button
                    type="button"
                    className={primaryButton}
                    disabled={assign.isPending}
                    aria-label={t("newcomers.available.assignTo", { coach: c.name })}
                    onClick={() =>
                      assign.mutate(
                        { clientId: panel.clientId, userId: c.id },
                        { onSuccess: () => setDone(t("newcomers.available.assigned", { coach: c.name })) },
                      )
                    }
                  >
                    {t("newcomers.available.assign")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
