import { sql } from "drizzle-orm";
import { partnerNameOrder } from "@/db/tenant/contacts";
import { clientsResource } from "@/server/clients/resource";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";
import { defineResource } from "@/server/resources/define";
import { boolean, filters, text, wordSearch } from "@/server/resources/fields";
import { genders } from "@/server/clients/choices";
import { createHouseholdAction } from "@/server/households/actions";
import {
  CONTACT_DATA,
  POSTAL_ADDRESS,
  clientContactTypeFilter,
  hideObsoleteFilter,
  partnerFields,
} from "./partner-fields";

/** A person's name as Lino stores it, "last first", with its phonetic words (domain-people §2.2). */
export const personName = (v: Record<string, unknown>) => {
  const names = { lastName: String(v.lastName ?? "").trim(), firstName: String(v.firstName ?? "").trim() };
  return { name: `${names.lastName} ${names.firstName}`.trim(), phoneticWords: personPhoneticWords(names) };
};

// The person fields the client file already declares (incomplete birth dates, age in years).
const { firstName, lastName, birthDate, age } = clientsResource.fields;

/** Persons: every partner of kind person, clients included (domain-people §2.2). */
export const personsResource = defineResource({
  id: "contacts.persons",
  title: "resources.persons.title",
  countLabel: "relations.persons",
  table: (t) => t.partners,
  pk: (t) => t.partners.id,
  version: (t) => t.partners.version,
  scope: (t) => sql`${t.partners.kind} = 'person'`,
  fields: {
    ...partnerFields,
    name: {
      type: "text",
      label: "fields.name",
      width: 28,
      expr: (t) => t.partners.name,
      orderBy: (t) => partnerNameOrder(t.partners),
    },
    title: text("resources.persons.personTitle", (t) => t.partners.title, { max: 40, width: 8 }),
    firstName: firstName!,
    middleName: text("resources.persons.middleName", (t) => t.partners.middleName, { max: 100 }),
    lastName: lastName!,
    gender: clientsResource.fields.gender!,
    birthDate: birthDate!,
    age: age!,
    isClient: boolean("resources.persons.isClient", (t) => t.partners.isClient, { editable: false }),
  },
  columns: ["name", "address", "email", "phone", "gsm", "age", "isClient", "id", "language"],
  hiddenColumns: ["gender", "birthDate", "clientContactType", "createdAt", "modifiedAt"],
  titleField: "name",
  filters: {
    isClient: filters.boolean("resources.persons.isClient", (t) => t.partners.isClient),
    gender: filters.choice("fields.gender", genders, (t) => t.partners.gender),
    clientContactType: clientContactTypeFilter,
    hideObsolete: hideObsoleteFilter,
  },
  defaultFilters: { hideObsolete: true },
  // Name, phones, e-mail, address, numbers: the partners' folded, trigram-indexed search text (db/tenant/contacts.ts).
  search: wordSearch(
    (t) => ({ folded: t.partners.searchText }),
    (t) => [t.partners.id],
  ),
  defaultSort: [{ field: "name", dir: "asc" }],
  // Deleting follows editing, as for clients (see clients.clients): protection comes from the refusals.
  access: { view: ["SimpleContactsUser"], create: ["SimpleContactsUser"], edit: ["SimpleContactsUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "title", "firstName", "middleName", "lastName", "gender", "birthDate", "age", "language"] },
        { fields: CONTACT_DATA.filter((f) => f !== "url") },
      ],
      slaves: [{ resource: "contacts.roles", label: "resources.roles.byPerson", masterField: "person" }],
    },
    {
      key: "contact",
      label: "resources.persons.contactTab",
      groups: [{ fields: POSTAL_ADDRESS }, { fields: ["remarks"] }],
      slaves: [
        { resource: "contacts.addresses", label: "resources.addresses.title", masterField: "partner" },
        { resource: "households.members", label: "resources.householdMembers.byPerson", masterField: "person" },
        { resource: "households.humanLinks", label: "resources.humanLinks.title", masterField: "parent" },
        { resource: "households.humanLinksAsChild", label: "resources.humanLinks.asChildTitle", masterField: "child" },
      ],
    },
    {
      key: "misc",
      label: "resources.clients.miscTab",
      groups: [{ fields: ["url", "clientContactType", "isClient", "isObsolete", "createdAt", "modifiedAt"] }],
    },
  ],
  insert: {
    fields: ["title", "firstName", "lastName", "gender", "language"],
    defaults: (ctx) => ({ language: ctx.user.language }),
    columns: { kind: "person" },
  },
  derive: (v) => ({ ...personName(v), modifiedAt: new Date() }),
  actions: [createHouseholdAction],
});
