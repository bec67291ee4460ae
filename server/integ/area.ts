import { defineArea } from "@/server/area";
import { integrationClientsResource } from "./clients";
import { integReportsRouter } from "./reports/router";

/** The integration service (domain-integ-money §2): its clients list now; contracts come with their issue. */
export const integArea = defineArea({
  id: "integ",
  resources: [integrationClientsResource],
  menu: [
    {
      menu: "integration",
      entries: [
        { resource: "integ.clients", label: "resources.clients.title" },
        { href: "/integ/statistics", label: "menu.integStatistics", roles: ["IntegUser"] },
        { href: "/integ/activity-report", label: "menu.integActivityReport", roles: ["IntegUser"] },
      ],
    },
  ],
  router: integReportsRouter,
});
