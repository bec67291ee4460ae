import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { newClientsResource } from "./clients";
import { brokersResource, competencesResource, facultiesResource, myCompetencesResource } from "./resources";
import { newcomersRouter } from "./router";
import { seedFaculties, seedNewcomersDemo } from "./seed";
import { newClientsWidget } from "./widget";

/** Newcomers (domain-people §9): faculties, competences, the clients waiting for a coach and giving them one. */
export const newcomersArea = defineArea({
  id: "newcomers",
  resources: [newClientsResource, facultiesResource, brokersResource, competencesResource, myCompetencesResource],
  menu: [
    { menu: "newcomers", entries: [{ resource: "newcomers.clients" }, { resource: "newcomers.myCompetences" }] },
    {
      menu: "configure",
      section: "menu.sections.newcomers",
      entries: [
        { resource: "newcomers.faculties", roles: ["SocialStaff"] },
        { resource: "newcomers.brokers", roles: ["SocialStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.newcomers",
      entries: [{ resource: "newcomers.competences", roles: ["SocialStaff"] }],
    },
  ],
  widgets: [newClientsWidget],
  router: newcomersRouter,
  seed: { reference: seedFaculties, demo: seedNewcomersDemo },
  relations: defineRelations([
    { from: "competences.user_id", to: "users", onDelete: "volatile", label: "relations.competences" },
    { from: "competences.faculty_id", to: "faculties", onDelete: "protect", label: "relations.competences" },
    { from: "partners.faculty_id", to: "faculties", onDelete: "protect", label: "relations.clients" },
    { from: "partners.broker_id", to: "brokers", onDelete: "protect", label: "relations.clients" },
  ]),
});
