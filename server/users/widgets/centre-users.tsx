import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { gridHref } from "@/app/_components/resource/list-state";
import { formatNumber } from "@/lib/format";
import { listStateSchema } from "@/lib/resources";
import { defineWidget } from "@/server/shell/define-widget";
import { centreUsersSummary } from "../dashboard";
import { widgetLink } from "@/server/shell/widgets/styles";

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
        <table className="w-full" data-testid="centre-users">
          <caption className="sr-only">{t("dashboard.centreUsers.caption")}</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="font-medium">
                {t("fields.userType")}
              </th>
              <th scope="col" className="text-right font-medium">
                {t("dashboard.centreUsers.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.byType.map((r) => (
              <tr key={r.userType ?? "none"} className="border-t border-slate-100">
                <td>
                  {r.userType ? (
                    <Link href={usersWith({ userType: r.userType })} className={widgetLink}>
                      {t(`userTypes.${r.userType}`)}
                    </Link>
                  ) : (
                    t("dashboard.centreUsers.noUserType")
                  )}
                </td>
                <td className="text-right tabular-nums">{formatNumber(r.count, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-300 font-medium">
              <th scope="row" className="text-left">
                {t("dashboard.centreUsers.total")}
              </th>
              <td className="text-right tabular-nums">{formatNumber(summary.total, locale)}</td>
            </tr>
          </tfoot>
        </table>
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
