import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { gridHref } from "@/app/_components/resource/list-state";
import { formatNumber } from "@/lib/format";
import { listStateSchema } from "@/lib/resources";
import { defineWidget } from "@/server/shell/define-widget";
import { centreUsersSummary } from "../dashboard";
import { widgetLink } from "@/server/shell/widgets/styles";
import { WidgetTable } from "@/server/shell/widgets/widget-table";

const usersWith = (filters: Record<string, unknown>) => gridHref("users.users", listStateSchema.parse({ filters }));

/** For the centre's administrators: who has which user type, and how many accounts are switched off. */
export const centreUsersWidget = defineWidget({
  id: "centre-users",
  title: "dashboard.centreUsers.title",
  roles: ["SiteAdmin"],
  render: async ({ handle, locale }) => {
    const t = await getTranslations();
    const summary = await centreUsersSummary(handle);
    return (
      <div className="space-y-2 text-sm">
        <WidgetTable
          testId="centre-users"
          caption={t("dashboard.centreUsers.caption")}
          rows={summary.byType}
          rowKey={(r) => r.userType ?? "none"}
          columns={[
            {
              key: "userType",
              header: t("fields.userType"),
              cell: (r) =>
                r.userType ? (
                  <Link href={usersWith({ userType: r.userType })} className={widgetLink}>
                    {t(`userTypes.${r.userType}`)}
                  </Link>
                ) : (
                  t("dashboard.centreUsers.noUserType")
                ),
            },
            {
              key: "count",
              header: t("dashboard.centreUsers.count"),
              kind: "number",
              cell: (r) => formatNumber(r.count, locale),
            },
          ]}
          footer={
            <tr className="border-t border-slate-300 font-medium">
              <th scope="row" className="text-left">
                {t("dashboard.centreUsers.total")}
              </th>
              <td className="px-2 text-right tabular-nums">{formatNumber(summary.total, locale)}</td>
            </tr>
          }
        />
        <p>
          <Link href={usersWith({ active: false })} className={widgetLink} data-testid="inactive-users">
            {t("dashboard.centreUsers.inactive", { count: summary.inactive })}
          </Link>
          {" · "}
          <Link href="/users/users" className={widgetLink}>
            {t("dashboard.centreUsers.all")}
          </Link>
        </p>
      </div>
    );
  },
});
