import type { SessionUser } from "@/server/auth/session";
import { dataProblemsWidget } from "@/server/checks/widget";
import { usersWithClientsWidget } from "@/server/coachings/widget";
import type { Widget } from "./define-widget";
import { centreUsersWidget } from "./widgets/centre-users";
import { procurationsWidget } from "./widgets/procurations";
import { quickLinksWidget } from "./widgets/quick-links";
import { recentChangesWidget } from "./widgets/recent-changes";

/** Every widget, in the order the dashboard shows them. An area adds its own here (one line). */
export const WIDGETS: Widget[] = [dataProblemsWidget, procurationsWidget, quickLinksWidget, centreUsersWidget, usersWithClientsWidget, recentChangesWidget];

/** The widgets a user may put on their dashboard. */
export const availableWidgets = (user: Pick<SessionUser, "roles">, widgets = WIDGETS) =>
  widgets.filter((w) => w.roles.some((r) => user.roles.has(r)));

/**
 * The widgets shown: the user's own choice once they made one (preference `dashboard`, which lists
 * every widget they hide, default-hidden ones included), else the default of their user type.
 */
export function shownWidgets(user: Pick<SessionUser, "roles" | "userType">, saved: { hidden: string[] } | null, widgets = WIDGETS) {
  const available = availableWidgets(user, widgets);
  if (saved) return available.filter((w) => !saved.hidden.includes(w.id));
  return available.filter((w) => !w.defaultFor || w.defaultFor.includes(user.userType));
}
