import { defineArea } from "@/server/area";
import { newClientsResource } from "./clients";

/** Newcomers (domain-people §9): the clients waiting for a coach; dispatching comes with its issue. */
export const newcomersArea = defineArea({
  id: "newcomers",
  resources: [newClientsResource],
  menu: [{ menu: "newcomers", entries: [{ resource: "newcomers.clients" }] }],
});
