"use client";
import { useTranslations } from "next-intl";
import type { EidCardPanel } from "@/server/eid/panel";

/** The photo read from the eID card (a silhouette without one) and the eID info box (domain-people §7). */
export function EidCardPanelView({ data }: { data: unknown }) {
  const t = useTranslations("panels.eidCard");
  const info = data as EidCardPanel;
  return (
    <div className="flex flex-wrap items-start gap-4 text-sm">
      {info.photo ? (
        // A data URL from the centre's own database: next/image has nothing to optimise here.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={info.photo}
          alt={t("photoOf", { name: info.holder })}
          className="h-32 w-24 rounded border border-slate-300 object-cover"
          data-testid="client-photo"
        />
      ) : (
        <svg
          role="img"
          aria-label={t("noPhoto")}
          viewBox="0 0 24 32"
          className="h-32 w-24 rounded border border-slate-300 bg-slate-100 text-slate-400"
          data-testid="client-silhouette"
        >
          <circle cx="12" cy="11" r="5" fill="currentColor" />
          <path d="M3 30c0-6 4-10 9-10s9 4 9 10z" fill="currentColor" />
        </svg>
      )}
      <div className="flex flex-col gap-1">
        {info.lines.length === 0 ? <p>{t("noCard")}</p> : info.lines.map((line) => <p key={line}>{line}</p>)}
        {info.mustReadText && (
          <p className="rounded bg-red-700 px-3 py-1.5 font-semibold text-white" data-testid="must-read-eid">
            {info.mustReadText}
          </p>
        )}
      </div>
    </div>
  );
}
