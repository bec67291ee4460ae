import { seedClientFile } from "@/db/seed/client-file";
import { seedDemoClients } from "@/db/seed/demo-clients";
import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import {
  birthDatesChecker,
  coachingsChecker,
  eidCardChecker,
  nissChecker,
  phoneticWordsChecker,
} from "./checkers/clients";
import { similarClientsChecker } from "./checkers/similar";
import { clientMergesResource } from "./merge/resource";
import { clientsResource } from "./resource";
import { CLIENT_FILE_RESOURCES } from "./subentities";
import { CLIENT_TABLES } from "./tables";
import { mergesSource } from "./timeline";

/** Clients and their file (domain-people §3, §5, §6), merges of duplicates. */
export const clientsArea = defineArea({
  id: "clients",
  resources: [clientsResource, ...CLIENT_TABLES, clientMergesResource, ...CLIENT_FILE_RESOURCES],
  // Contacts, PCSW and Explorer each have their list of clients; Configure and Explorer → PCSW hold
  // the client file's configuration and every client's sub-entities (domain-people §1.4, §3.6, §3.8);
  // Explorer → Contacts → client merges, for site staff (the kept client's History tab shows them too).
  menu: [
    { menu: "contacts", entries: [{ resource: "clients.clients" }] },
    { menu: "pcsw", entries: [{ resource: "clients.coached", label: "resources.clients.title" }] },
    {
      menu: "configure",
      section: "menu.sections.pcsw",
      entries: [
        { resource: "clients.personGroups", roles: ["SocialStaff"] },
        { resource: "clients.dispenseReasons", roles: ["SocialStaff"] },
        { resource: "clients.exclusionTypes", roles: ["SocialStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.pcsw",
      entries: [
        { resource: "clients.all" },
        { resource: "clients.dispenses", roles: ["SocialStaff"] },
        { resource: "clients.exclusions", roles: ["SocialStaff"] },
        { resource: "clients.convictions", roles: ["SocialStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.contacts",
      entries: [{ resource: "clients.merges", roles: ["SiteAdmin"] }],
    },
  ],
  checkers: [
    nissChecker,
    coachingsChecker,
    similarClientsChecker,
    phoneticWordsChecker,
    eidCardChecker,
    birthDatesChecker,
  ],
  timeline: [mergesSource],
  seed: {
    demo: async (handle, centre) => {
      await seedClientFile(handle, centre);
      await seedDemoClients(handle, centre);
    },
  },
  relations: defineRelations([
    // Lino's volatile dependants of a client (domain-people §0): they go with a client deleted by mistake.
    { from: "dispenses.client_id", to: "partners", onDelete: "volatile", label: "relations.dispenses" },
    // Not among Lino's volatile dependants: a client with an exclusion or a conviction has a file.
    { from: "exclusions.client_id", to: "partners", onDelete: "protect", label: "relations.exclusions" },
    { from: "convictions.client_id", to: "partners", onDelete: "protect", label: "relations.convictions" },
    // Was `protect`. The record of a merge holds the removed duplicate's data (its row as it was):
    // it goes with the client it was merged into, and comes back with it, rather than keeping that
    // person's data after their file is deleted; the audit log keeps that the merge happened.
    { from: "client_merges.kept_id", to: "partners", onDelete: "volatile", label: "relations.clientMerges" },
    { from: "dispenses.reason_id", to: "dispense_reasons", onDelete: "protect", label: "relations.dispenses" },
    { from: "exclusions.type_id", to: "exclusion_types", onDelete: "protect", label: "relations.exclusions" },
    { from: "partners.group_id", to: "person_groups", onDelete: "protect", label: "relations.clients" },
    { from: "partners.nationality_code", to: "countries", onDelete: "protect", label: "relations.clients" },
    { from: "partners.birth_country_code", to: "countries", onDelete: "protect", label: "relations.clients" },
    // The job office contact is a pointer the social worker sets again.
    { from: "partners.job_office_contact_id", to: "roles", onDelete: "clear", label: "relations.clients" },
  ]),
});
