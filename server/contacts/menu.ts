import type { MenuContribution } from "@/server/shell/menu";

/** Contacts → Persons, Organisations; Configure → Contacts → organisation types, functions, client contact types (domain-people §1.4, §2). */
export const contactsMenu: MenuContribution[] = [
  { menu: "contacts", entries: [{ resource: "contacts.persons" }, { resource: "contacts.organisations" }] },
  { menu: "configure", section: "menu.sections.contacts", entries: [
    { resource: "contacts.companyTypes", roles: ["ContactsStaff"] },
    { resource: "contacts.roleTypes", roles: ["ContactsStaff"] },
    { resource: "contacts.clientContactTypes", roles: ["ContactsStaff"] },
  ] },
];
