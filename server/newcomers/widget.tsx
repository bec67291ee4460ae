import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { belgianToday, formatDate } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import { localized } from "@/server/i18n/locale";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { WidgetTable } from "@/server/shell/widgets/widget-table";
import { waitingNewcomers } from "./dashboard";

/** "New clients" (domain-people §9): the newcomers waiting longest for a coach, for the newcomers consultants. */
export const newClientsWidget = defineWidget({
  id: "new-clients",
  title: "dashboard.newClients.title",
  roles: ["NewcomersUser"],
  defaultFor: ["200", "220"],
  render: async ({ handle, locale }) => {
    const t = await getTranslations("dashboard.newClients");
    const { rows, total } = await waitingNewcomers(handle);
    if (rows.length === 0) return <p className="text-sm">{t("none")}</p>;
    return (
      <div className="overflow-x-auto text-sm">
        <WidgetTable
          testId="new-clients"
          caption={t("caption")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "client",
              header: t("client"),
              cell: (r) => (
                <Link href={resourceHref("clients.clients", r.id)} className={widgetLink}>
                  {r.name}
                </Link>
              ),
            },
            { key: "faculty", header: t("faculty"), cell: (r) => (r.faculty ? localized(r.faculty, locale) : "") },
            { key: "since", header: t("since"), kind: "date", cell: (r) => formatDate(belgianToday(r.since), locale) },
          ]}
        />
        <p className="mt-2">
          <Link href={resourceHref("newcomers.clients")} className={widgetLink}>
            {t("all", { count: total })}
          </Link>
        </p>
      </div>
    );
  },
});
