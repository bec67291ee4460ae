import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import {
  householdMembersResource,
  householdsResource,
  householdTypesResource,
  humanLinksAsChildResource,
  humanLinksResource,
} from "./resources";
import { humanLinksMerge, membershipsMerge } from "./merge";

/** Households, their members and the human links between persons (domain-people §4). */
export const householdsArea = defineArea({
  id: "households",
  resources: [
    householdsResource,
    householdMembersResource,
    householdTypesResource,
    humanLinksResource,
    humanLinksAsChildResource,
  ],
  // Contacts → Households; Configure → Contacts → household types, for contacts staff.
  menu: [
    { menu: "contacts", entries: [{ resource: "households.households" }] },
    {
      menu: "configure",
      section: "menu.sections.contacts",
      entries: [{ resource: "households.types", roles: ["ContactsStaff"] }],
    },
  ],
  relations: defineRelations([
    // A household's own row and its members go with it; a person who is a member keeps the household's composition.
    { from: "households.partner_id", to: "partners", onDelete: "part", label: "relations.households" },
    { from: "households.type_id", to: "household_types", onDelete: "protect", label: "relations.households" },
    {
      from: "household_members.household_id",
      to: "partners",
      onDelete: "volatile",
      label: "relations.householdMembers",
    },
    {
      from: "household_members.person_id",
      to: "partners",
      onDelete: "protect",
      label: "relations.householdMemberships",
    },
    // A link between two persons means nothing without both.
    { from: "human_links.parent_id", to: "partners", onDelete: "volatile", label: "relations.humanLinks" },
    { from: "human_links.child_id", to: "partners", onDelete: "volatile", label: "relations.humanLinks" },
  ]),
  clientMerge: [membershipsMerge, humanLinksMerge],
});
