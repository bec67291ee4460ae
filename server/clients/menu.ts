import type { MenuContribution } from "@/server/shell/menu";

/** Contacts → Clients, PCSW → Coachings, Configure → PCSW → coaching services (domain-people §1.4). */
export const clientsMenu: MenuContribution[] = [
  { menu: "contacts", entries: [{ resource: "contacts.clients" }] },
  { menu: "pcsw", entries: [{ resource: "contacts.clients", roles: ["SocialUser"] }, { resource: "pcsw.coachings" }] },
  { menu: "configure", section: "menu.sections.pcsw", entries: [{ resource: "pcsw.coachingTypes", roles: ["CoachingsStaff"] }] },
];
