import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { caughtMails } from "./caught";

/** In the demo: how many mails its mail server caught, linking to them; nothing elsewhere. */
export const caughtMailsWidget = defineWidget({
  id: "caught-mails",
  title: "outbox.caught.title",
  roles: ["SiteAdmin"],
  render: async ({ handle }) => {
    const mails = await caughtMails(handle.tenantId, 1000);
    if (mails === null) return null;
    const t = await getTranslations("outbox.caught");
    return (
      <p className="text-sm">
        <Link href="/outbox/caught" className={widgetLink} data-testid="caught-mails-link">
          {t("count", { count: mails.length })}
        </Link>
      </p>
    );
  },
});
