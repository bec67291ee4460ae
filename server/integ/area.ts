import { defineArea } from "@/server/area";
import { integrationClientsResource } from "./clients";
import { reportMenu, reportRelations, reportResources } from "./reports";
import { integReportsRouter } from "./reports/router";

/** The integration service (domain-integ-money §2): its clients list, its reports and ESF summaries (reports/). */
export const integArea = defineArea({
  id: "integ",
  resources: [integrationClientsResource, ...reportResources],
  menu: [
    { menu: "integration", entries: [{ resource: "integ.clients", label: "resources.clients.title" }] },
    ...reportMenu,
  ],
  router: integReportsRouter,
  relations: reportRelations,
});
