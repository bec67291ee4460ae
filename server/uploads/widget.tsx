import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { addDays } from "@/server/calendar/rules/reminders";
import { belgianToday, formatDate } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import { localized } from "@/server/i18n/locale";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
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
        <table className="w-full" data-testid="my-expiring-uploads">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="pr-2 font-medium">
                {t("endDate")}
              </th>
              <th scope="col" className="pr-2 font-medium">
                {t("client")}
              </th>
              <th scope="col" className="pr-2 font-medium">
                {t("type")}
              </th>
              <th scope="col" className="font-medium">
                {t("file")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="whitespace-nowrap pr-2 tabular-nums">{formatDate(r.endDate, locale)}</td>
                <td className="pr-2">
                  <Link href={resourceHref("clients.clients", r.clientId)} className={widgetLink}>
                    {r.clientName}
                  </Link>
                </td>
                <td className="pr-2">{localized(r.typeName, locale)}</td>
                <td>
                  <a href={downloadHref(r.id, r.fileName)} className={widgetLink}>
                    {r.description.trim() || r.fileName}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  },
});
