import type { SessionUser } from "@/server/auth/session";
import type { Widget } from "./define-widget";

/** The widgets a user may put on their dashboard, of those the areas declare (`WIDGETS` of server/areas.ts). */
export const availableWidgets = (user: Pick<SessionUser, "roles">, widgets: readonly Widget[]) =>
  widgets.filter((w) => w.roles.some((r) => user.roles.has(r)));

/**
 * The widgets shown: the user's own choice once they made one (preference `dashboard`, which lists
 * every widget they hide, default-hidden ones included), else the default of their user type.
 */
export function shownWidgets(
  user: Pick<SessionUser, "roles" | "userType">,
  saved: { hidden: string[] } | null,
  widgets: readonly Widget[],
) {
  const available = availableWidgets(user, widgets);
  if (saved) return available.filter((w) => !saved.hidden.includes(w.id));
  return available.filter((w) => !w.defaultFor || w.defaultFor.includes(user.userType));
}
