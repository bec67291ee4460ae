import { seedDemoJobs, seedJobSchedules } from "@/db/seed/jobs";
import { defineArea } from "@/server/area";
import { contractSeriesOwners } from "@/server/isip/base";
import { defineRelations } from "@/server/resources/relations";
import { backupJob } from "@/server/tenancy/backup-job";
import { candidaturesResource } from "./candidatures";
import { jobSchedulesResource, jobTypesResource } from "./config";
import {
  jobContractsResource,
  jobContractTypesResource,
  jobEvaluationsResource,
  myJobContractsResource,
} from "./contracts";
import { art60Kind } from "./kind";
import { jobsResource } from "./jobs";
import { jobOffersResource, offerCandidaturesResource, offerExperiencesResource } from "./offers";
import { jobProvidersResource } from "./providers";
import { jobFailuresResource } from "./resources";
import { seedArt60DocumentType } from "./print";
import { seedArt60Demo, seedArt60Reference } from "./seed";
import { situationResource } from "./situation";

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
    jobContractsResource,
    myJobContractsResource,
    jobEvaluationsResource,
    jobContractTypesResource,
    offerExperiencesResource,
    offerCandidaturesResource,
    situationResource,
  ],
  // The operator's nightly backups run on the same queue, one job per served centre.
  jobs: [backupJob],
  // Lino (integ plugin): Integration → job providers, jobs, offers; Configure → Integration → job
  // types, schedules; Explorer → Integration → candidatures.
  menu: [
    { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "jobs.failures" }] },
    {
      menu: "integration",
      entries: [
        { resource: "jobs.myContracts" },
        { resource: "jobs.providers" },
        { resource: "jobs.jobs" },
        { resource: "jobs.offers" },
        { resource: "jobs.situation" },
      ],
    },
    {
      menu: "configure",
      section: "menu.sections.integration",
      entries: [
        { resource: "jobs.types", roles: ["SocialStaff"] },
        { resource: "jobs.schedules", roles: ["SocialStaff"] },
        { resource: "jobs.contractTypes", roles: ["SocialStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.integration",
      entries: [
        { resource: "jobs.candidatures", roles: ["SocialStaff"] },
        { resource: "jobs.contracts", roles: ["SocialStaff"] },
      ],
    },
  ],
  seed: {
    reference: async (h, centre) => {
      await seedJobSchedules(h);
      await seedArt60Reference(h);
      await seedArt60DocumentType(h, centre);
    },
    demo: async (h, centre) => {
      await seedDemoJobs(h, centre);
      await seedArt60Demo(h, centre);
    },
  },
  seriesOwners: [contractSeriesOwners(art60Kind)],
  relations: defineRelations([
    // Being a job provider is part of the organisation (Lino: a Company subtype).
    { from: "job_providers.company_id", to: "partners", onDelete: "part", label: "relations.jobProviders" },
    { from: "jobs.provider_id", to: "job_providers", onDelete: "protect", label: "relations.jobs" },
    { from: "jobs.type_id", to: "job_types", onDelete: "protect", label: "relations.jobs" },
    { from: "job_offers.provider_id", to: "job_providers", onDelete: "protect", label: "relations.jobOffers" },
    // A client who applied for work has a file: it is closed, not deleted.
    { from: "job_candidatures.client_id", to: "partners", onDelete: "protect", label: "relations.jobCandidatures" },
    { from: "job_candidatures.job_id", to: "jobs", onDelete: "protect", label: "relations.jobCandidatures" },
    { from: "job_candidatures.sector_id", to: "cv_sectors", onDelete: "protect", label: "relations.jobCandidatures" },
    {
      from: "job_candidatures.function_id",
      to: "cv_functions",
      onDelete: "protect",
      label: "relations.jobCandidatures",
    },
    { from: "jobs.contract_type_id", to: "job_contract_types", onDelete: "protect", label: "relations.jobs" },
    { from: "jobs.sector_id", to: "cv_sectors", onDelete: "protect", label: "relations.jobs" },
    { from: "jobs.function_id", to: "cv_functions", onDelete: "protect", label: "relations.jobs" },
    { from: "job_offers.sector_id", to: "cv_sectors", onDelete: "protect", label: "relations.jobOffers" },
    { from: "job_offers.function_id", to: "cv_functions", onDelete: "protect", label: "relations.jobOffers" },
    // An Art. 60§7 contract is part of the client's file: it protects what it names.
    ...(
      [
        ["client_id", "partners"],
        ["user_id", "users"],
        ["user_asd_id", "users"],
        ["type_id", "job_contract_types"],
        ["ending_id", "contract_endings"],
        ["exam_policy_id", "exam_policies"],
        ["job_id", "jobs"],
        ["company_id", "partners"],
        ["contact_person_id", "partners"],
        ["signer1_id", "partners"],
        ["signer2_id", "partners"],
        ["regime_id", "cv_regimes"],
        ["schedule_id", "job_schedules"],
      ] as const
    ).map(
      ([column, to]) =>
        ({ from: `job_contracts.${column}`, to, onDelete: "protect", label: "relations.jobContracts" }) as const,
    ),
    {
      from: "job_contract_types.exam_policy_id",
      to: "exam_policies",
      onDelete: "protect",
      label: "relations.jobContractTypes",
    },
  ]),
});
