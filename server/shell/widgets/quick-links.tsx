import { Link } from "@/app/_components/link";
import { defineWidget } from "../define-widget";
import { translatedMenuFor } from "../menu";
import { widgetLink } from "./styles";

/** Every list and page of the user's main menu, grouped by menu as there. */
export const quickLinksWidget = defineWidget({
  id: "quick-links",
  title: "dashboard.quickLinks.title",
  roles: ["SiteUser"],
  render: async ({ user, registry, locale }) => (
    <div className="gap-6 text-sm sm:columns-2" data-testid="quick-links">
      {/* The main menu's translated entries, built once per set of roles and language (translatedMenuFor). */}
      {translatedMenuFor(user, registry, locale).map((menu) => (
        <section key={menu.id} aria-labelledby={`quick-links-${menu.id}`} className="mb-3 break-inside-avoid">
          <h3 id={`quick-links-${menu.id}`} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
            {menu.label}
          </h3>
          <ul>
            {menu.sections
              .flatMap((s) => s.items)
              .map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className={widgetLink}>
                    {l.label}
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  ),
});
