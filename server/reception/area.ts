import { defineArea } from "@/server/area";
import { receptionClientsResource } from "./clients";
import { VISITOR_RESOURCES } from "./visitors";
import { waitingForMeWidget, waitingVisitorsWidget } from "./widgets";

/** The front office (domain-people §11): its clients with "Create visit", the waiting room's lists and widgets. */
export const receptionArea = defineArea({
  id: "reception",
  resources: [receptionClientsResource, ...VISITOR_RESOURCES],
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
  ],
  widgets: [waitingForMeWidget, waitingVisitorsWidget],
});
