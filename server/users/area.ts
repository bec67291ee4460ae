import { seedDemoUsers } from "@/db/seed/demo-users";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { centreUsersWidget } from "./widgets/centre-users";
import { procurationsWidget } from "./widgets/procurations";
import { usersResource } from "./resource";
import { usersRouter } from "./router";

/** The centre's staff, their user types and procurations (domain-people §1). */
export const usersArea = defineArea({
  id: "users",
  resources: [usersResource],
  // Site: everyone's own account; the administration of the centre's users.
  menu: [
    { menu: "site", entries: [{ href: "/account", label: "account.menu", roles: ["SiteUser"], personal: true }] },
    { menu: "site", section: "menu.sections.administration", entries: [{ resource: "users.users" }] },
  ],
  widgets: [procurationsWidget, centreUsersWidget],
  router: usersRouter,
  seed: { demo: seedDemoUsers },
  relations: defineRelations([
    // A procuration is part of the two accounts it links.
    { from: "authorities.user_id", to: "users", onDelete: "volatile", label: "relations.authorities" },
    { from: "authorities.authorized_id", to: "users", onDelete: "volatile", label: "relations.authorities" },
    { from: "users.coaching_type_id", to: "coaching_types", onDelete: "clear", label: "relations.users" },
    // A user's own person record (§1.1): deleting it only stops the user being invited as a guest.
    { from: "users.partner_id", to: "partners", onDelete: "clear", label: "relations.users" },
  ]),
});
