import type { MenuContribution } from "@/server/shell/menu";

/**
 * Contacts → Clients, PCSW → Coachings, Calendar → My tasks; Configure → PCSW → coaching services,
 * integration phases, dispense reasons and exclusion types; Explorer → PCSW → every client's
 * dispenses, exclusions and convictions (domain-people §1.4, §3.8).
 */
export const clientsMenu: MenuContribution[] = [
  { menu: "contacts", entries: [{ resource: "contacts.clients" }] },
  { menu: "calendar", entries: [{ resource: "calendar.myTasks" }] },
  { menu: "pcsw", entries: [{ resource: "contacts.clients", roles: ["SocialUser"] }, { resource: "pcsw.coachings" }] },
  { menu: "configure", section: "menu.sections.pcsw", entries: [
    { resource: "pcsw.coachingTypes", roles: ["CoachingsStaff"] },
    { resource: "pcsw.personGroups", roles: ["SocialStaff"] },
    { resource: "pcsw.dispenseReasons", roles: ["SocialStaff"] },
    { resource: "pcsw.exclusionTypes", roles: ["SocialStaff"] },
  ] },
  { menu: "explorer", section: "menu.sections.pcsw", entries: [
    { resource: "pcsw.dispenses", roles: ["SocialStaff"] },
    { resource: "pcsw.exclusions", roles: ["SocialStaff"] },
    { resource: "pcsw.convictions", roles: ["SocialStaff"] },
  ] },
];
