import type { MenuContribution } from "@/server/shell/menu";

/** Site: everyone's own account; administration of the centre's users, sign-in settings and support access. */
export const usersMenu: MenuContribution[] = [
  { menu: "site", entries: [{ href: "/account", label: "account.menu", roles: ["SiteUser"], personal: true }] },
  { menu: "site", section: "menu.sections.administration", entries: [
    { resource: "users.users" },
    { href: "/admin/settings", label: "menu.centreSettings", roles: ["SiteAdmin"] },
    { href: "/admin/support", label: "menu.supportAccess", roles: ["SiteAdmin"] },
  ] },
];
