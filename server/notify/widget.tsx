import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import { resourceHref } from "@/lib/resources";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { recipientOf, unseenSummary } from "./emit";

/** Lino's welcome message "You have N unseen notifications.", with the latest ones; nothing when all are seen. */
export const myNotificationsWidget = defineWidget({
  id: "my-notifications",
  title: "notify.myMessages",
  roles: ["SiteUser"],
  render: async ({ handle, user, locale }) => {
    const { count, latest } = await unseenSummary(handle, recipientOf(user), 5);
    if (count === 0) return null;
    const t = await getTranslations("notify");
    return (
      <div className="text-sm">
        <p>
          <Link href={resourceHref("notify.messages")} className={widgetLink} data-testid="notifications-link">
            {t("unseenCount", { count })}
          </Link>
        </p>
        <ul className="mt-2 space-y-1">
          {latest.map((m) => (
            <li key={m.id}>
              <Link href={`${resourceHref("notify.messages")}/${m.id}`} className={widgetLink}>
                {m.subject}
              </Link>{" "}
              <span className="text-slate-600">{formatDateTime(m.createdAt, locale)}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  },
});
