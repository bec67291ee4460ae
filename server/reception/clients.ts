import { clientsResource } from "@/server/clients/resource";
import { COACHED } from "@/server/clients/tables";
import { defineVariant } from "@/server/resources/variant";
import { createVisitAction } from "./visit";

/** Reception → Clients: who may be received today, with the state and its actions, and "Create visit" (§11). */
export const receptionClientsResource = {
  ...defineVariant(clientsResource, {
    id: "reception.clients",
    title: "resources.clients.receptionTitle",
    defaultFilters: { ...COACHED, hideObsolete: true },
    columns: ["name", "address", "nationalId", "clientState"],
    hiddenColumns: ["gsm", "phone", "email", "age", "id", "language", "coaches", "birthDate", "gender"],
    view: ["OfficeUser", "OfficeOperator"],
  }),
  actions: [...(clientsResource.actions ?? []), createVisitAction],
};
