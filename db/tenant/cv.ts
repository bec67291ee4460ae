import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import type { contactTables } from "./contacts";
import type { geoTables } from "./geo";
import type { userTables } from "./users";

type Deps = {
  partners: ReturnType<typeof contactTables>["partners"];
  countries: ReturnType<typeof geoTables>["countries"];
  places: ReturnType<typeof geoTables>["places"];
  users: ReturnType<typeof userTables>["users"];
};

/**
 * A client's CV (domain-integ-money §2.1, Lino's `cv`): language knowledge, studies, trainings, work
 * experiences and their configuration lists; Châtelet's skills, soft skills, obstacles and proofs.
 */
export function cvTables(s: PgSchema, deps: Deps) {
  const clientId = () =>
    integer("client_id")
      .notNull()
      .references(() => deps.partners.id);
  const names = () => jsonb("names").$type<LocalizedText>().notNull();
  const version = () => integer("version").notNull().default(1);
  const namesTable = (name: string) =>
    s.table(name, { id: serial("id").primaryKey(), names: names(), version: version() });
  const period = (name: string) =>
    check(`${name}_dates`, sql`end_date is null or start_date is null or end_date >= start_date`);

  const educationLevels = s.table("cv_education_levels", {
    id: serial("id").primaryKey(),
    names: names(),
    seq: integer("seq").notNull().default(0),
    isStudy: boolean("is_study").notNull().default(true),
    isTraining: boolean("is_training").notNull().default(false),
    version: version(),
  });
  const studyTypes = s.table("cv_study_types", {
    id: serial("id").primaryKey(),
    names: names(),
    isStudy: boolean("is_study").notNull().default(true),
    isTraining: boolean("is_training").notNull().default(false),
    educationLevelId: integer("education_level_id").references(() => educationLevels.id),
    version: version(),
  });
  const statuses = namesTable("cv_statuses");
  const regimes = namesTable("cv_regimes");
  const durations = namesTable("cv_durations");
  const sectors = s.table("cv_sectors", {
    id: serial("id").primaryKey(),
    names: names(),
    remark: text("remark").notNull().default(""),
    version: version(),
  });
  const functions = s.table("cv_functions", {
    id: serial("id").primaryKey(),
    names: names(),
    sectorId: integer("sector_id").references(() => sectors.id),
    remark: text("remark").notNull().default(""),
    version: version(),
  });
  const proofs = namesTable("cv_proofs");
  const softSkillTypes = namesTable("cv_soft_skill_types");
  const obstacleTypes = namesTable("cv_obstacle_types");

  const languageKnowledge = s.table(
    "cv_language_knowledge",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      language: text("language").notNull(),
      spoken: text("spoken"),
      written: text("written"),
      spokenPassively: text("spoken_passively"),
      writtenPassively: text("written_passively"),
      native: boolean("native").notNull().default(false),
      cefLevel: text("cef_level"),
      hasCertificate: boolean("has_certificate").notNull().default(false),
      version: version(),
    },
    (t) => [
      uniqueIndex("cv_language_knowledge_client_language").on(t.clientId, t.language),
      index("cv_language_knowledge_language_idx").on(t.language, t.clientId),
    ],
  );

  const studyColumns = () => ({
    id: serial("id").primaryKey(),
    clientId: clientId(),
    startDate: date("start_date"),
    endDate: date("end_date"),
    durationText: text("duration_text").notNull().default(""),
    typeId: integer("type_id").references(() => studyTypes.id),
    educationLevelId: integer("education_level_id").references(() => educationLevels.id),
    content: text("content").notNull().default(""),
    school: text("school").notNull().default(""),
    countryCode: text("country_code").references(() => deps.countries.isoCode),
    placeId: integer("place_id").references(() => deps.places.id),
    language: text("language"),
    state: text("state"),
    remarks: text("remarks").notNull().default(""),
    version: version(),
  });
  const studies = s.table("cv_studies", studyColumns(), (t) => [
    index("cv_studies_client_idx").on(t.clientId),
    period("cv_studies"),
  ]);
  const trainings = s.table(
    "cv_trainings",
    {
      ...studyColumns(),
      sectorId: integer("sector_id").references(() => sectors.id),
      functionId: integer("function_id").references(() => functions.id),
      certificates: text("certificates").notNull().default(""),
    },
    (t) => [
      index("cv_trainings_client_idx").on(t.clientId),
      index("cv_trainings_sector_idx").on(t.sectorId),
      index("cv_trainings_function_idx").on(t.functionId),
      period("cv_trainings"),
    ],
  );
  const experiences = s.table(
    "cv_experiences",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      company: text("company").notNull().default(""),
      title: text("title").notNull().default(""),
      sectorId: integer("sector_id").references(() => sectors.id),
      functionId: integer("function_id").references(() => functions.id),
      countryCode: text("country_code").references(() => deps.countries.isoCode),
      placeId: integer("place_id").references(() => deps.places.id),
      statusId: integer("status_id").references(() => statuses.id),
      durationId: integer("duration_id").references(() => durations.id),
      regimeId: integer("regime_id").references(() => regimes.id),
      isTraining: boolean("is_training").notNull().default(false),
      startDate: date("start_date"),
      endDate: date("end_date"),
      durationText: text("duration_text").notNull().default(""),
      terminationReason: text("termination_reason").notNull().default(""),
      remarks: text("remarks").notNull().default(""),
      version: version(),
    },
    (t) => [
      index("cv_experiences_client_idx").on(t.clientId),
      index("cv_experiences_sector_idx").on(t.sectorId),
      index("cv_experiences_function_idx").on(t.functionId),
      period("cv_experiences"),
    ],
  );

  // Châtelet (lino_welcht cv): skills, soft skills and obstacles ("freins") of a client.
  const skills = s.table(
    "cv_skills",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      sectorId: integer("sector_id").references(() => sectors.id),
      functionId: integer("function_id").references(() => functions.id),
      remark: text("remark").notNull().default(""),
      proofId: integer("proof_id").references(() => proofs.id),
      version: version(),
    },
    (t) => [index("cv_skills_client_idx").on(t.clientId)],
  );
  const softSkills = s.table(
    "cv_soft_skills",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      typeId: integer("type_id").references(() => softSkillTypes.id),
      remark: text("remark").notNull().default(""),
      proofId: integer("proof_id").references(() => proofs.id),
      version: version(),
    },
    (t) => [index("cv_soft_skills_client_idx").on(t.clientId)],
  );
  const obstacles = s.table(
    "cv_obstacles",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      typeId: integer("type_id").references(() => obstacleTypes.id),
      userId: integer("user_id").references(() => deps.users.id, { onDelete: "set null" }),
      detectedDate: date("detected_date"),
      remark: text("remark").notNull().default(""),
      version: version(),
    },
    (t) => [index("cv_obstacles_client_idx").on(t.clientId), index("cv_obstacles_type_idx").on(t.typeId)],
  );

  // Eupen (Lino's properties, domain-integ-money §2.1): property groups (skills, soft skills,
  // obstacles), property types (on/off, appraisal), properties, and a client's properties.
  const propGroups = s.table(
    "cv_prop_groups",
    {
      id: serial("id").primaryKey(),
      names: names(),
      /** Which of the client's three lists shows it (Lino's site config propgroup_skills…): skills, softSkills, obstacles. */
      kind: text("kind"),
      version: version(),
    },
    (t) => [uniqueIndex("cv_prop_groups_kind").on(t.kind)],
  );
  const propTypes = s.table("cv_prop_types", {
    id: serial("id").primaryKey(),
    names: names(),
    /** The choice list its values come from ("howWell": an appraisal); none: present or not (on/off). */
    choiceList: text("choice_list"),
    version: version(),
  });
  const properties = s.table(
    "cv_properties",
    {
      id: serial("id").primaryKey(),
      groupId: integer("group_id")
        .notNull()
        .references(() => propGroups.id),
      typeId: integer("type_id")
        .notNull()
        .references(() => propTypes.id),
      names: names(),
      version: version(),
    },
    (t) => [index("cv_properties_group_idx").on(t.groupId)],
  );
  const personProperties = s.table(
    "cv_person_properties",
    {
      id: serial("id").primaryKey(),
      clientId: clientId(),
      groupId: integer("group_id")
        .notNull()
        .references(() => propGroups.id),
      propertyId: integer("property_id")
        .notNull()
        .references(() => properties.id),
      /** A value of the property type's choice list; empty for an on/off property (present). */
      value: text("value").notNull().default(""),
      remark: text("remark").notNull().default(""),
      version: version(),
    },
    (t) => [
      index("cv_person_properties_client_idx").on(t.clientId, t.groupId),
      index("cv_person_properties_property_idx").on(t.propertyId),
    ],
  );

  return {
    cvPropGroups: propGroups,
    cvPropTypes: propTypes,
    cvProperties: properties,
    cvPersonProperties: personProperties,
    cvEducationLevels: educationLevels,
    cvStudyTypes: studyTypes,
    cvStatuses: statuses,
    cvRegimes: regimes,
    cvDurations: durations,
    cvSectors: sectors,
    cvFunctions: functions,
    cvProofs: proofs,
    cvSoftSkillTypes: softSkillTypes,
    cvObstacleTypes: obstacleTypes,
    cvLanguageKnowledge: languageKnowledge,
    cvStudies: studies,
    cvTrainings: trainings,
    cvExperiences: experiences,
    cvSkills: skills,
    cvSoftSkills: softSkills,
    cvObstacles: obstacles,
  };
}
