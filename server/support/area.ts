import { defineArea } from "@/server/area";
import { supportRouter } from "./router";

/** Time-limited support access an administrator grants to the operator, and its trail. */
export const supportArea = defineArea({
  id: "support",
  menu: [
    {
      menu: "site",
      section: "menu.sections.administration",
      entries: [{ href: "/admin/support", label: "menu.supportAccess", roles: ["SiteAdmin"] }],
    },
  ],
  router: supportRouter,
});
