"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";
import { formatTime, type UiLocale } from "@/lib/format";

const POLL_MS = 1500;

/**
 * "Read with the card reader": opens a one-time read, hands its address to the reader helper on the
 * desk PC (a `beid://` link, as Lino's helper expects), and waits until the helper has posted the
 * card; the card then goes to `onCard` as if its file had been chosen.
 */
export function ReaderHandover({ onCard }: { onCard: (card: unknown) => void }) {
  const t = useTranslations("eidFlow.reader");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState<{ token: string; expiresAt: string } | null>(null);
  const [outcome, setOutcome] = useState<"received" | "expired" | null>(null);
  const start = useMutation(
    trpc.eid.openRead.mutationOptions({
      onSuccess: (read) => {
        setOpen(read);
        setOutcome(null);
      },
    }),
  );
  const pickUp = useMutation(trpc.eid.pickUp.mutationOptions());
  const poll = pickUp.mutateAsync;
  // The page's latest handler, without restarting the polling when the page re-renders.
  const deliver = useEffectEvent(onCard);

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    const tick = async () => {
      const got = await poll({ token: open.token }).catch(() => null);
      if (stopped) return;
      if (got?.status === "read") {
        setOpen(null);
        setOutcome("received");
        deliver(got.card);
      } else if (got?.status === "expired") {
        setOpen(null);
        setOutcome("expired");
      } else timer = setTimeout(tick, POLL_MS);
    };
    let timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [open, poll]);

  const postUrl = open ? `${window.location.origin}/api/eid/card/${open.token}` : "";
  return (
    <section
      aria-labelledby="eid-reader-title"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5 text-sm"
      data-testid="eid-reader"
    >
      <h2 id="eid-reader-title" className="font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      {!open ? (
        <div>
          <button
            type="button"
            onClick={() => start.mutate()}
            disabled={start.isPending}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-50"
          >
            {t("start")}
          </button>
        </div>
      ) : (
        <div className="flex flex-col gap-2" data-testid="eid-reader-open" data-post-url={postUrl}>
          <p role="status">{t("waiting", { until: formatTime(open.expiresAt, locale) })}</p>
          <p>
            <a href={`beid://${postUrl}`} className="text-brand-700 underline">
              {t("openHelper")}
            </a>
          </p>
          <label className="flex flex-col gap-1">
            {t("address")}
            <input
              readOnly
              value={postUrl}
              onFocus={(e) => e.target.select()}
              className="rounded border border-slate-300 px-2 py-1 font-mono text-xs"
            />
          </label>
          <div>
            <button type="button" className="text-brand-700 underline" onClick={() => setOpen(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {outcome === "received" && <p role="status">{t("received")}</p>}
      {outcome === "expired" && (
        <p role="alert" className="text-red-800">
          {t("expired")}
        </p>
      )}
      {start.error && (
        <p role="alert" className="text-red-800">
          {errorMessage(start.error)}
        </p>
      )}
    </section>
  );
}
