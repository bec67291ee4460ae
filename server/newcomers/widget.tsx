import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { belgianToday, formatDate } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import { localized } from "@/server/i18n/locale";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
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
        <table className="w-full" data-testid="new-clients">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="pr-2 font-medium">
                {t("client")}
              </th>
              <th scope="col" className="pr-2 font-medium">
                {t("faculty")}
              </th>
              <th scope="col" className="font-medium">
                {t("since")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="pr-2">
                  <Link href={resourceHref("clients.clients", r.id)} className={widgetLink}>
                    {r.name}
                  </Link>
                </td>
                <td className="pr-2">{r.faculty ? localized(r.faculty, locale) : ""}</td>
                <td className="whitespace-nowrap tabular-nums">{formatDate(belgianToday(r.since), locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2">
          <Link href={resourceHref("newcomers.clients")} className={widgetLink}>
            {t("all", { count: total })}
          </Link>
        </p>
      </div>
    );
  },
});
