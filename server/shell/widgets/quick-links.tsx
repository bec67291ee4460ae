import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { resourceHref } from "@/lib/resources";
import { defineWidget } from "../define-widget";
import { viewableResources } from "../search";
import { widgetLink } from "./styles";

/** Every list the user may open, one click away. */
export const quickLinksWidget = defineWidget({
  id: "quick-links",
  title: "dashboard.quickLinks.title",
  roles: ["SiteUser"],
  render: async ({ user }) => {
    const t = await getTranslations();
    const links = viewableResources(user).map((def) => ({ href: resourceHref(def.id), label: t(def.title) }));
    links.sort((a, b) => a.label.localeCompare(b.label));
    return (
      <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="quick-links">
        {links.map((l) => <li key={l.href}><Link href={l.href} className={widgetLink}>{l.label}</Link></li>)}
      </ul>
    );
  },
});
