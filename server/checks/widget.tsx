import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { resourceHref } from "@/lib/resources";
import { defineWidget } from "@/server/shell/define-widget";
import { widgetLink } from "@/server/shell/widgets/styles";
import { openProblemCount } from "./run";

/** Lino's welcome message "You have N open data problems.", linking to them; nothing when there are none. */
export const dataProblemsWidget = defineWidget({
  id: "data-problems",
  title: "dashboard.dataProblems.title",
  roles: ["CheckdataUser"],
  render: async ({ handle, user }) => {
    const count = await openProblemCount(handle, user.id);
    if (count === 0) return null;
    const t = await getTranslations("dashboard.dataProblems");
    return (
      <p className="text-sm">
        <Link href={resourceHref("checks.myProblems")} className={widgetLink} data-testid="data-problems-link">
          {t("open", { count })}
        </Link>
      </p>
    );
  },
});
