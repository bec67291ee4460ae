import { clientsResource } from "@/server/clients/resource";
import { CLIENT_DETAILS, COACHED } from "@/server/clients/tables";
import { defineVariant } from "@/server/resources/variant";
import { contractColumnFields } from "./contracts";

const variant = defineVariant(clientsResource, {
  id: "integ.clients",
  title: "resources.clients.integrationTitle",
  defaultFilters: (ctx) => ({ ...COACHED, coachedBy: ctx.user.id, hideObsolete: true }),
  hiddenColumns: ["clientState", "coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  view: ["IntegUser"],
});

/**
 * Integration → Clients: the coached clients the reader coaches today, with the kind, period and
 * company of each one's active contract (domain-people §3.6; the columns are this list's own).
 */
export const integrationClientsResource = {
  ...variant,
  fields: { ...variant.fields, ...contractColumnFields },
  columns: [
    "name",
    "contractKind",
    "contractFrom",
    "contractUntil",
    "contractCompany",
    ...CLIENT_DETAILS,
    "id",
    "language",
  ],
};
