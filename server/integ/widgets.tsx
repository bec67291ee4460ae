import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { gridHref } from "@/app/_components/resource/list-state";
import { belgianToday, formatDate } from "@/lib/format";
import { listStateSchema, resourceHref } from "@/lib/resources";
import type { UserType } from "@/server/auth/user-types";
import { readPage } from "@/server/resources/service";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { WidgetTable } from "@/server/shell/widgets/widget-table";
import { integrationClientsResource } from "./clients";
import { myContractsEndingSoon, myEvaluationsThisWeek, SHOWN } from "./dashboard";

/** Integration agents (not their managers, who get "Users with their clients"). */
const AGENTS: UserType[] = ["100", "120"];

/** My contracts ending soon: the contracts I wrote whose end falls in the coming month (any kind). */
export const myContractsEndingWidget = defineWidget({
  id: "integ-contracts-ending",
  title: "integ.dashboard.endingTitle",
  roles: ["IntegUser"],
  defaultFor: AGENTS,
  render: async ({ handle, user, locale }) => {
    const t = await getTranslations("integ.dashboard");
    const tr = await getTranslations();
    const { rows, total } = await myContractsEndingSoon(handle, user.id, belgianToday());
    if (rows.length === 0) return <p className="text-sm text-slate-600">{t("noneEnding")}</p>;
    return (
      <div className="text-sm">
        <WidgetTable
          testId="integ-contracts-ending"
          caption={t("endingTitle")}
          rows={rows}
          rowKey={(r) => `${r.kind}-${r.id}`}
          columns={[
            { key: "ends", header: t("ends"), kind: "date", cell: (r) => formatDate(r.ends, locale) },
            {
              key: "contract",
              header: t("contract"),
              rowHeader: true,
              cell: (r) => (
                <Link href={resourceHref(r.resource, r.id)} className={widgetLink}>
                  {`${tr(r.label as never)} #${r.id}`}
                </Link>
              ),
            },
            { key: "client", header: t("client"), cell: (r) => r.client },
          ]}
        />
        {total > rows.length && <p className="mt-2">{t("more", { count: total - rows.length })}</p>}
      </div>
    );
  },
});

/** My evaluations this week: the evaluation meetings of contracts that I manage, Monday to Sunday. */
export const myEvaluationsWidget = defineWidget({
  id: "integ-evaluations-week",
  title: "integ.dashboard.evaluationsTitle",
  roles: ["IntegUser"],
  defaultFor: AGENTS,
  render: async ({ handle, user, locale }) => {
    const t = await getTranslations("integ.dashboard");
    const { rows, total } = await myEvaluationsThisWeek(handle, user.id, belgianToday());
    if (rows.length === 0) return <p className="text-sm text-slate-600">{t("noEvaluations")}</p>;
    return (
      <div className="text-sm">
        <WidgetTable
          testId="integ-evaluations-week"
          caption={t("evaluationsTitle")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "when",
              header: t("when"),
              kind: "date",
              cell: (r) => `${formatDate(r.date, locale)}${r.time ? ` ${r.time}` : ""}`,
            },
            {
              key: "summary",
              header: t("summary"),
              rowHeader: true,
              cell: (r) => (
                <Link href={resourceHref("calendar.entries", r.id)} className={widgetLink}>
                  {r.summary || r.id}
                </Link>
              ),
            },
            { key: "client", header: t("client"), cell: (r) => r.client },
          ]}
        />
        {total > rows.length && <p className="mt-2">{t("more", { count: total - rows.length })}</p>}
      </div>
    );
  },
});

/** The integration list's state showing my clients without an active contract today. */
export const withoutContractState = listStateSchema.parse({ filters: { available: true } });

/** My clients without an active contract: the integration list (my clients today) filtered on "available". */
export const myClientsWithoutContractWidget = defineWidget({
  id: "integ-without-contract",
  title: "integ.dashboard.withoutContractTitle",
  roles: ["IntegUser"],
  defaultFor: AGENTS,
  render: async (ctx) => {
    const t = await getTranslations("integ.dashboard");
    // The registry's list: the one the other areas' filters ("available") were added to.
    const list = ctx.registry.resources.get(integrationClientsResource.id)!;
    const page = await readPage(ctx, list, { ...withoutContractState, pageSize: SHOWN }, { fields: ["name"] });
    if (page.rows.length === 0) return <p className="text-sm text-slate-600">{t("noneWithout")}</p>;
    return (
      <div className="text-sm">
        <ul className="space-y-1" data-testid="integ-without-contract">
          {page.rows.map((r) => (
            <li key={String(r.__id)}>
              <Link href={resourceHref(integrationClientsResource.id, Number(r.__id))} className={widgetLink}>
                {String(r.name)}
              </Link>
            </li>
          ))}
        </ul>
        {page.total > page.rows.length && (
          <p className="mt-2">
            <Link href={gridHref(integrationClientsResource.id, withoutContractState)} className={widgetLink}>
              {t("allClients", { count: page.total })}
            </Link>
          </p>
        )}
      </div>
    );
  },
});

export const INTEG_WIDGETS = [myContractsEndingWidget, myEvaluationsWidget, myClientsWithoutContractWidget];
