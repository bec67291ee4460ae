"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { formatDateTime, type UiLocale } from "@/lib/format";

/** Durations an administrator may choose, in hours (at most 7 days). */
const DURATIONS = [1, 4, 8, 24, 72, 168] as const;

export function SupportAccess() {
  const t = useTranslations("support");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const overview = useQuery(trpc.support.overview.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.support.overview.queryKey() });
  const grant = useMutation(
    trpc.support.grant.mutationOptions({
      onSuccess: (r) => {
        setNotice({ ok: true, text: t("granted", { until: formatDateTime(r.endsAt, locale) }) });
        void refresh();
      },
      onError: (e) => setNotice({ ok: false, text: errorMessage(e) }),
    }),
  );
  const revoke = useMutation(
    trpc.support.revoke.mutationOptions({
      onSuccess: () => {
        setNotice({ ok: true, text: t("revoked") });
        void refresh();
      },
      onError: (e) => {
        setNotice({ ok: false, text: errorMessage(e) });
        void refresh();
      },
    }),
  );
  const when = (d: Date) => formatDateTime(d, locale);
  const button = "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-50";
  const small = "rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-50";
  const th = "border-b border-slate-300 px-3 py-2 font-semibold";

  function onGrant(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    grant.mutate({ reason: String(f.get("reason") ?? ""), hours: Number(f.get("hours")) });
  }

  return (
    <div className="flex flex-col gap-8">
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded p-3 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
        >
          {notice.text}
        </p>
      )}
      <section aria-labelledby="grant-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="grant-title" className="mb-2 text-lg font-semibold">
          {t("grantTitle")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("grantIntro")}</p>
        <form onSubmit={onGrant} className="flex flex-col gap-3">
          <label className="flex flex-col gap-1 text-sm">
            {t("reason")}
            <textarea
              name="reason"
              required
              minLength={3}
              maxLength={500}
              rows={2}
              className="rounded border border-slate-400 px-3 py-2"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("duration")}
            <select name="hours" defaultValue="4" className="w-48 rounded border border-slate-400 px-3 py-2">
              {DURATIONS.map((h) => (
                <option key={h} value={h}>
                  {t(`durations.h${h}`)}
                </option>
              ))}
            </select>
          </label>
          <div>
            <button className={button} disabled={grant.isPending}>
              {t("grant")}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="grants-title">
        <h2 id="grants-title" className="mb-3 text-lg font-semibold">
          {t("grantsTitle")}
        </h2>
        {overview.isPending ? (
          <p>{t("loading")}</p>
        ) : overview.isError ? (
          <p role="alert">{errorMessage(overview.error)}</p>
        ) : overview.data.grants.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noGrants")}</p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm" data-testid="support-grants">
            <thead className="bg-slate-100 text-left">
              <tr>
                {(["grantedBy", "reason", "from", "until", "state", "actions"] as const).map((c) => (
                  <th key={c} scope="col" className={th}>
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.data.grants.map((g) => (
                <tr key={g.id} className="border-b border-slate-200 align-top">
                  <td className="px-3 py-2">{g.grantedByName}</td>
                  <td className="px-3 py-2">{g.reason}</td>
                  <td className="px-3 py-2">{when(g.startsAt)}</td>
                  <td className="px-3 py-2">{when(g.revokedAt ?? g.endsAt)}</td>
                  <td className="px-3 py-2">
                    {t(`states.${g.state}`)}
                    {g.revokedByName && (
                      <span className="block text-xs text-slate-600">{t("revokedBy", { name: g.revokedByName })}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {(g.state === "active" || g.state === "scheduled") && (
                      <button className={small} disabled={revoke.isPending} onClick={() => revoke.mutate({ id: g.id })}>
                        {t("revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="usage-title">
        <h2 id="usage-title" className="mb-1 text-lg font-semibold">
          {t("usageTitle")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("usageIntro")}</p>
        {overview.data &&
          (overview.data.usage.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noUsage")}</p>
          ) : (
            <table className="w-full border-collapse bg-white text-sm" data-testid="support-usage">
              <thead className="bg-slate-100 text-left">
                <tr>
                  {(["at", "who", "what", "detail"] as const).map((c) => (
                    <th key={c} scope="col" className={th}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.data.usage.map((u) => (
                  <tr key={u.id} className="border-b border-slate-200 align-top">
                    <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(u.at, locale, { seconds: true })}</td>
                    <td className="px-3 py-2">{u.who}</td>
                    <td className="px-3 py-2">{t.has(`actions.${u.action}`) ? t(`actions.${u.action}`) : u.action}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      {u.entity === "procedure" || u.entity === "page" || u.entity === "request" ? u.entityId : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </div>
  );
}
