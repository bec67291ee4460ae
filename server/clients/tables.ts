import { defineVariant } from "@/server/resources/variant";
import { CLIENT_STATE } from "./choices";
import { clientsResource } from "./resource";

/**
 * The other client tables of domain-people §3.6: the same clients, each table with its own default
 * filters, columns, title and audience. Contacts → Clients is `clientsResource` itself; Reception,
 * Integration and Newcomers declare their own tables in their areas.
 */
export const COACHED = { clientState: CLIENT_STATE.coached };
/** Columns every client table shows after the name. */
export const CLIENT_DETAILS = ["nationalId", "gsm", "address", "age", "email", "phone"];

/** PCSW → Clients (Lino's CoachedClients): the coached ones, for social workers. */
export const coachedClientsResource = defineVariant(clientsResource, {
  id: "clients.coached",
  title: "resources.clients.coachedTitle",
  defaultFilters: { ...COACHED, hideObsolete: true },
  view: ["SocialUser"],
});

/** Explorer → All clients: every client, obsolete ones included, for social staff. */
export const allClientsResource = defineVariant(clientsResource, {
  id: "clients.all",
  title: "resources.clients.allTitle",
  defaultFilters: {},
  view: ["SocialStaff"],
});

/**
 * Clients by nationality: a country's clients, shown on the country's detail (master field
 * `nationality`) to those who may list clients.
 */
export const clientsByNationalityResource = defineVariant(clientsResource, {
  id: "clients.byNationality",
  title: "resources.clients.byNationalityTitle",
  defaultFilters: {},
  columns: ["name", "nationalId", "clientState", "address", "age"],
  hiddenColumns: [
    "gsm",
    "email",
    "phone",
    "id",
    "language",
    "coaches",
    "birthDate",
    "gender",
    "nationality",
    "createdAt",
    "modifiedAt",
  ],
  view: clientsResource.access.view,
});

export const CLIENT_TABLES = [coachedClientsResource, allClientsResource, clientsByNationalityResource];
