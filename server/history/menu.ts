import type { MenuContribution } from "@/server/shell/menu";

/** Site → Security → access log: for the security advisor (its resource allows no one else). */
export const historyMenu: MenuContribution[] = [
  { menu: "site", section: "menu.sections.security", entries: [{ resource: "history.accessLog" }] },
];
