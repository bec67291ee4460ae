import type { MenuContribution } from "@/server/shell/menu";

/** Office → data problems assigned to me; Explorer → System → all data problems (domain-people §1.4, §18). */
export const checksMenu: MenuContribution[] = [
  { menu: "office", entries: [{ resource: "checks.myProblems" }] },
  { menu: "explorer", section: "menu.sections.system", entries: [{ resource: "checks.allProblems" }] },
];
