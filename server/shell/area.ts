import { defineArea } from "@/server/area";
import { quickLinksWidget } from "./widgets/quick-links";

/** The desktop itself: what it offers beyond any one area. */
export const shellArea = defineArea({
  id: "shell",
  widgets: [quickLinksWidget],
});
