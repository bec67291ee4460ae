import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import { cvLanguages } from "./choices";
import { seedPropertiesDemo, seedPropertiesReference } from "./properties-seed";
import { PROPERTY_CLIENT_RESOURCES, PROPERTY_CONFIG_RESOURCES } from "./properties";
import { CV_CLIENT_RESOURCES, CV_CONFIG_RESOURCES } from "./resources";
import { cvClientFilters } from "./search";
import { seedCvDemo, seedCvReference } from "./seed";

/** The CV (domain-integ-money §2.1, Lino's `cv`): a client's Career tab, its configuration, its search. */
export const cvArea = defineArea({
  id: "cv",
  resources: [
    ...CV_CONFIG_RESOURCES,
    ...CV_CLIENT_RESOURCES,
    ...PROPERTY_CONFIG_RESOURCES,
    ...PROPERTY_CLIENT_RESOURCES,
  ],
  menu: [
    {
      menu: "configure",
      section: "menu.sections.career",
      entries: [
        { resource: "cv.educationLevels", roles: ["CareerStaff"] },
        { resource: "cv.studyTypes", roles: ["CareerStaff"] },
        { resource: "cv.sectors", roles: ["CareerStaff"] },
        { resource: "cv.functions", roles: ["CareerStaff"] },
        { resource: "cv.statuses", roles: ["CareerStaff"] },
        { resource: "cv.regimes", roles: ["CareerStaff"] },
        { resource: "cv.durations", roles: ["CareerStaff"] },
        { resource: "cv.proofs", roles: ["CareerStaff"] },
        { resource: "cv.softSkillTypes", roles: ["CareerStaff"] },
        { resource: "cv.obstacleTypes", roles: ["CareerStaff"] },
        // Eupen's properties (Lino: Configure → Properties).
        { resource: "cv.propGroups", roles: ["CareerStaff"] },
        { resource: "cv.propTypes", roles: ["CareerStaff"] },
        { resource: "cv.properties", roles: ["CareerStaff"] },
      ],
    },
    {
      menu: "explorer",
      section: "menu.sections.career",
      entries: [
        { resource: "cv.languageKnowledge", roles: ["CareerStaff"] },
        { resource: "cv.studies", roles: ["CareerStaff"] },
        { resource: "cv.trainings", roles: ["CareerStaff"] },
        { resource: "cv.experiences", roles: ["CareerStaff"] },
      ],
    },
  ],
  extends: [
    // The integration clients' search on CV criteria (§2.2).
    { resource: "integ.clients", filters: cvClientFilters },
    // The client's Career tab (Lino Eupen: Career, Languages, Competences; Châtelet: Career, Competences, Obstacles).
    {
      resource: "clients.clients",
      tabs: {
        after: "jobSearch",
        tabs: [
          {
            key: "career",
            label: "cv.careerTab",
            roles: ["CareerUser"],
            groups: [],
            slaves: [
              { resource: "cv.languageKnowledge", label: "cv.languageKnowledge", masterField: "client" },
              { resource: "cv.studies", label: "cv.studies", masterField: "client" },
              { resource: "cv.trainings", label: "cv.trainings", masterField: "client" },
              { resource: "cv.experiences", label: "cv.experiences", masterField: "client" },
              { resource: "cv.skills", label: "cv.skills", masterField: "client", fieldSet: "chatelet" },
              { resource: "cv.softSkills", label: "cv.softSkills", masterField: "client", fieldSet: "chatelet" },
              { resource: "cv.obstacles", label: "cv.obstacles", masterField: "client", fieldSet: "chatelet" },
              // Eupen's: the properties of the groups its site configuration points to.
              { resource: "cv.personSkills", label: "cv.personSkills", masterField: "client", fieldSet: "eupen" },
              {
                resource: "cv.personSoftSkills",
                label: "cv.personSoftSkills",
                masterField: "client",
                fieldSet: "eupen",
              },
              { resource: "cv.personObstacles", label: "cv.personObstacles", masterField: "client", fieldSet: "eupen" },
            ],
          },
        ],
      },
    },
  ],
  seed: {
    reference: async (handle) => {
      await seedCvReference(handle);
      await seedPropertiesReference(handle);
    },
    demo: async (handle, centre) => {
      await seedCvDemo(handle, centre);
      await seedPropertiesDemo(handle, centre);
    },
  },
  extensibleChoices: [cvLanguages],
  relations: defineRelations([
    ...[
      "cv_language_knowledge",
      "cv_studies",
      "cv_trainings",
      "cv_experiences",
      "cv_skills",
      "cv_soft_skills",
      "cv_obstacles",
      "cv_person_properties",
    ].map(
      (table) =>
        ({ from: `${table}.client_id`, to: "partners", onDelete: "volatile", label: `relations.cv.${table}` }) as const,
    ),
    {
      from: "cv_study_types.education_level_id",
      to: "cv_education_levels",
      onDelete: "protect",
      label: "relations.cv.cv_study_types",
    },
    { from: "cv_functions.sector_id", to: "cv_sectors", onDelete: "protect", label: "relations.cv.cv_functions" },
    ...(["cv_studies", "cv_trainings"] as const).flatMap((table) => [
      { from: `${table}.type_id`, to: "cv_study_types", onDelete: "protect", label: `relations.cv.${table}` } as const,
      {
        from: `${table}.education_level_id`,
        to: "cv_education_levels",
        onDelete: "protect",
        label: `relations.cv.${table}`,
      } as const,
      { from: `${table}.country_code`, to: "countries", onDelete: "protect", label: `relations.cv.${table}` } as const,
      { from: `${table}.place_id`, to: "places", onDelete: "protect", label: `relations.cv.${table}` } as const,
    ]),
    ...(["cv_trainings", "cv_experiences", "cv_skills"] as const).flatMap((table) => [
      { from: `${table}.sector_id`, to: "cv_sectors", onDelete: "protect", label: `relations.cv.${table}` } as const,
      {
        from: `${table}.function_id`,
        to: "cv_functions",
        onDelete: "protect",
        label: `relations.cv.${table}`,
      } as const,
    ]),
    { from: "cv_experiences.country_code", to: "countries", onDelete: "protect", label: "relations.cv.cv_experiences" },
    { from: "cv_experiences.place_id", to: "places", onDelete: "protect", label: "relations.cv.cv_experiences" },
    { from: "cv_experiences.status_id", to: "cv_statuses", onDelete: "protect", label: "relations.cv.cv_experiences" },
    {
      from: "cv_experiences.duration_id",
      to: "cv_durations",
      onDelete: "protect",
      label: "relations.cv.cv_experiences",
    },
    { from: "cv_experiences.regime_id", to: "cv_regimes", onDelete: "protect", label: "relations.cv.cv_experiences" },
    { from: "cv_skills.proof_id", to: "cv_proofs", onDelete: "protect", label: "relations.cv.cv_skills" },
    { from: "cv_soft_skills.proof_id", to: "cv_proofs", onDelete: "protect", label: "relations.cv.cv_soft_skills" },
    {
      from: "cv_soft_skills.type_id",
      to: "cv_soft_skill_types",
      onDelete: "protect",
      label: "relations.cv.cv_soft_skills",
    },
    { from: "cv_obstacles.type_id", to: "cv_obstacle_types", onDelete: "protect", label: "relations.cv.cv_obstacles" },
    { from: "cv_obstacles.user_id", to: "users", onDelete: "clear", label: "relations.cv.cv_obstacles" },
    { from: "cv_properties.group_id", to: "cv_prop_groups", onDelete: "protect", label: "relations.cv.cv_properties" },
    { from: "cv_properties.type_id", to: "cv_prop_types", onDelete: "protect", label: "relations.cv.cv_properties" },
    {
      from: "cv_person_properties.group_id",
      to: "cv_prop_groups",
      onDelete: "protect",
      label: "relations.cv.cv_person_properties",
    },
    {
      from: "cv_person_properties.property_id",
      to: "cv_properties",
      onDelete: "protect",
      label: "relations.cv.cv_person_properties",
    },
  ]),
});
