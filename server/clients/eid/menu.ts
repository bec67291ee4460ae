import type { MenuContribution } from "@/server/shell/menu";

/** Reception → "Read eID card" (Lino's global "find by eID" quick link), for those who may read cards. */
export const eidMenu: MenuContribution[] = [
  { menu: "reception", entries: [{ href: "/reception/eid", label: "menu.eid", roles: ["BeIdUser"] }] },
];
