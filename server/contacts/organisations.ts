import { sql } from "drizzle-orm";
import { partnerNameOrder } from "@/db/tenant/contacts";
import { defineResource } from "@/server/resources/define";
import { reference, text, wordSearch } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import {
  CONTACT_DATA,
  POSTAL_ADDRESS,
  clientContactTypeFilter,
  hideObsoleteFilter,
  partnerFields,
} from "./partner-fields";

/** Organisations ("Company"): partners of kind organisation (domain-people §2.3). */
export const organisationsResource = defineResource({
  id: "contacts.organisations",
  title: "resources.organisations.title",
  countLabel: "relations.organisations",
  table: (t) => t.partners,
  pk: (t) => t.partners.id,
  version: (t) => t.partners.version,
  scope: (t) => sql`${t.partners.kind} = 'organisation'`,
  fields: {
    ...partnerFields,
    name: {
      ...text("fields.name", (t) => t.partners.name, { required: true, width: 28 }),
      orderBy: (t) => partnerNameOrder(t.partners),
    },
    prefix: text("resources.organisations.prefix", (t) => t.partners.prefix, { max: 200, width: 12 }),
    type: reference(
      "resources.organisations.type",
      "contacts.companyTypes",
      (t) => t.partners.companyTypeId,
      (t) =>
        sql`(select ${t.companyTypes.names} from ${t.companyTypes} where ${q(t.companyTypes.id)} = ${q(t.partners.companyTypeId)})`,
      { localized: true },
    ),
    vatId: text("resources.organisations.vatId", (t) => t.partners.vatId, { max: 40, width: 14 }),
  },
  columns: ["name", "type", "address", "email", "phone", "clientContactType", "id", "language"],
  hiddenColumns: ["prefix", "vatId", "gsm", "url", "createdAt", "modifiedAt"],
  titleField: "name",
  filters: {
    clientContactType: clientContactTypeFilter,
    hideObsolete: hideObsoleteFilter,
  },
  defaultFilters: { hideObsolete: true },
  // Name, phones, e-mail, VAT number, address: the partners' folded, trigram-indexed search text (db/tenant/contacts.ts).
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
        { fields: ["id", "prefix", "name", "type", "vatId", "language", "clientContactType"] },
        { fields: CONTACT_DATA },
      ],
      slaves: [{ resource: "contacts.roles", label: "resources.roles.byCompany", masterField: "company" }],
    },
    {
      key: "address",
      label: "resources.addresses.title",
      groups: [{ fields: POSTAL_ADDRESS }],
      slaves: [{ resource: "contacts.addresses", label: "resources.addresses.title", masterField: "partner" }],
    },
    {
      key: "misc",
      label: "resources.clients.miscTab",
      groups: [{ fields: ["remarks", "isObsolete", "createdAt", "modifiedAt"] }],
    },
  ],
  insert: {
    fields: ["name", "prefix", "type", "vatId", "language"],
    defaults: (ctx) => ({ language: ctx.user.language }),
    columns: { kind: "organisation" },
  },
  derive: () => ({ modifiedAt: new Date() }),
});
