import { defineArea } from "@/server/area";
import { choiceExtrasResource } from "./choices";
import { settingsRouter } from "./router";

/** The centre's own settings: sign-in, directory, client field sets, and values added to choice lists. */
export const settingsArea = defineArea({
  id: "settings",
  resources: [choiceExtrasResource],
  menu: [
    {
      menu: "site",
      section: "menu.sections.administration",
      entries: [{ href: "/admin/settings", label: "menu.centreSettings", roles: ["SiteAdmin"] }],
    },
    { menu: "configure", section: "menu.sections.system", entries: [{ resource: "settings.choices" }] },
  ],
  router: settingsRouter,
  // The settings row every centre has.
  seed: {
    reference: async ({ db, t }) => void (await db.insert(t.siteSettings).values({ id: 1 }).onConflictDoNothing()),
  },
});
