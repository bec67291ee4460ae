import { defineVariant } from "@/server/resources/variant";
import { CLIENT_STATE } from "./choices";
import { clientsResource } from "./resource";

/**
 * The other client tables of domain-people §3.6: the same clients, each table with its own default
 * filters, columns, title and audience. Contacts → Clients is `clientsResource` itself.
 */
const COACHED = { clientState: CLIENT_STATE.coached };
const DETAILS = ["nationalId", "gsm", "address", "age", "email", "phone"];

/** PCSW → Clients (Lino's CoachedClients): the coached ones, for social workers. */
export const coachedClientsResource = defineVariant(clientsResource, {
  id: "clients.coached",
  title: "resources.clients.coachedTitle",
  defaultFilters: { ...COACHED, hideObsolete: true },
  view: ["SocialUser"],
});

/** Reception → Clients: who may be received today, with the state and its actions. */
export const receptionClientsResource = defineVariant(clientsResource, {
  id: "reception.clients",
  title: "resources.clients.receptionTitle",
  defaultFilters: { ...COACHED, hideObsolete: true },
  columns: ["name", "address", "nationalId", "clientState"],
  hiddenColumns: ["gsm", "phone", "email", "age", "id", "language", "coaches", "birthDate", "gender"],
  view: ["OfficeUser", "OfficeOperator"],
});

/** Integration → Clients: the coached clients the reader coaches today (contract columns come with contracts). */
export const integrationClientsResource = defineVariant(clientsResource, {
  id: "integ.clients",
  title: "resources.clients.integrationTitle",
  defaultFilters: (ctx) => ({ ...COACHED, coachedBy: ctx.user.id, hideObsolete: true }),
  columns: ["name", ...DETAILS, "id", "language"],
  hiddenColumns: ["clientState", "coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  view: ["IntegUser"],
});

/** Explorer → All clients: every client, obsolete ones included, for social staff. */
export const allClientsResource = defineVariant(clientsResource, {
  id: "clients.all",
  title: "resources.clients.allTitle",
  defaultFilters: {},
  view: ["SocialStaff"],
});

/** Newcomers → New clients: those waiting for a coach. */
export const newClientsResource = defineVariant(clientsResource, {
  id: "newcomers.clients",
  title: "resources.clients.newTitle",
  defaultFilters: { clientState: CLIENT_STATE.newcomer, hideObsolete: true },
  columns: ["name", "clientState", ...DETAILS],
  hiddenColumns: ["id", "language", "coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  view: ["NewcomersUser"],
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
  hiddenColumns: ["gsm", "email", "phone", "id", "language", "coaches", "birthDate", "gender", "nationality", "createdAt", "modifiedAt"],
  view: clientsResource.access.view,
});

export const CLIENT_TABLES = [coachedClientsResource, receptionClientsResource, integrationClientsResource, allClientsResource, newClientsResource, clientsByNationalityResource];
