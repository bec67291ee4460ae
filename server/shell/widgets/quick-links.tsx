import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import type { Registry } from "@/server/area";
import type { SessionUser } from "@/server/auth/session";
import { defineWidget } from "../define-widget";
import { menuFor, type MenuItemView } from "../menu";
import { widgetLink } from "./styles";

/** The user's menus with every entry one click away, in the main menu's order and grouping (labels are message keys). */
export function quickLinkGroups(
  user: Pick<SessionUser, "roles" | "support">,
  registry: Pick<Registry, "resources" | "menu">,
): { id: string; label: string; items: MenuItemView[] }[] {
  return menuFor(user, registry).map((menu) => ({
    id: menu.id,
    label: menu.label,
    items: menu.sections.flatMap((s) => s.items),
  }));
}

/** Every list and page of the user's main menu, grouped by menu as there. */
export const quickLinksWidget = defineWidget({
  id: "quick-links",
  title: "dashboard.quickLinks.title",
  roles: ["SiteUser"],
  render: async ({ user, registry }) => {
    const t = await getTranslations();
    return (
      <div className="gap-6 text-sm sm:columns-2" data-testid="quick-links">
        {quickLinkGroups(user, registry).map((group) => (
          <section key={group.id} aria-labelledby={`quick-links-${group.id}`} className="mb-3 break-inside-avoid">
            <h3 id={`quick-links-${group.id}`} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
              {t(group.label)}
            </h3>
            <ul>
              {group.items.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className={widgetLink}>
                    {t(l.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    );
  },
});
