"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";

const LANGS = ["fr", "nl", "de", "en"] as const;
const box = "rounded-lg border border-slate-200 bg-white p-5";
const button =
  "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50";

/**
 * The home page's greeting in each language, as the centre writes it. Saved with the greetings it
 * was loaded with, so that a colleague's change is never overwritten unseen.
 */
export function GreetingsForm() {
  const t = useTranslations("centreSettings");
  const tl = useTranslations("languages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const greetings = useQuery(trpc.settings.greetings.queryOptions());
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation(
    trpc.settings.updateGreetings.mutationOptions({
      onSuccess: (saved) => {
        setNotice({ ok: true, text: t("saved") });
        queryClient.setQueryData(trpc.settings.greetings.queryKey(), saved);
      },
      onError: (e) => {
        setNotice({ ok: false, text: errorMessage(e) });
        void queryClient.invalidateQueries({ queryKey: trpc.settings.greetings.queryKey() });
      },
    }),
  );

  if (greetings.isPending) return null;
  if (greetings.isError)
    return (
      <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
        {errorMessage(greetings.error)}
      </p>
    );
  const before = greetings.data;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({ before, greetings: Object.fromEntries(LANGS.map((l) => [l, String(f.get(`greeting.${l}`) ?? "")])) });
  }

  return (
    // Keyed on what was loaded: a reload after a colleague's save shows their text.
    <form
      onSubmit={onSubmit}
      className="mt-6 flex flex-col gap-3"
      key={JSON.stringify(before)}
      data-testid="greetings-form"
    >
      <fieldset className={box} aria-describedby="greetings-help">
        <legend className="px-1 text-lg font-semibold">{t("greetings")}</legend>
        <p id="greetings-help" className="mb-3 text-sm text-slate-700">
          {t("greetingsHelp")}
        </p>
        <div className="flex flex-col gap-2 text-sm">
          {LANGS.map((l) => (
            <label key={l} className="flex items-center gap-2">
              <span className="w-24 shrink-0" lang={l}>
                {tl(l)}
              </span>
              <input
                name={`greeting.${l}`}
                lang={l}
                defaultValue={before[l] ?? ""}
                maxLength={200}
                className="flex-1 rounded border border-slate-400 px-2 py-1"
              />
            </label>
          ))}
        </div>
      </fieldset>
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded p-3 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
        >
          {notice.text}
        </p>
      )}
      <div>
        <button className={button} disabled={save.isPending}>
          {t("saveGreetings")}
        </button>
      </div>
    </form>
  );
}
