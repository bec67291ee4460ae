import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { Registry } from "@/server/area";
import { actionText, fieldLabels, readerFor } from "./describe";
import { defineWidget } from "@/server/shell/define-widget";
import { recentChanges, type ChangeView } from "./recent";
import { widgetLink } from "@/server/shell/widgets/styles";

type T = Awaited<ReturnType<typeof getTranslations>>;

function whoDidIt(t: T, c: ChangeView): string {
  const who =
    "name" in c.actor
      ? c.actor.name
      : c.actor.system.startsWith("operator:")
        ? t("dashboard.changes.operator", { email: c.actor.system.slice("operator:".length) })
        : t.has(`dashboard.changes.system.${c.actor.system}`)
          ? t(`dashboard.changes.system.${c.actor.system}`)
          : c.actor.system;
  return c.actingFor ? t("dashboard.changes.actingFor", { who, whom: c.actingFor }) : who;
}

function whatWasChanged(t: T, c: ChangeView, registry: Registry): string {
  const def = c.resource ? registry.resources.get(c.resource) : undefined;
  if (def) return c.entityId === null ? t(def.title) : `${t(def.title)} #${c.entityId}`;
  const key = `dashboard.changes.entities.${c.entity}`;
  return t.has(key) ? t(key) : c.entity;
}

/** The last entries of the centre's audit log, for administrators and the security advisor. */
export const recentChangesWidget = defineWidget({
  id: "recent-changes",
  title: "dashboard.changes.title",
  roles: ["SiteAdmin"],
  render: async ({ handle, user, locale, registry }) => {
    const t = await getTranslations();
    const reader = readerFor(locale, handle.t, registry);
    const changes = await recentChanges(handle, registry, user);
    if (changes.length === 0) return <p className="text-sm text-slate-600">{t("dashboard.changes.none")}</p>;
    return (
      <ol className="space-y-2 text-sm" data-testid="recent-changes">
        {changes.map((c) => {
          const object = whatWasChanged(t, c, registry);
          const fields = fieldLabels(reader, c.entity, c.fields);
          return (
            <li key={c.id} className="border-t border-slate-100 pt-1 first:border-0 first:pt-0">
              <span className="font-medium">{actionText(reader, c.entity, c.action)}</span>{" "}
              {c.href ? (
                <Link href={c.href} className={widgetLink}>
                  {object}
                </Link>
              ) : (
                object
              )}
              {fields && <span className="text-slate-600"> ({fields})</span>}
              <br />
              <span className="text-slate-600">
                {whoDidIt(t, c)} · <time dateTime={c.at}>{formatDateTime(c.at, locale)}</time>
              </span>
            </li>
          );
        })}
      </ol>
    );
  },
});
