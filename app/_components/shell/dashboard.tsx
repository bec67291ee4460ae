import { getTranslations } from "next-intl/server";
import { ApiProvider } from "@/app/_components/trpc";
import { registry, WIDGETS } from "@/server/areas";
import type { SessionUser } from "@/server/auth/session";
import type { Locale } from "@/server/i18n/locale";
import { rootLogger } from "@/server/logger";
import { getPreference } from "@/server/preferences/service";
import type { Widget, WidgetCtx } from "@/server/shell/define-widget";
import { availableWidgets, shownWidgets } from "@/server/shell/widgets";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { DashboardChooser } from "./dashboard-chooser";

/** One widget's body; a widget that fails says so in its own box instead of breaking the page. */
async function WidgetBody({ widget, ctx }: { widget: Widget; ctx: WidgetCtx }) {
  try {
    return await widget.render(ctx);
  } catch (error) {
    rootLogger.error({ err: error, widget: widget.id }, "dashboard widget failed");
    const t = await getTranslations("dashboard");
    return <p className="text-sm text-red-800">{t("widgetFailed")}</p>;
  }
}

/** The signed-in user's dashboard: the widgets of their user type, minus the ones they hid. */
export async function Dashboard({
  handle,
  user,
  locale,
  heading,
}: {
  handle: TenantHandle;
  user: SessionUser;
  locale: Locale;
  heading: string;
}) {
  const t = await getTranslations();
  // Layout choices belong to the person signed in, also while acting for a colleague.
  const saved = (await getPreference(handle, user.realUser?.id ?? user.id, "dashboard")) as { hidden: string[] } | null;
  const chosen = shownWidgets(user, saved, WIDGETS);
  const ctx: WidgetCtx = { handle, user, locale, registry };
  const rendered = await Promise.all(chosen.map((w) => WidgetBody({ widget: w, ctx })));
  // A widget with nothing to say (its render gives null, e.g. no open data problem) is left out.
  const shown = chosen.filter((_, i) => rendered[i] !== null);
  const bodies = rendered.filter((body) => body !== null);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{heading}</h1>
        {/* An operator's support session may change nothing, not even a layout. */}
        {!user.support && (
          <ApiProvider>
            <DashboardChooser
              widgets={availableWidgets(user, WIDGETS).map((w) => ({
                id: w.id,
                title: t(w.title),
                shown: chosen.includes(w),
              }))}
            />
          </ApiProvider>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="mt-6 text-slate-700">{t("dashboard.empty")}</p>
      ) : (
        <div className="mt-4 grid gap-4 md:grid-cols-2" data-testid="dashboard">
          {shown.map((w, i) => (
            <section
              key={w.id}
              aria-labelledby={`widget-${w.id}`}
              className="rounded border border-slate-200 bg-white p-4 shadow-sm"
              data-testid={`widget-${w.id}`}
            >
              <h2 id={`widget-${w.id}`} className="mb-2 text-lg font-semibold">
                {t(w.title)}
              </h2>
              {bodies[i]}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
