import type { MenuContribution } from "@/server/shell/menu";

/**
 * Explorer → Contacts → client merges, for site staff (Lino's SiteStaff, the administrators 900 and
 * 910 here); contacts staff also find them on the kept client's History tab.
 */
export const mergeMenu: MenuContribution[] = [
  { menu: "explorer", section: "menu.sections.contacts", entries: [{ resource: "clients.merges", roles: ["SiteAdmin"] }] },
];
