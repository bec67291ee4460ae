import { defineArea } from "@/server/area";
import { jobFailuresResource } from "./resources";

/** Background jobs (pg-boss): the queue is shared machinery; what failed is each centre's to see. */
export const jobsArea = defineArea({
  id: "jobs",
  resources: [jobFailuresResource],
  menu: [{ menu: "explorer", section: "menu.sections.system", entries: [{ resource: "jobs.failures" }] }],
});
