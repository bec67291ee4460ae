import type { MenuContribution } from "@/server/shell/menu";

/**
 * Clients in Contacts, Reception, PCSW, Integration and Newcomers, all clients in Explorer (each
 * its own table, server/clients/tables.ts), Calendar → My tasks; Configure → PCSW →
 * coaching services, integration phases, dispense reasons and exclusion types; Explorer → PCSW →
 * every client's dispenses, exclusions and convictions (domain-people §1.4, §3.6, §3.8).
 */
export const clientsMenu: MenuContribution[] = [
  { menu: "contacts", entries: [{ resource: "clients.clients" }] },
  { menu: "calendar", entries: [{ resource: "calendar.myTasks" }] },
  { menu: "reception", entries: [{ resource: "reception.clients", label: "resources.clients.title" }] },
  { menu: "pcsw", entries: [{ resource: "clients.coached", label: "resources.clients.title" }] },
  { menu: "integration", entries: [{ resource: "integ.clients", label: "resources.clients.title" }] },
  { menu: "newcomers", entries: [{ resource: "newcomers.clients" }] },
  { menu: "configure", section: "menu.sections.pcsw", entries: [
    { resource: "coachings.types", roles: ["CoachingsStaff"] },
    { resource: "clients.personGroups", roles: ["SocialStaff"] },
    { resource: "clients.dispenseReasons", roles: ["SocialStaff"] },
    { resource: "clients.exclusionTypes", roles: ["SocialStaff"] },
  ] },
  { menu: "explorer", section: "menu.sections.pcsw", entries: [
    { resource: "clients.all" },
    { resource: "clients.dispenses", roles: ["SocialStaff"] },
    { resource: "clients.exclusions", roles: ["SocialStaff"] },
    { resource: "clients.convictions", roles: ["SocialStaff"] },
  ] },
];
