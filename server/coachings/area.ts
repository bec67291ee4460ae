import { seedCoachingEndings, seedCoachingTypes } from "@/db/seed/coaching-types";
import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { coachingEndingsResource } from "./endings";
import { coachingsResource, coachingTypesResource, myCoachingsResource } from "./resource";
import { usersWithClientsWidget } from "./widget";
import { coachingsTimeline } from "./timeline";
import { coachingsMerge } from "./merge";

/** Who coaches which client, for which service (domain-people §8). */
export const coachingsArea = defineArea({
  id: "coachings",
  resources: [coachingsResource, coachingTypesResource, coachingEndingsResource, myCoachingsResource],
  // PCSW → my coachings; Configure → PCSW → services and termination reasons; Explorer →
  // PCSW → the coachings active today (the explorer's default, which its filters widen) (§1.4).
  menu: [
    { menu: "pcsw", entries: [{ resource: "coachings.mine" }] },
    {
      menu: "configure",
      section: "menu.sections.pcsw",
      entries: [
        { resource: "coachings.types", roles: ["CoachingsStaff"] },
        { resource: "coachings.endings", roles: ["CoachingsStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.pcsw",
      entries: [
        {
          href: gridHref("coachings.coachings", listStateSchema.parse({ filters: { observedEvent: "active" } })),
          label: "resources.coachings.title",
          roles: ["CoachingsStaff"],
        },
      ],
    },
  ],
  widgets: [usersWithClientsWidget],
  seed: { reference: seedCoachingTypes, demo: seedCoachingEndings },
  timeline: coachingsTimeline,
  relations: defineRelations([
    // A client who was coached has a file: it is closed (former), never deleted.
    { from: "coachings.client_id", to: "partners", onDelete: "protect", label: "relations.coachings" },
    { from: "coachings.user_id", to: "users", onDelete: "protect", label: "relations.coachings" },
    { from: "coachings.coaching_type_id", to: "coaching_types", onDelete: "protect", label: "relations.coachings" },
    { from: "coachings.ending_id", to: "coaching_endings", onDelete: "protect", label: "relations.coachings" },
    // A deleted guest role leaves the service without one: its coaches are no longer invited to evaluations.
    {
      from: "coaching_types.eval_guest_role_id",
      to: "guest_roles",
      onDelete: "clear",
      label: "relations.coachingTypes",
    },
    {
      from: "coaching_endings.coaching_type_id",
      to: "coaching_types",
      onDelete: "protect",
      label: "relations.coachingEndings",
    },
  ]),
  clientMerge: [coachingsMerge],
});
