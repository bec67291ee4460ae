"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button, Dialog, DialogTrigger, Heading, Popover } from "react-aria-components";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_components/trpc";
import { formatDateTime, type UiLocale } from "@/lib/format";

interface Summary {
  count: number;
  latest: { id: number; type: string; subject: string; body: string; createdAt: string }[];
}
export interface MessageTypeChoice {
  id: string;
  label: string;
}

/** The message types for which this browser shows desktop notifications (a choice per browser). */
const DESKTOP_KEY = "entraide.desktopNotifications";
const desktopTypes = (): string[] => {
  try {
    const stored = JSON.parse(localStorage.getItem(DESKTOP_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
};

/**
 * The bell in the header: the unseen count, pushed by the server (server-sent events from
 * /api/notify/live, which the browser reopens by itself after a cut), the latest unseen messages
 * with "mark seen", and per message type an optional desktop notification.
 */
export function NotificationBell({ types, listHref }: { types: MessageTypeChoice[]; listHref: string }) {
  const t = useTranslations("notify");
  const locale = useLocale() as UiLocale;
  const trpc = useTRPC();
  const [summary, setSummary] = useState<Summary>({ count: 0, latest: [] });
  const [offline, setOffline] = useState(false);
  // The popover that shows the choice renders in the browser only, so reading storage here is safe.
  const [chosen, setChosen] = useState<string[]>(() => (typeof window === "undefined" ? [] : desktopTypes()));
  const newest = useRef<number | null>(null);

  useEffect(() => {
    const source = new EventSource("/api/notify/live");
    source.addEventListener("unseen", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Summary;
      const previous = newest.current;
      newest.current = Math.max(previous ?? 0, ...next.latest.map((m) => m.id));
      if (previous !== null) showOnDesktop(next.latest.filter((m) => m.id > previous));
      setSummary(next);
      setOffline(false);
    });
    source.onerror = () => setOffline(true);
    return () => source.close();
  }, []);

  const markSeen = useMutation(trpc.notify.markSeen.mutationOptions());
  const choose = async (type: string, on: boolean) => {
    if (on && typeof Notification !== "undefined" && Notification.permission === "default")
      await Notification.requestPermission();
    const next = on ? [...new Set([...desktopTypes(), type])] : desktopTypes().filter((v) => v !== type);
    localStorage.setItem(DESKTOP_KEY, JSON.stringify(next));
    setChosen(next);
  };
  const blocked = typeof Notification !== "undefined" && Notification.permission === "denied";

  return (
    <DialogTrigger>
      <Button
        aria-label={t("bell.label", { count: summary.count })}
        className="relative rounded p-1.5 hover:bg-white/10"
        data-testid="notification-bell"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-current stroke-2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {summary.count > 0 && (
          <span
            className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold text-white"
            data-testid="notification-count"
          >
            {summary.count}
          </span>
        )}
      </Button>
      <Popover className="w-96 max-w-[95vw] rounded border border-slate-300 bg-white text-sm text-slate-900 shadow-lg">
        <Dialog className="p-3 outline-none" aria-label={t("myMessages")}>
          <Heading slot="title" className="mb-2 font-semibold">
            {t("myMessages")}
          </Heading>
          {offline && <p className="mb-2 text-amber-800">{t("bell.offline")}</p>}
          {summary.latest.length === 0 ? (
            <p className="text-slate-600">{t("bell.empty")}</p>
          ) : (
            <ul className="space-y-2" data-testid="notification-list">
              {summary.latest.map((m) => (
                <li key={m.id} className="flex items-start gap-2">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">{m.subject}</p>
                    {m.body && <p className="text-slate-700">{m.body}</p>}
                    <p className="text-xs text-slate-600">{formatDateTime(m.createdAt, locale)}</p>
                  </div>
                  <Button
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                    onPress={() => markSeen.mutate({ ids: [m.id] })}
                    aria-label={`${t("markSeen")}: ${m.subject}`}
                  >
                    ✓
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-3 flex items-center justify-between gap-2 border-t border-slate-200 pt-2">
            <Link href={listHref} className="text-brand-700 underline">
              {t("bell.all")}
            </Link>
            {summary.count > 0 && (
              <Button
                className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                onPress={() => markSeen.mutate({})}
              >
                {t("markAllSeen")}
              </Button>
            )}
          </div>
          <fieldset className="mt-3 border-t border-slate-200 pt-2">
            <legend className="text-slate-700">{t("bell.desktop")}</legend>
            {blocked && <p className="text-amber-800">{t("bell.desktopBlocked")}</p>}
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
              {types.map((type) => (
                <label key={type.id} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={chosen.includes(type.id)}
                    onChange={(e) => void choose(type.id, e.target.checked)}
                  />
                  {type.label}
                </label>
              ))}
            </div>
          </fieldset>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

/** A desktop notification for each new message of a chosen type, while the page is in the background. */
function showOnDesktop(messages: Summary["latest"]) {
  if (typeof Notification === "undefined" || Notification.permission !== "granted" || !document.hidden) return;
  const wanted = desktopTypes();
  for (const m of messages) if (wanted.includes(m.type)) new Notification(m.subject, { body: m.body, tag: `n${m.id}` });
}
