import { gridHref } from "@/app/_components/resource/list-state";
import { listStateSchema } from "@/lib/resources";
import type { MenuContribution } from "@/server/shell/menu";

/**
 * PCSW → My coachings; Configure → PCSW → coaching termination reasons; Explorer → PCSW → the
 * coachings active today (the explorer's default, which its filters widen) (domain-people §1.4, §8).
 */
export const coachingsMenu: MenuContribution[] = [
  { menu: "pcsw", entries: [{ resource: "coachings.mine" }] },
  { menu: "configure", section: "menu.sections.pcsw", entries: [{ resource: "coachings.endings", roles: ["CoachingsStaff"] }] },
  { menu: "explorer", section: "menu.sections.pcsw", entries: [{
    href: gridHref("coachings.coachings", listStateSchema.parse({ filters: { observedEvent: "active" } })), label: "resources.coachings.title", roles: ["CoachingsStaff"],
  }] },
];
