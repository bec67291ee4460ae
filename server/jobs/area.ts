import { seedDemoJobs, seedJobSchedules } from "@/db/seed/jobs";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { backupJob } from "@/server/tenancy/backup-job";
import { candidaturesResource } from "./candidatures";
import { jobSchedulesResource, jobTypesResource } from "./config";
import { jobsResource } from "./jobs";
import { jobOffersResource } from "./offers";
import { jobProvidersResource } from "./providers";
import { jobFailuresResource } from "./resources";

/**
 * Two things Lino calls "jobs": the background jobs (pg-boss: the queue is shared machinery, what
 * failed is each centre's to see) and the Art. 60§7 job supply (domain-integ-money §2.5): job
 * providers, jobs, offers, candidatures and their configuration. The Art. 60§7 contract comes on
 * the contracts' common base (server/isip) and calls ./rules.ts and `deactivateCandidatures`.
 */
export const jobsArea = defineArea({
  id: "jobs",
  resources: [
    jobFailuresResource,
    jobProvidersResource,
    jobsResource,
    jobOffersResource,
    candidaturesResource,
    jobTypesResource,
    jobSchedulesResource,
  ],
  // The operator's nightly backups run on the same queue, one job per served centre.
  jobs: [backupJob],
  // Lino (integ plugin): Integration → job providers, jobs, offers; Configure → Integration → job
  // types, schedules; Explorer → Integration → candidatures.
  menu: [
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "jobs.failures" }] },
    {
      menu: "integration",
      entries: [{ resource: "jobs.providers" }, { resource: "jobs.jobs" }, { resource: "jobs.offers" }],
    },
    {
      menu: "configure",
      section: "menu.sections.integration",
      entries: [
        { resource: "jobs.types", roles: ["SocialStaff"] },
        { resource: "jobs.schedules", roles: ["SocialStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.integration",
      entries: [{ resource: "jobs.candidatures", roles: ["SocialStaff"] }],
    },
  ],
  seed: { reference: seedJobSchedules, demo: seedDemoJobs },
  relations: defineRelations([
    // Being a job provider is part of the organisation (Lino: a Company subtype).
    { from: "job_providers.company_id", to: "partners", onDelete: "part", label: "relations.jobProviders" },
    { from: "jobs.provider_id", to: "job_providers", onDelete: "protect", label: "relations.jobs" },
    { from: "jobs.type_id", to: "job_types", onDelete: "protect", label: "relations.jobs" },
    { from: "job_offers.provider_id", to: "job_providers", onDelete: "protect", label: "relations.jobOffers" },
    // A client who applied for work has a file: it is closed, not deleted.
    { from: "job_candidatures.client_id", to: "partners", onDelete: "protect", label: "relations.jobCandidatures" },
    { from: "job_candidatures.job_id", to: "jobs", onDelete: "protect", label: "relations.jobCandidatures" },
  ]),
});
