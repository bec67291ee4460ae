import { clientsResource } from "@/server/clients/resource";
import { CLIENT_DETAILS, COACHED } from "@/server/clients/tables";
import { defineVariant } from "@/server/resources/variant";

/** Integration → Clients: the coached clients the reader coaches today (contract columns come with contracts). */
export const integrationClientsResource = defineVariant(clientsResource, {
  id: "integ.clients",
  title: "resources.clients.integrationTitle",
  defaultFilters: (ctx) => ({ ...COACHED, coachedBy: ctx.user.id, hideObsolete: true }),
  columns: ["name", ...CLIENT_DETAILS, "id", "language"],
  hiddenColumns: ["clientState", "coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  view: ["IntegUser"],
});
