import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { myTasksResource } from "./my-tasks";

/** Tasks, and the automatic reminders of a client's file (domain-people §3.4, §10.5); the calendar comes with its issue. */
export const calendarArea = defineArea({
  id: "calendar",
  resources: [myTasksResource],
  menu: [{ menu: "calendar", entries: [{ resource: "calendar.myTasks" }] }],
  relations: defineRelations([
    { from: "tasks.user_id", to: "users", onDelete: "protect", label: "relations.tasks" },
    // A task about a client stays the coach's to do or to close: the client cannot go under it.
    { from: "tasks.owner_id", to: "partners", ownerType: "client", onDelete: "protect", label: "relations.tasks" },
    // An upload's expiry reminder has no reason to exist without the upload.
    { from: "tasks.owner_id", to: "uploads", ownerType: "upload", onDelete: "volatile", label: "relations.tasks" },
  ]),
});
