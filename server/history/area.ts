import { defineArea } from "@/server/area";
import { recentChangesWidget } from "@/server/shell/widgets/recent-changes";
import { accessLogResource, clientChangesResource } from "./resources";

/** What changed and who opened which client file (domain-people §17; accountability). */
export const historyArea = defineArea({
  id: "history",
  resources: [clientChangesResource, accessLogResource],
  // Site → Security → access log: for the security advisor (its resource allows no one else).
  menu: [{ menu: "site", section: "menu.sections.security", entries: [{ resource: "history.accessLog" }] }],
  widgets: [recentChangesWidget],
});
