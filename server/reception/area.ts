import { defineArea } from "@/server/area";
import { receptionClientsResource } from "./clients";

/** The front office (domain-people §11): its clients list now; the waiting room comes with its issue. */
export const receptionArea = defineArea({
  id: "reception",
  resources: [receptionClientsResource],
  menu: [{ menu: "reception", entries: [{ resource: "reception.clients", label: "resources.clients.title" }] }],
});
