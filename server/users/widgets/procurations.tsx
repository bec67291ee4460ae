import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { defineWidget } from "@/server/shell/define-widget";
import { myProcurations } from "../dashboard";
import { widgetButton } from "@/server/shell/widgets/styles";

/** Lino's authorities: colleagues whose work I may take over ("act as"), and those I let take over mine. */
export const procurationsWidget = defineWidget({
  id: "procurations",
  title: "dashboard.procurations.title",
  roles: ["SiteUser"],
  // Supervisors may act as anyone: the list matters less to them, so they add it if they want it.
  defaultFor: ["100", "110", "120", "200", "210", "220", "300", "400", "410", "420", "500", "510"],
  render: async ({ handle, user, locale }) => {
    const t = await getTranslations("dashboard.procurations");
    const { received, given } = await myProcurations(handle, user);
    const until = (d: string | null) => (d ? ` ${t("until", { date: formatDate(d, locale) })}` : "");
    if (received.length === 0 && given.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
    return (
      <div className="space-y-3 text-sm">
        {received.length > 0 && (
          <div>
            <h3 className="font-medium">{t("received")}</h3>
            <ul className="mt-1 space-y-1" data-testid="procurations-received">
              {received.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {a.otherName}
                    {until(a.validUntil)}
                    {!a.valid && <> ({t("expired")})</>}
                  </span>
                  {a.valid && !user.realUser && (
                    <form action="/api/act-as" method="post">
                      <input type="hidden" name="userId" value={a.userId} />
                      <button className={widgetButton}>{t("actAs", { name: a.otherName })}</button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {given.length > 0 && (
          <div>
            <h3 className="font-medium">{t("given")}</h3>
            <ul className="mt-1 space-y-1" data-testid="procurations-given">
              {given.map((a) => (
                <li key={a.id}>
                  {a.otherName}
                  {until(a.validUntil)}
                  {!a.valid && <> ({t("expired")})</>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    );
  },
});
