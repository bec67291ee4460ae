import { seedReference } from "@/db/seed/reference";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { placeKinds } from "./choices";
import { countriesResource, placesResource } from "./resources";
import { geoRouter } from "./router";

/** Countries and Belgian places (domain-people §2.6). */
export const geoArea = defineArea({
  id: "geo",
  resources: [countriesResource, placesResource],
  // Configure → Places: contacts staff keep the country and place lists.
  menu: [
    {
      menu: "configure",
      section: "menu.sections.places",
      entries: [
        { resource: "geo.countries", roles: ["ContactsStaff"] },
        { resource: "geo.places", roles: ["ContactsStaff"] },
      ],
    },
  ],
  router: geoRouter,
  seed: { reference: (handle) => seedReference(handle) },
  // A centre adds its own kinds of place (hamlets, sections…).
  extensibleChoices: [placeKinds],
  relations: defineRelations([
    { from: "places.country_code", to: "countries", onDelete: "protect", label: "relations.places" },
  ]),
});
