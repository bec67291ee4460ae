import type { MenuContribution } from "@/server/shell/menu";

/** Site: everyone's own account; administration of the centre's users and of support access. */
export const usersMenu: MenuContribution[] = [
  { menu: "site", entries: [{ href: "/account", label: "account.menu", roles: ["SiteUser"], personal: true }] },
  { menu: "site", section: "menu.sections.administration", entries: [
    { resource: "admin.users" },
    { href: "/admin/support", label: "menu.supportAccess", roles: ["SiteAdmin"] },
  ] },
];
