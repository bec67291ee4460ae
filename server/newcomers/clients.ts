import { CLIENT_STATE } from "@/server/clients/choices";
import { clientsResource } from "@/server/clients/resource";
import { CLIENT_DETAILS } from "@/server/clients/tables";
import { defineVariant } from "@/server/resources/variant";

/** Newcomers → New clients: those waiting for a coach. */
export const newClientsResource = defineVariant(clientsResource, {
  id: "newcomers.clients",
  title: "resources.clients.newTitle",
  defaultFilters: { clientState: CLIENT_STATE.newcomer, hideObsolete: true },
  // Lino's NewClients: name, state, broker, faculty, national id, gsm, address, age, e-mail, phone (§3.8).
  columns: ["name", "clientState", "broker", "faculty", ...CLIENT_DETAILS],
  hiddenColumns: ["id", "language", "coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  view: ["NewcomersUser"],
});
