import { seedContactTypes, seedDemoClientContacts, seedDemoContacts } from "@/db/seed/contacts";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { addressesChecker } from "./checkers";
import { contactsResources } from "./resources";
import { addressesMerge } from "./merge";

/** Persons, organisations, their contact persons and addresses, a client's contacts (domain-people §2). */
export const contactsArea = defineArea({
  id: "contacts",
  resources: contactsResources,
  // Contacts → Persons, Organisations; Configure → Contacts → organisation types, functions, client contact types.
  menu: [
    { menu: "contacts", entries: [{ resource: "contacts.persons" }, { resource: "contacts.organisations" }] },
    {
      menu: "configure",
      section: "menu.sections.contacts",
      entries: [
        { resource: "contacts.companyTypes", roles: ["ContactsStaff"] },
        { resource: "contacts.roleTypes", roles: ["ContactsStaff"] },
        { resource: "contacts.clientContactTypes", roles: ["ContactsStaff"] },
      ],
    },
  ],
  checkers: [addressesChecker],
  // Demo contacts come after the demo clients, which are seeded only into a centre without partners.
  seed: {
    reference: seedContactTypes,
    demo: async (handle, centre) => {
      await seedDemoContacts(handle, centre);
      await seedDemoClientContacts(handle);
    },
  },
  relations: defineRelations([
    { from: "addresses.partner_id", to: "partners", onDelete: "volatile", label: "relations.addresses" },
    { from: "addresses.country_code", to: "countries", onDelete: "protect", label: "relations.addresses" },
    { from: "addresses.place_id", to: "places", onDelete: "protect", label: "relations.addresses" },
    { from: "partners.country_code", to: "countries", onDelete: "protect", label: "relations.partners" },
    { from: "partners.place_id", to: "places", onDelete: "protect", label: "relations.partners" },
    { from: "partners.company_type_id", to: "company_types", onDelete: "protect", label: "relations.organisations" },
    {
      from: "partners.client_contact_type_id",
      to: "client_contact_types",
      onDelete: "protect",
      label: "relations.partners",
    },
    // A contact person is the link between a person and an organisation: it goes with either.
    { from: "roles.company_id", to: "partners", onDelete: "volatile", label: "relations.roles" },
    { from: "roles.person_id", to: "partners", onDelete: "volatile", label: "relations.roles" },
    { from: "roles.type_id", to: "role_types", onDelete: "protect", label: "relations.roles" },
    // A client's own list of contacts goes with the client; an organisation or person named in
    // someone's list is still needed there.
    { from: "client_contacts.client_id", to: "partners", onDelete: "volatile", label: "relations.clientContacts" },
    { from: "client_contacts.company_id", to: "partners", onDelete: "protect", label: "relations.clientContacts" },
    {
      from: "client_contacts.contact_person_id",
      to: "partners",
      onDelete: "protect",
      label: "relations.clientContacts",
    },
    {
      from: "client_contacts.type_id",
      to: "client_contact_types",
      onDelete: "protect",
      label: "relations.clientContacts",
    },
    { from: "client_contacts.role_type_id", to: "role_types", onDelete: "protect", label: "relations.clientContacts" },
  ]),
  clientMerge: [addressesMerge],
});
