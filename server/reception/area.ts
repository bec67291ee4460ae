import { defineArea } from "@/server/area";
import { seedPresenceCertificateType } from "./certificate";
import { receptionClientsResource } from "./clients";
import { displaysResource } from "./displays";
import { seedReceptionDemo } from "./seed";
import { VISITOR_RESOURCES } from "./visitors";
import { waitingForMeWidget, waitingVisitorsWidget } from "./widgets";

/** The front office (domain-people §11): its clients with "Create visit", the waiting room's lists and widgets. */
export const receptionArea = defineArea({
  id: "reception",
  resources: [receptionClientsResource, ...VISITOR_RESOURCES, displaysResource],
  menu: [
    {
      menu: "reception",
      entries: [
        { resource: "reception.clients", label: "resources.clients.title" },
        { resource: "reception.expected" },
        { resource: "reception.waiting" },
        { resource: "reception.busy" },
        { resource: "reception.gone" },
        { resource: "reception.waitingForMe" },
        { resource: "reception.busyWithMe" },
        { resource: "reception.myGone" },
      ],
    },
    {
      menu: "configure",
      section: "menu.sections.reception",
      entries: [{ resource: "reception.displays", roles: ["SiteAdmin"] }],
    },
  ],
  widgets: [waitingForMeWidget, waitingVisitorsWidget],
  seed: { reference: seedPresenceCertificateType, demo: seedReceptionDemo },
});
