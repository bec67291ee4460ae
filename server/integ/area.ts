import { defineArea } from "@/server/area";
import { integrationClientsResource } from "./clients";
import { contractClientFilters } from "./contracts";
import { reportMenu, reportRelations, reportResources } from "./reports";
import { seedEsfDemoMapping, seedEsfDemoSummaries, seedTrainingReportType } from "./reports/esf-seed";
import { integReportsRouter } from "./reports/router";
import { INTEG_WIDGETS } from "./widgets";

/**
 * The integration service (domain-integ-money §2): its clients list with contract columns, the client
 * lists' contract filters, its widgets, reports and ESF summaries (reports/).
 */
export const integArea = defineArea({
  id: "integ",
  resources: [integrationClientsResource, ...reportResources],
  menu: [
    { menu: "integration", entries: [{ resource: "integ.clients", label: "resources.clients.title" }] },
    ...reportMenu,
  ],
  widgets: INTEG_WIDGETS,
  router: integReportsRouter,
  relations: reportRelations,
  // The ESF Training report's document type; Lino's demo mapping of entry types, the demo's summaries.
  seed: { reference: seedTrainingReportType, demo: seedEsfDemoMapping, derived: seedEsfDemoSummaries },
  // The client lists' contract filters (domain-people §3.6: every client table of the family).
  extends: [
    { resource: "clients.clients", filters: contractClientFilters },
    // An organisation's contracts (Lino's ContractsByProvider / ContractsByCompany): where it is the
    // Art. 60§7 provider, the Art. 61 employer, the immersion host. Each grid shows only to its readers.
    {
      resource: "contacts.organisations",
      tabs: {
        after: "general",
        tabs: [
          {
            key: "contracts",
            label: "integ.orgContractsTab",
            roles: ["IntegUser", "SocialUser", "SocialCoordinator", "ImmersionReader"],
            groups: [],
            slaves: [
              { resource: "jobs.contracts", label: "jobs.contracts.title", masterField: "company" },
              { resource: "art61.contracts", label: "art61.contracts.title", masterField: "company" },
              { resource: "immersion.contracts", label: "immersion.contracts.title", masterField: "company" },
            ],
          },
        ],
      },
    },
  ],
});
