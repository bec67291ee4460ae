import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { gridHref } from "@/app/_components/resource/list-state";
import { formatNumber } from "@/lib/format";
import { listStateSchema } from "@/lib/resources";
import { belgianToday } from "@/lib/format";
import { localized } from "@/server/i18n/locale";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { usersWithClients } from "./users-with-clients";

/** The clients list showing the clients a user coaches today, narrowed by more filters. */
const clientsOf = (userId: number, filters: Record<string, unknown> = {}) =>
  gridHref("clients.clients", listStateSchema.parse({ filters: { coachedBy: userId, ...filters } }));

/** "Users with their clients" (domain-people §8): integration agents and their clients today, by phase. */
export const usersWithClientsWidget = defineWidget({
  id: "users-with-clients",
  title: "dashboard.usersWithClients.title",
  roles: ["IntegUser"],
  defaultFor: ["110", "120", "420"],
  render: async ({ handle, user, locale }) => {
    const t = await getTranslations("dashboard.usersWithClients");
    const { phases, users } = await usersWithClients(handle, user, belgianToday());
    if (users.length === 0) return <p className="text-sm">{t("none")}</p>;
    const cell = (count: number, href: string, key?: number) => (
      <td key={key} className="px-2 py-0.5 text-right tabular-nums">
        {count ? (
          <Link href={href} className={widgetLink}>
            {formatNumber(count, locale)}
          </Link>
        ) : (
          formatNumber(0, locale)
        )}
      </td>
    );
    return (
      <div className="overflow-x-auto text-sm">
        <table className="w-full" data-testid="users-with-clients">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="pr-2 font-medium">
                {t("user")}
              </th>
              {/* Padded apart: phase names such as "4" and "4bis" must not read as one ("1244bis9"). */}
              {phases.map((p) => (
                <th key={p.id} scope="col" className="whitespace-nowrap px-2 text-right font-medium">
                  <abbr title={localized(p.names, locale)}>{p.refName}</abbr>
                </th>
              ))}
              <th scope="col" className="px-2 text-right font-medium">
                {t("primary")}
              </th>
              <th scope="col" className="px-2 text-right font-medium">
                {t("active")}
              </th>
              <th scope="col" className="px-2 text-right font-medium">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.userId} className="border-t border-slate-100">
                <th scope="row" className="pr-2 text-left font-normal">
                  {u.name}
                </th>
                {phases.map((p) => cell(u.byPhase[p.id] ?? 0, clientsOf(u.userId, { group: p.id }), p.id))}
                {cell(u.primary, clientsOf(u.userId, { onlyPrimary: true }))}
                {cell(u.active, clientsOf(u.userId, { onlyPrimary: true, onlyActive: true }))}
                {cell(u.total, clientsOf(u.userId))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  },
});
