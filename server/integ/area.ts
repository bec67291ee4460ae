import { defineArea } from "@/server/area";
import { integrationClientsResource } from "./clients";

/** The integration service (domain-integ-money §2): its clients list now; contracts come with their issue. */
export const integArea = defineArea({
  id: "integ",
  resources: [integrationClientsResource],
  menu: [{ menu: "integration", entries: [{ resource: "integ.clients", label: "resources.clients.title" }] }],
});
