"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime, type UiLocale } from "@/lib/format";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";

/**
 * The user's calendar feed (issue 15 §7): make a secret address for Outlook or a phone, shown this
 * once; make a new one (the former stops working) or revoke it.
 */
export function CalendarFeed() {
  const t = useTranslations("feeds");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const status = useQuery(trpc.feeds.status.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feeds.status.queryKey() });
  const renew = useMutation(trpc.feeds.renew.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(
    trpc.feeds.revoke.mutationOptions({
      onSuccess: () => {
        renew.reset();
        return refresh();
      },
    }),
  );
  const button = "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-50";
  const secondary =
    "rounded border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";
  const address = renew.data ? `${window.location.origin}${renew.data.path}` : null;
  const error = renew.error ?? revoke.error;
  const busy = renew.isPending || revoke.isPending;

  return (
    <section aria-labelledby="feed-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="feed-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-slate-700">{t("intro")}</p>
      {status.data && (
        <p className="mb-3 text-sm" data-testid="feed-status">
          {status.data.active && status.data.createdAt
            ? t("active", { date: formatDateTime(status.data.createdAt, locale) })
            : t("none")}
        </p>
      )}
      {address && (
        <div role="status" className="mb-3 flex flex-col gap-2">
          <label htmlFor="feed-address" className="text-sm font-medium">
            {t("address")}
          </label>
          <input
            id="feed-address"
            readOnly
            value={address}
            className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
            data-testid="feed-address"
          />
          <p className="text-sm text-slate-700">{t("shownOnce")}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {errorMessage(error)}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="button" className={button} disabled={busy || !status.data} onClick={() => renew.mutate()}>
          {status.data?.active ? t("renew") : t("create")}
        </button>
        {status.data?.active && (
          <button type="button" className={secondary} disabled={busy} onClick={() => revoke.mutate()}>
            {t("revoke")}
          </button>
        )}
      </div>
    </section>
  );
}
