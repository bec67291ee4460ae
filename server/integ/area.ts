import { defineArea } from "@/server/area";
import { integrationClientsResource } from "./clients";
import { contractClientFilters } from "./contracts";
import { INTEG_WIDGETS } from "./widgets";

/** The integration service (domain-integ-money §2): its clients list with contract columns, the client lists' contract filters. */
export const integArea = defineArea({
  id: "integ",
  resources: [integrationClientsResource],
  menu: [{ menu: "integration", entries: [{ resource: "integ.clients", label: "resources.clients.title" }] }],
  widgets: INTEG_WIDGETS,
  // The client lists' contract filters (domain-people §3.6: every client table of the family).
  extends: [{ resource: "clients.clients", filters: contractClientFilters }],
});
