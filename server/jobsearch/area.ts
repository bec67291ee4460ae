import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { jobSearchProofsResource } from "./resources";
import { seedJobSearchDemo } from "./seed";

/**
 * Active job search (domain-integ-money §2.8, Lino's active_job_search, Châtelet): the client's proofs of
 * search on the Job search tab. Its roles exist only in centres using Châtelet's field set (CENTRE_ROLES).
 */
export const jobSearchArea = defineArea({
  id: "jobsearch",
  resources: [jobSearchProofsResource],
  menu: [
    {
      menu: "explorer",
      section: "menu.sections.integration",
      entries: [{ resource: "jobsearch.proofs", roles: ["JobSearchStaff"] }],
    },
  ],
  seed: { demo: seedJobSearchDemo },
  relations: defineRelations([
    // A client's proofs are part of its file: they go with it (and move when two clients are merged).
    { from: "job_search_proofs.client_id", to: "partners", onDelete: "volatile", label: "relations.jobSearchProofs" },
    { from: "job_search_proofs.company_id", to: "partners", onDelete: "protect", label: "relations.jobSearchProofs" },
  ]),
});
