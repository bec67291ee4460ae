import type { MenuContribution } from "@/server/shell/menu";

/**
 * Clients in Contacts, Reception, PCSW, Integration and Newcomers, all clients in Explorer (each
 * its own table, server/clients/tables.ts), PCSW → Coachings, Calendar → My tasks; Configure → PCSW →
 * coaching services, integration phases, dispense reasons and exclusion types; Explorer → PCSW →
 * every client's dispenses, exclusions and convictions (domain-people §1.4, §3.6, §3.8).
 */
export const clientsMenu: MenuContribution[] = [
  { menu: "contacts", entries: [{ resource: "contacts.clients" }] },
  { menu: "calendar", entries: [{ resource: "calendar.myTasks" }] },
  { menu: "reception", entries: [{ resource: "reception.clients", label: "resources.clients.title" }] },
  { menu: "pcsw", entries: [{ resource: "pcsw.coachedClients", label: "resources.clients.title" }, { resource: "pcsw.coachings" }] },
  { menu: "integration", entries: [{ resource: "integ.clients", label: "resources.clients.title" }] },
  { menu: "newcomers", entries: [{ resource: "newcomers.clients" }] },
  { menu: "configure", section: "menu.sections.pcsw", entries: [
    { resource: "pcsw.coachingTypes", roles: ["CoachingsStaff"] },
    { resource: "pcsw.personGroups", roles: ["SocialStaff"] },
    { resource: "pcsw.dispenseReasons", roles: ["SocialStaff"] },
    { resource: "pcsw.exclusionTypes", roles: ["SocialStaff"] },
  ] },
  { menu: "explorer", section: "menu.sections.pcsw", entries: [
    { resource: "pcsw.allClients" },
    { resource: "pcsw.dispenses", roles: ["SocialStaff"] },
    { resource: "pcsw.exclusions", roles: ["SocialStaff"] },
    { resource: "pcsw.convictions", roles: ["SocialStaff"] },
  ] },
];
