import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { eidRouter } from "./router";
import { photoMerge } from "./merge";

/** Reading Belgian eID cards at the desk (domain-people §7; Lino's beid). */
export const eidArea = defineArea({
  id: "eid",
  // Reception → "Read eID card" (Lino's global "find by eID" quick link), for those who may read cards.
  menu: [{ menu: "reception", entries: [{ href: "/reception/eid", label: "menu.eid", roles: ["BeIdUser"] }] }],
  router: eidRouter,
  relations: defineRelations([
    { from: "partner_photos.partner_id", to: "partners", onDelete: "volatile", label: "relations.photos" },
  ]),
  clientMerge: [photoMerge],
});
