"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Link } from "@/app/_components/link";
import { alertClass, inputClass, primaryButton } from "@/app/_components/resource/styles";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import type { AgentsByClientPanel } from "@/server/reception/agents";

const STATE_CLASS = { absent: "text-slate-500", busy: "text-amber-700", free: "text-emerald-700" } as const;

/**
 * "Agents by client" (domain-people §11): the agents a clerk may send this client to, each with
 * their state today, "Visit" (the client starts waiting for them, with the reason typed above) and
 * "Find date" (the agent's free slots, the client preset).
 */
export function AgentsByClientPanelView({ data }: { data: unknown }) {
  const panel = data as AgentsByClientPanel;
  const t = useTranslations("reception.agents");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const visit = useMutation(
    trpc.resources.action.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  if (panel.agents.length === 0) return <p className="text-sm">{t("none")}</p>;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="agents-by-client">
      {visit.error && (
        <p role="alert" className={alertClass}>
          {errorMessage(visit.error)}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <label className="flex items-center gap-2">
        {t("reason")}
        <input
          className={`${inputClass} max-w-md`}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <table className="w-full">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("agent")}
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("coachingType")}
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("state")}
            </th>
            <th scope="col" className="sr-only">
              {t("actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {panel.agents.map((a) => (
            <tr key={a.id} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {a.name}
              </th>
              <td className="py-1 pr-2">{a.coachingType}</td>
              <td className={`py-1 pr-2 ${STATE_CLASS[a.state]}`}>
                {t(`states.${a.state}`)}
                {a.waiting > 0 && ` · ${t("waiting", { count: a.waiting })}`}
              </td>
              <td className="flex gap-3 py-1">
                {a.visit && (
                  <button
                    type="button"
                    className={primaryButton}
                    disabled={visit.isPending}
                    aria-label={t("visitWith", { name: a.name })}
                    onClick={() =>
                      visit.mutate(
                        {
                          resource: "reception.clients",
                          id: panel.clientId,
                          name: "createVisit",
                          params: { user: a.id, summary: reason },
                        },
                        { onSuccess: () => setDone(t("visited", { name: a.name })) },
                      )
                    }
                  >
                    {t("visit")}
                  </button>
                )}
                {a.findDate && (
                  <Link
                    className="text-brand-700 underline"
                    href={`/calendar/find-date?client=${panel.clientId}&user=${a.id}`}
                    aria-label={t("findDateWith", { name: a.name })}
                  >
                    {t("findDate")}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
