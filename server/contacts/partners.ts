import { sql } from "drizzle-orm";
import { partnerNameOrder } from "@/db/tenant/contacts";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import { choice, filters } from "@/server/resources/fields";
import { partnerFields } from "./partner-fields";

export const partnerKinds = defineChoiceList("partnerKinds", ["person", "organisation", "household"]);

/** Where a partner's detail lives: a client's file, a person, an organisation or a household. */
export const partnerResourceOf = (kind: string, isClient: boolean) =>
  isClient
    ? "clients.clients"
    : kind === "organisation"
      ? "contacts.organisations"
      : kind === "household"
        ? "households.households"
        : "contacts.persons";

/**
 * Every partner, read-only: what a reference to "any partner" (an address's owner) picks from. Its
 * detail address redirects to the detail of the partner's kind (app/(tenant)/contacts/partners/[id]).
 */
export const partnersResource = defineResource({
  id: "contacts.partners",
  title: "resources.partners.title",
  table: (t) => t.partners,
  pk: (t) => t.partners.id,
  fields: {
    id: partnerFields.id,
    name: {
      type: "text",
      label: "fields.name",
      width: 30,
      expr: (t) => sql`trim(${t.partners.prefix} || ' ' || ${t.partners.name})`,
      orderBy: (t) => partnerNameOrder(t.partners),
    },
    kind: choice("resources.partners.kind", (t) => t.partners.kind, partnerKinds, { editable: false }),
    address: partnerFields.address,
    email: { ...partnerFields.email, column: undefined, input: undefined },
    phone: { ...partnerFields.phone, column: undefined, input: undefined },
  },
  columns: ["name", "kind", "address", "email", "phone", "id"],
  titleField: "name",
  filters: { kind: filters.choice("resources.partners.kind", partnerKinds, (t) => t.partners.kind) },
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["SimpleContactsUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["id", "name", "kind", "address", "email", "phone"] }],
    },
  ],
});
