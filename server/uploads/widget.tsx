import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { addDays } from "@/server/calendar/rules/reminders";
import { belgianToday, formatDate } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import { localized } from "@/server/i18n/locale";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { WidgetTable } from "@/server/shell/widgets/widget-table";
import { downloadHref } from "./service";
import { myExpiringUploads } from "./summary";

/** "My expiring uploads" (domain-people §13): documents of my clients whose validity ends within a year. */
export const myExpiringUploadsWidget = defineWidget({
  id: "my-expiring-uploads",
  title: "dashboard.myExpiringUploads.title",
  roles: ["OfficeUser", "OfficeOperator"],
  // Shown without asking to those who coach clients; others (reception, accounting) may add it.
  defaultFor: ["100", "110", "120", "200", "300", "400", "410", "420"],
  render: async ({ handle, user, locale }) => {
    const t = await getTranslations("dashboard.myExpiringUploads");
    const today = belgianToday();
    const rows = await myExpiringUploads(handle, user.id, today, addDays(today, 365));
    if (rows.length === 0) return <p className="text-sm">{t("none")}</p>;
    return (
      <div className="overflow-x-auto text-sm">
        <WidgetTable
          testId="my-expiring-uploads"
          caption={t("caption")}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { key: "endDate", header: t("endDate"), kind: "date", cell: (r) => formatDate(r.endDate, locale) },
            {
              key: "client",
              header: t("client"),
              cell: (r) => (
                <Link href={resourceHref("clients.clients", r.clientId)} className={widgetLink}>
                  {r.clientName}
                </Link>
              ),
            },
            { key: "type", header: t("type"), cell: (r) => localized(r.typeName, locale) },
            {
              key: "file",
              header: t("file"),
              cell: (r) => (
                <a href={downloadHref(r.id, r.fileName)} className={widgetLink}>
                  {r.description.trim() || r.fileName}
                </a>
              ),
            },
          ]}
        />
      </div>
    );
  },
});
