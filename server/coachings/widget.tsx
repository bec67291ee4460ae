import type { ReactNode } from "react";
import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { gridHref } from "@/app/_components/resource/list-state";
import { formatNumber } from "@/lib/format";
import { listStateSchema } from "@/lib/resources";
import { belgianToday } from "@/lib/format";
import { localized } from "@/server/i18n/locale";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { WidgetTable, type WidgetColumn } from "@/server/shell/widgets/widget-table";
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
    const { phases, kinds, users } = await usersWithClients(handle, user, belgianToday());
    const tr = await getTranslations();
    if (users.length === 0) return <p className="text-sm">{t("none")}</p>;
    const count = (n: number, href: string) =>
      n ? (
        <Link href={href} className={widgetLink}>
          {formatNumber(n, locale)}
        </Link>
      ) : (
        formatNumber(0, locale)
      );
    type Row = (typeof users)[number];
    const number = (key: string, header: ReactNode, cell: (u: Row) => ReactNode): WidgetColumn<Row> => ({
      key,
      header,
      cell,
      kind: "number",
    });
    return (
      <div className="overflow-x-auto text-sm">
        <WidgetTable
          testId="users-with-clients"
          caption={t("caption")}
          rows={users}
          rowKey={(u) => u.userId}
          columns={[
            { key: "user", header: t("user"), rowHeader: true, cell: (u) => u.name },
            // Padded apart (number columns): phase names such as "4" and "4bis" must not read as one ("1244bis9").
            ...phases.map((p) =>
              number(`phase-${p.id}`, <abbr title={localized(p.names, locale)}>{p.refName}</abbr>, (u) =>
                count(u.byPhase[p.id] ?? 0, clientsOf(u.userId, { group: p.id })),
              ),
            ),
            // Clients with an active contract of each kind today (domain-integ-money §2.2).
            ...kinds.map((k) =>
              number(`kind-${k.kind}`, tr(k.label as never), (u) =>
                count(u.byKind[k.kind] ?? 0, clientsOf(u.userId, { activeContract: k.kind })),
              ),
            ),
            number("primary", t("primary"), (u) => count(u.primary, clientsOf(u.userId, { onlyPrimary: true }))),
            number("active", t("active"), (u) =>
              count(u.active, clientsOf(u.userId, { onlyPrimary: true, onlyActive: true })),
            ),
            number("total", t("total"), (u) => count(u.total, clientsOf(u.userId))),
          ]}
        />
      </div>
    );
  },
});
