import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { feedsRouter } from "./router";

/** Calendar feeds (issue 15 §7): a user's own entries for Outlook or a phone, at a secret address. */
export const feedsArea = defineArea({
  id: "feeds",
  router: feedsRouter,
  // A feed is its user's: it goes with them.
  relations: defineRelations([
    { from: "calendar_feeds.user_id", to: "users", onDelete: "volatile", label: "relations.calendarFeeds" },
  ]),
});
