import type { MenuContribution } from "@/server/shell/menu";

/** Configure → Places (domain-people §1.4): contacts staff keep the country and place lists. */
export const geoMenu: MenuContribution[] = [
  { menu: "configure", section: "menu.sections.places", entries: [
    { resource: "geo.countries", roles: ["ContactsStaff"] },
    { resource: "geo.places", roles: ["ContactsStaff"] },
  ] },
];
