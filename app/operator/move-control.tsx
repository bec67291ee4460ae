"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, type UiLocale } from "@/lib/format";
import { useTRPC } from "@/app/_components/trpc";

interface Props {
  slug: string;
  clusterId: string;
  movingTo: string | null;
  moveFailed: { at: Date; to: string; error: string } | null;
  /** The clusters this instance reaches; the control shows only when there is somewhere else to go. */
  clusters: { id: string; description: string }[];
  busy: boolean;
  report: { onSuccess: () => void; onError: (e: unknown) => void };
}

/** A centre's cluster, its move in progress or last failed move, and "Move to…" another cluster. */
export function MoveControl({ slug, clusterId, movingTo, moveFailed, clusters, busy, report }: Props) {
  const t = useTranslations("operator.move");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const move = useMutation(trpc.operator.tenants.move.mutationOptions(report));
  const others = clusters.filter((c) => c.id !== clusterId);
  const [to, setTo] = useState("");
  const target = others.some((c) => c.id === to) ? to : (others[0]?.id ?? "");
  const button = "rounded border border-slate-400 bg-white px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50";

  return (
    <div className="flex flex-col gap-1 text-xs" data-testid={`move-${slug}`}>
      <span className="text-slate-700">{t("cluster", { cluster: clusterId })}</span>
      {movingTo && (
        <span className="text-amber-800" role="status">
          {t("moving", { cluster: movingTo })}
        </span>
      )}
      {!movingTo && moveFailed && (
        <span className="text-red-800">
          {t("failed", {
            cluster: moveFailed.to,
            at: formatDateTime(moveFailed.at, locale),
            error: moveFailed.error,
          })}
        </span>
      )}
      {!movingTo && others.length > 0 && (
        <div className="flex flex-wrap items-center gap-1">
          <label className="flex items-center gap-1">
            <span>{t("to")}</span>
            <select
              className="rounded border border-slate-400 px-1 py-0.5"
              value={target}
              onChange={(e) => setTo(e.target.value)}
            >
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.description ? `${c.id} (${c.description})` : c.id}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={button}
            disabled={busy || move.isPending || !target}
            onClick={() => window.confirm(t("confirm", { slug, cluster: target })) && move.mutate({ slug, to: target })}
          >
            {t("action")}
          </button>
        </div>
      )}
    </div>
  );
}
