import type { MenuContribution } from "@/server/shell/menu";
import { defineRelations } from "@/server/resources/relations";
import { esfEntryTypesResource, esfSummariesResource } from "./esf-resources";

/** What the reports bring to the integ area (server/integ/area.ts): their resources, menu entries and relations. */
export const reportResources = [esfSummariesResource, esfEntryTypesResource];

export const reportMenu: MenuContribution[] = [
  {
    menu: "integration",
    entries: [
      { href: "/integ/statistics", label: "menu.integStatistics", roles: ["IntegUser"] },
      { href: "/integ/activity-report", label: "menu.integActivityReport", roles: ["IntegUser"] },
      { href: "/integ/esf", label: "menu.integEsf", roles: ["IntegUser"] },
    ],
  },
  {
    menu: "configure",
    section: "menu.sections.integration",
    entries: [{ resource: "integ.esfEntryTypes", roles: ["IntegrationStaff"] }],
  },
];

export const reportRelations = defineRelations([
  { from: "esf_summaries.client_id", to: "partners", onDelete: "volatile", label: "relations.esfSummaries" },
  {
    from: "esf_summaries.education_level_id",
    to: "cv_education_levels",
    onDelete: "protect",
    label: "relations.esfSummaries",
  },
  {
    from: "esf_entry_types.entry_type_id",
    to: "entry_types",
    onDelete: "volatile",
    label: "relations.esfEntryTypes",
  },
  // A summary's printed Training reports go with it, as a client's documents go with the client.
  {
    from: "excerpts.owner_id",
    to: "esf_summaries",
    ownerType: "esfSummary",
    onDelete: "volatile",
    label: "relations.excerpts",
  },
]);
