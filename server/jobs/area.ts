import { defineArea } from "@/server/area";
import { backupJob } from "@/server/tenancy/backup-job";
import { jobFailuresResource } from "./resources";

/** Background jobs (pg-boss): the queue is shared machinery; what failed is each centre's to see. */
export const jobsArea = defineArea({
  id: "jobs",
  resources: [jobFailuresResource],
  // The operator's nightly backups run on the same queue, one job per served centre.
  jobs: [backupJob],
  menu: [{ menu: "explorer", section: "menu.sections.system", entries: [{ resource: "jobs.failures" }] }],
});
