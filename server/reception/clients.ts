import { clientsResource } from "@/server/clients/resource";
import { COACHED } from "@/server/clients/tables";
import { defineVariant } from "@/server/resources/variant";

/** Reception → Clients: who may be received today, with the state and its actions. */
export const receptionClientsResource = defineVariant(clientsResource, {
  id: "reception.clients",
  title: "resources.clients.receptionTitle",
  defaultFilters: { ...COACHED, hideObsolete: true },
  columns: ["name", "address", "nationalId", "clientState"],
  hiddenColumns: ["gsm", "phone", "email", "age", "id", "language", "coaches", "birthDate", "gender"],
  view: ["OfficeUser", "OfficeOperator"],
});
