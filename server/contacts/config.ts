import { defineResource } from "@/server/resources/define";
import { z } from "zod";
import { boolean, integer, localizedText } from "@/server/resources/fields";

/** The configuration tables of contacts (Configure → Contacts), editable by contacts staff. */

const optional = z.string().trim().max(40).optional();
const localizedInput = z.object({ fr: optional, nl: optional, de: optional, en: optional }).strict();
const access = { view: ["SimpleContactsUser"], edit: ["ContactsStaff"] } satisfies Parameters<
  typeof defineResource
>[0]["access"];

/** Organisation types ("CompanyType"): a name and an abbreviation in each language. */
export const companyTypesResource = defineResource({
  id: "contacts.companyTypes",
  title: "resources.companyTypes.title",
  table: (t) => t.companyTypes,
  pk: (t) => t.companyTypes.id,
  version: (t) => t.companyTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.companyTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.companyTypes.names, { required: true }),
    // Unlike the name, the abbreviation may be empty in every language.
    abbreviation: {
      ...localizedText("resources.companyTypes.abbreviation", (t) => t.companyTypes.abbreviation),
      width: 12,
      input: localizedInput,
    },
  },
  columns: ["name", "abbreviation"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name", "abbreviation"] }] }],
  insert: { fields: ["name", "abbreviation"] },
});

/** Functions of contact persons ("RoleType"): director, social worker, … */
export const roleTypesResource = defineResource({
  id: "contacts.roleTypes",
  title: "resources.roleTypes.title",
  table: (t) => t.roleTypes,
  pk: (t) => t.roleTypes.id,
  version: (t) => t.roleTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.roleTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.roleTypes.names, { required: true }),
    canSign: boolean("resources.roleTypes.canSign", (t) => t.roleTypes.canSign),
    useInContracts: boolean("resources.roleTypes.useInContracts", (t) => t.roleTypes.useInContracts),
  },
  columns: ["name", "canSign", "useInContracts"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "canSign", "useInContracts"] }],
      slaves: [{ resource: "contacts.roles", label: "resources.roles.title", masterField: "type" }],
    },
  ],
  insert: { fields: ["name", "canSign", "useInContracts"], defaults: () => ({ canSign: false, useInContracts: true }) },
});

/** What a partner is for clients: health insurance, pharmacy, physician, bailiff, … */
export const clientContactTypesResource = defineResource({
  id: "contacts.clientContactTypes",
  title: "resources.clientContactTypes.title",
  table: (t) => t.clientContactTypes,
  pk: (t) => t.clientContactTypes.id,
  version: (t) => t.clientContactTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.clientContactTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.clientContactTypes.names, { required: true }),
    canRefund: boolean("resources.clientContactTypes.canRefund", (t) => t.clientContactTypes.canRefund),
    isBailiff: boolean("resources.clientContactTypes.isBailiff", (t) => t.clientContactTypes.isBailiff),
  },
  columns: ["name", "canRefund", "isBailiff"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access,
  // "Partners by client contact type": the organisations and persons of this type.
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "canRefund", "isBailiff"] }],
      slaves: [
        {
          resource: "contacts.organisations",
          label: "resources.organisations.title",
          masterField: "clientContactType",
        },
        { resource: "contacts.persons", label: "resources.persons.title", masterField: "clientContactType" },
      ],
    },
  ],
  insert: { fields: ["name", "canRefund", "isBailiff"], defaults: () => ({ canRefund: false, isBailiff: false }) },
});
