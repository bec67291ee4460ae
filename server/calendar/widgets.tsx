import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema, resourceHref, type ListState } from "@/lib/resources";
import type { Role, UserType } from "@/server/auth/user-types";
import { readPage } from "@/server/resources/service";
import { defineWidget, type WidgetCtx } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import type { ResourceDef } from "@/server/resources/define";
import { myOverdueResource, todayResource } from "./entries";

const SHOWN = 10;
/** Who has appointments of their own and starts the day with them: office users but the administrators. */
const AGENTS: UserType[] = ["100", "110", "120", "200", "300", "400", "410", "420", "500", "510"];

/** The first rows of one of the lists of §10.6, as a widget shows them (the list's own scope, filters and order). */
export async function widgetRows(ctx: WidgetCtx, resource: ResourceDef, state: ListState) {
  const page = await readPage(
    ctx,
    resource,
    { ...state, pageSize: SHOWN },
    { fields: ["startDate", "startTime", "client", "summary"] },
  );
  return {
    total: page.total,
    rows: page.rows.map((r) => ({
      id: Number(r.__id),
      date: String(r.startDate),
      time: r.startTime ? String(r.startTime) : "",
      client: r.client && typeof r.client === "object" && "label" in r.client ? String(r.client.label) : "",
      summary: String(r.summary ?? ""),
    })),
  };
}

const entriesWidget = (spec: {
  id: string;
  title: string;
  resource: ResourceDef;
  /** The list's state the widget shows, for its user. */
  state: (userId: number) => ListState;
  roles: Role[];
  defaultFor?: UserType[];
  showDate: boolean;
}) =>
  defineWidget({
    id: spec.id,
    title: spec.title,
    roles: spec.roles,
    ...(spec.defaultFor ? { defaultFor: spec.defaultFor } : {}),
    render: async (ctx) => {
      const t = await getTranslations("dashboard.calendar");
      const state = spec.state(ctx.user.id);
      const { rows, total } = await widgetRows(ctx, spec.resource, state);
      if (rows.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
      return (
        <div className="text-sm">
          <ul className="space-y-1" data-testid={spec.id}>
            {rows.map((r) => (
              <li key={r.id}>
                <Link href={resourceHref(spec.resource.id, r.id)} className={widgetLink}>
                  {spec.showDate ? `${formatDate(r.date, ctx.locale)} ` : ""}
                  {r.time}
                  {r.time && " "}
                  {r.summary || t("noSummary")}
                </Link>
                {r.client && <span className="text-slate-600"> · {r.client}</span>}
              </li>
            ))}
          </ul>
          {total > rows.length && (
            <p className="mt-2">
              <Link href={gridHref(spec.resource.id, state)} className={widgetLink}>
                {t("all", { count: total })}
              </Link>
            </p>
          )}
        </div>
      );
    },
  });

/** My appointments today (§10.6): the day's appointments managed by the user. */
export const myTodayWidget = entriesWidget({
  id: "calendar-my-today",
  title: "dashboard.calendar.today",
  resource: todayResource,
  defaultFor: AGENTS,
  state: (userId) => listStateSchema.parse({ filters: { user: userId } }),
  roles: ["OfficeUser"],
  showDate: false,
});

/** My overdue appointments (§10.6): appointments past their day that nobody closed or cancelled. */
export const myOverdueWidget = entriesWidget({
  id: "calendar-my-overdue",
  title: "dashboard.calendar.overdue",
  resource: myOverdueResource,
  defaultFor: AGENTS,
  state: () => listStateSchema.parse({}),
  roles: ["OfficeUser"],
  showDate: true,
});
