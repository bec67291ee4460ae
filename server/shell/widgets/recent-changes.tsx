import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import { RESOURCES } from "@/server/resources/registry";
import { defineWidget } from "../define-widget";
import { recentChanges, type ChangeView } from "../dashboard-data";
import { widgetLink } from "./styles";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** "Updated", "Deactivated", "Gave a procuration"… from the audit action, in the reader's language. */
function whatWasDone(t: T, c: ChangeView): string {
  const def = c.resource ? RESOURCES.get(c.resource) : undefined;
  if (def && c.action.startsWith(`${def.id}.`)) {
    const verb = c.action.slice(def.id.length + 1);
    if (verb.startsWith("transition.")) {
      const transition = def.workflow?.transitions.find((tr) => tr.name === verb.slice("transition.".length));
      if (transition) return t(transition.label);
    }
    if (t.has(`dashboard.changes.verbs.${verb}`)) return t(`dashboard.changes.verbs.${verb}`);
  }
  const key = `dashboard.changes.actions.${c.action.replaceAll(".", "_")}`;
  return t.has(key) ? t(key) : c.action;
}

function whoDidIt(t: T, c: ChangeView): string {
  const who = "name" in c.actor
    ? c.actor.name
    : c.actor.system.startsWith("operator:")
      ? t("dashboard.changes.operator", { email: c.actor.system.slice("operator:".length) })
      : t.has(`dashboard.changes.system.${c.actor.system}`) ? t(`dashboard.changes.system.${c.actor.system}`) : c.actor.system;
  return c.actingFor ? t("dashboard.changes.actingFor", { who, whom: c.actingFor }) : who;
}

function whatWasChanged(t: T, c: ChangeView): string {
  const def = c.resource ? RESOURCES.get(c.resource) : undefined;
  if (def) return `${t(def.title)} #${c.entityId}`;
  const key = `dashboard.changes.entities.${c.entity}`;
  return t.has(key) ? t(key) : c.entity;
}

const fieldLabels = (t: T, c: ChangeView) => {
  const def = c.resource ? RESOURCES.get(c.resource) : undefined;
  return c.fields.map((f) => (def?.fields[f] ? t(def.fields[f].label) : f)).join(", ");
};

/** The last entries of the centre's audit log, for administrators and the security advisor. */
export const recentChangesWidget = defineWidget({
  id: "recent-changes",
  title: "dashboard.changes.title",
  roles: ["SiteAdmin"],
  render: async ({ handle, user, locale }) => {
    const t = await getTranslations();
    const changes = await recentChanges(handle, user);
    if (changes.length === 0) return <p className="text-sm text-slate-600">{t("dashboard.changes.none")}</p>;
    return (
      <ol className="space-y-2 text-sm" data-testid="recent-changes">
        {changes.map((c) => {
          const object = whatWasChanged(t, c);
          const fields = fieldLabels(t, c);
          return (
            <li key={c.id} className="border-t border-slate-100 pt-1 first:border-0 first:pt-0">
              <span className="font-medium">{whatWasDone(t, c)}</span>{" "}
              {c.href ? <Link href={c.href} className={widgetLink}>{object}</Link> : object}
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
