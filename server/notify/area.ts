import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { notifyClientObservers } from "./changes";
import { notificationMailJobs } from "./mail";
import { myMessagesResource } from "./resources";
import { notifyRouter } from "./router";
import { seedNotifications } from "./seed";
import { clearSeenJob } from "./sweep";
import { myNotificationsWidget } from "./widget";

/** Notifications (domain-people §16): messages to users about what changed, the bell, pushed live. */
export const notifyArea = defineArea({
  id: "notify",
  resources: [myMessagesResource],
  menu: [{ menu: "office", entries: [{ resource: "notify.messages" }] }],
  widgets: [myNotificationsWidget],
  router: notifyRouter,
  onChange: notifyClientObservers,
  jobs: [...notificationMailJobs, clearSeenJob],
  seed: { demo: seedNotifications },
  // A message is the recipient's and about its owner: it goes with either.
  relations: defineRelations([
    { from: "notify_messages.user_id", to: "users", onDelete: "volatile", label: "relations.notifications" },
    {
      from: "notify_messages.owner_id",
      to: "partners",
      ownerType: "client",
      onDelete: "volatile",
      label: "relations.notifications",
    },
  ]),
});
