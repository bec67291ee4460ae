import { defineArea } from "@/server/area";
import { recentChangesWidget } from "./widget";
import { accessLogResource, clientChangesResource, deletedRecordsResource } from "./resources";
import { clientChangesSource } from "./changes-timeline";
import { purgeDeletedJob } from "./jobs";

/** What changed, what was deleted (and its restoring), and who opened which client file (domain-people §17; accountability). */
export const historyArea = defineArea({
  id: "history",
  resources: [clientChangesResource, accessLogResource, deletedRecordsResource],
  // Site → Security → access log: for the security advisor (its resource allows no one else);
  // Explorer → System → deleted records: for administrators, who may restore them.
  menu: [
    { menu: "site", section: "menu.sections.security", entries: [{ resource: "history.accessLog" }] },
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "history.deleted" }] },
  ],
  widgets: [recentChangesWidget],
  timeline: [clientChangesSource],
  jobs: [purgeDeletedJob],
});
