import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { LiveRefresh } from "@/app/_components/live-refresh";
import { WaitingAlert } from "@/app/_components/waiting-alert";
import { gridHref } from "@/app/_components/resource/list-state";
import { formatTime } from "@/lib/format";
import { listStateSchema, resourceHref } from "@/lib/resources";
import type { Role, UserType } from "@/server/auth/user-types";
import type { ResourceDef } from "@/server/resources/define";
import { readPage } from "@/server/resources/service";
import { defineWidget, type WidgetCtx } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { waitingForMeResource, waitingVisitorsResource } from "./visitors";

const SHOWN = 10;
const label = (v: unknown) => (v && typeof v === "object" && "label" in v ? String(v.label) : "");

/** The visitors a widget lists: the list's own scope and order, with who, since when, for whom and their place. */
export async function visitorRows(ctx: WidgetCtx, resource: ResourceDef) {
  const page = await readPage(
    ctx,
    resource,
    { ...listStateSchema.parse({}), pageSize: SHOWN },
    { fields: ["partner", "agent", "waitingSince", "position"] },
  );
  return {
    total: page.total,
    rows: page.rows.map((r) => ({
      id: Number(r.__id),
      visitor: label(r.partner),
      agent: label(r.agent),
      since: r.waitingSince ? String(r.waitingSince) : "",
      position: typeof r.position === "number" ? r.position : null,
    })),
  };
}

const visitorsWidget = (spec: {
  id: string;
  title: string;
  resource: ResourceDef;
  roles: Role[];
  defaultFor?: UserType[];
  withAgent: boolean;
  alert?: boolean;
}) =>
  defineWidget({
    id: spec.id,
    title: spec.title,
    roles: spec.roles,
    ...(spec.defaultFor ? { defaultFor: spec.defaultFor } : {}),
    render: async (ctx) => {
      const t = await getTranslations("reception.widget");
      const { rows, total } = await visitorRows(ctx, spec.resource);
      return (
        <div className="text-sm" data-testid={spec.id}>
          {/* The waiting room is pushed: the widget reloads as soon as someone arrives, is received or leaves. */}
          <LiveRefresh />
          {spec.alert && <WaitingAlert />}
          {rows.length === 0 ? (
            <p className="text-slate-600">{t("none")}</p>
          ) : (
            <ul className="space-y-1">
              {rows.map((r) => (
                <li key={r.id}>
                  <Link href={resourceHref(spec.resource.id, r.id)} className={widgetLink}>
                    {r.visitor}
                  </Link>
                  <span className="text-slate-600">
                    {" · "}
                    {t("since", { time: r.since ? formatTime(r.since, ctx.locale) : "" })}
                    {spec.withAgent && r.agent ? ` · ${r.agent}` : ""}
                    {r.position !== null ? ` · ${t("position", { position: r.position })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {total > rows.length && (
            <p className="mt-2">
              <Link href={gridHref(spec.resource.id, listStateSchema.parse({}))} className={widgetLink}>
                {t("all", { count: total })}
              </Link>
            </p>
          )}
        </div>
      );
    },
  });

/** Agents: who has started waiting for them (§11 dashboard). */
const AGENTS: UserType[] = ["100", "110", "120", "200", "300", "400", "410", "420", "500", "510"];

export const waitingForMeWidget = visitorsWidget({
  id: "reception-waiting-for-me",
  title: "resources.receptionVisitors.waitingForMe",
  resource: waitingForMeResource,
  roles: ["OfficeUser"],
  defaultFor: AGENTS,
  withAgent: false,
  alert: true,
});

/** Everybody waiting, with their agent and place in the agent's queue (§11 dashboard; the reception's main view). */
export const waitingVisitorsWidget = visitorsWidget({
  id: "reception-waiting",
  title: "resources.receptionVisitors.waiting",
  resource: waitingVisitorsResource,
  roles: ["OfficeUser", "OfficeOperator"],
  withAgent: true,
});
