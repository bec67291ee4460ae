import type { MenuContribution } from "@/server/shell/menu";

/** Contacts → Households; Configure → Contacts → household types for contacts staff (domain-people §1.4). */
export const householdsMenu: MenuContribution[] = [
  { menu: "contacts", entries: [{ resource: "households.households" }] },
  { menu: "configure", section: "menu.sections.contacts", entries: [{ resource: "households.types", roles: ["ContactsStaff"] }] },
];
