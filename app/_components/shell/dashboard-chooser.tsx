"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useErrorMessage, useTRPC } from "@/app/_components/trpc";

export interface ChooserWidget {
  id: string;
  title: string;
  shown: boolean;
}

/**
 * Lets a user choose which widgets their dashboard shows. The choice is saved as the list of
 * every hidden widget (preference `dashboard`), so that default-hidden ones stay hidden too.
 */
export function DashboardChooser({ widgets }: { widgets: ChooserWidget[] }) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const panelId = useId();
  const save = useMutation(
    trpc.preferences.set.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }),
  );
  const busy = save.isPending || refreshing;
  // The boxes follow a click at once; the page's widgets follow once the choice is saved.
  const [checked, setChecked] = useState(() => widgets.filter((w) => w.shown).map((w) => w.id));
  const [fromServer, setFromServer] = useState(widgets);
  if (fromServer !== widgets) {
    setFromServer(widgets);
    setChecked(widgets.filter((w) => w.shown).map((w) => w.id));
  }

  const toggle = (id: string, show: boolean) => {
    const next = show ? [...checked, id] : checked.filter((c) => c !== id);
    setChecked(next);
    save.mutate({ key: "dashboard", value: { hidden: widgets.map((w) => w.id).filter((w) => !next.includes(w)) } });
  };

  return (
    <div className="relative">
      <button
        type="button"
        className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="dashboard-chooser"
      >
        {t("customize")}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-72 rounded border border-slate-300 bg-white p-3 text-sm shadow-lg"
      >
        <fieldset disabled={busy} aria-busy={busy}>
          <legend className="font-medium">{t("shownWidgets")}</legend>
          <ul className="mt-2 space-y-1">
            {widgets.map((w) => (
              <li key={w.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={checked.includes(w.id)}
                    onChange={(e) => toggle(w.id, e.target.checked)}
                  />
                  {w.title}
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="mt-3 text-blue-800 underline"
            onClick={() => save.mutate({ key: "dashboard", value: null })}
          >
            {t("resetWidgets")}
          </button>
        </fieldset>
        {save.isError && (
          <p role="alert" className="mt-2 text-red-800">
            {errorMessage(save.error)}
          </p>
        )}
      </div>
    </div>
  );
}
