import { desc, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import { AppError } from "@/server/errors";
import { countryRef, placeRef } from "@/server/geo/fields";
import { defineResource, type FieldDef, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { boolean, choice, date, integer, localizedText, longText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { assertClient, clientOnly, clientRef } from "@/server/clients/client-rows";
import { userNameOf } from "@/server/users/sql";
import { cefLevels, cvLanguages, educationStates, howWell } from "./choices";
import { defaultStartDate } from "./rules";

/**
 * The CV of a client (domain-integ-money §2.1): the rows of a client's Career tab and their
 * configuration lists. Integration agents (CareerUser) read and write a client's CV on the client;
 * the global lists and the configuration are for career staff (CareerStaff, Lino's AllLanguageKnowledges…).
 */

type Tables = TenantTables;
type NamesTable =
  | "cvEducationLevels"
  | "cvStudyTypes"
  | "cvStatuses"
  | "cvRegimes"
  | "cvDurations"
  | "cvSectors"
  | "cvFunctions"
  | "cvProofs"
  | "cvSoftSkillTypes"
  | "cvObstacleTypes";

/** A reference to a row of a configuration list, shown by its name in the reader's language. */
const namesRef = (label: string, resource: string, table: NamesTable, col: (t: Tables) => AnyPgColumn) =>
  reference(
    label,
    resource,
    col,
    (t) => sql`(select ${t[table].names} from ${t[table]} where ${q(t[table].id)} = ${q(col(t))})`,
    { localized: true },
  );

/** A configuration list (types, sectors, statuses…): read by whoever fills in a CV, kept by career staff. */
function configList(
  id: string,
  title: string,
  table: NamesTable,
  extra: { fields?: Record<string, FieldDef>; columns?: string[] } = {},
): ResourceDef {
  const shown = ["name", ...(extra.columns ?? [])];
  return defineResource({
    id,
    title,
    table: (t) => t[table],
    pk: (t) => t[table].id,
    version: (t) => t[table].version,
    fields: {
      id: integer("fields.id", (t) => t[table].id, { editable: false, plain: true, width: 6 }),
      name: localizedText("fields.name", (t) => t[table].names, { required: true }),
      ...extra.fields,
    },
    columns: shown,
    hiddenColumns: ["id"],
    titleField: "name",
    defaultSort: [{ field: "id", dir: "asc" }],
    access: { view: ["CareerUser"], edit: ["CareerStaff"] },
    detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: shown }] }],
    insert: { fields: shown },
  });
}

export const educationLevelsResource = configList("cv.educationLevels", "cv.educationLevels", "cvEducationLevels", {
  fields: {
    seq: integer("cv.fields.seq", (t) => t.cvEducationLevels.seq, { min: 0, max: 9999, width: 6 }),
    isStudy: boolean("cv.fields.isStudy", (t) => t.cvEducationLevels.isStudy),
    isTraining: boolean("cv.fields.isTraining", (t) => t.cvEducationLevels.isTraining),
  },
  columns: ["seq", "isStudy", "isTraining"],
});
export const studyTypesResource = configList("cv.studyTypes", "cv.studyTypes", "cvStudyTypes", {
  fields: {
    isStudy: boolean("cv.fields.isStudy", (t) => t.cvStudyTypes.isStudy),
    isTraining: boolean("cv.fields.isTraining", (t) => t.cvStudyTypes.isTraining),
    educationLevel: namesRef(
      "cv.fields.educationLevel",
      "cv.educationLevels",
      "cvEducationLevels",
      (t) => t.cvStudyTypes.educationLevelId,
    ),
  },
  columns: ["isStudy", "isTraining", "educationLevel"],
});
export const statusesResource = configList("cv.statuses", "cv.statuses", "cvStatuses");
export const regimesResource = configList("cv.regimes", "cv.regimes", "cvRegimes");
export const durationsResource = configList("cv.durations", "cv.durations", "cvDurations");
export const sectorsResource = configList("cv.sectors", "cv.sectors", "cvSectors", {
  fields: { remark: text("fields.remark", (t) => t.cvSectors.remark, { max: 200 }) },
  columns: ["remark"],
});
export const functionsResource = configList("cv.functions", "cv.functions", "cvFunctions", {
  fields: {
    sector: namesRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => t.cvFunctions.sectorId),
    remark: text("fields.remark", (t) => t.cvFunctions.remark, { max: 200 }),
  },
  columns: ["sector", "remark"],
});
export const proofsResource = configList("cv.proofs", "cv.proofs", "cvProofs");
export const softSkillTypesResource = configList("cv.softSkillTypes", "cv.softSkillTypes", "cvSoftSkillTypes");
export const obstacleTypesResource = configList("cv.obstacleTypes", "cv.obstacleTypes", "cvObstacleTypes");

// ── The client's rows ──

/** A client's CV rows: integration agents on the client's detail, the global list for career staff. */
const cvRowsAccess = {
  view: ["CareerUser"],
  edit: ["CareerUser"],
  listAll: ["CareerStaff"],
} satisfies ResourceDef["access"];

const periodInOrder = (_ctx: ResourceCtx, v: Record<string, unknown>) => {
  if (v.startDate && v.endDate && String(v.endDate) < String(v.startDate))
    throw new AppError("INVALID_INPUT", { field: "endDate" });
};

type DatedTable = "cvStudies" | "cvTrainings" | "cvExperiences";
/**
 * Keeps the client a client and, on a new entry left without a start date, starts it where the
 * client's latest entry of the same kind ended (domain-integ-money §2.1, Lino's on_create).
 */
const datedEntryBeforeSave =
  (table: DatedTable) =>
  async (tx: TenantHandle["db"], ctx: ResourceCtx, id: unknown, values: Record<string, unknown>) => {
    await assertClient(tx, ctx.handle.t, values.client);
    if (id !== undefined || values.startDate != null || values.client === undefined) return;
    const tbl = ctx.handle.t[table];
    const entries = await tx
      .select({ startDate: tbl.startDate, endDate: tbl.endDate })
      .from(tbl)
      .where(eq(tbl.clientId, Number(values.client)))
      .orderBy(desc(tbl.startDate))
      .limit(20);
    const start = defaultStartDate(entries);
    if (start) values.startDate = start;
  };

export const languageKnowledgeResource = defineResource({
  id: "cv.languageKnowledge",
  title: "cv.languageKnowledge",
  table: (t) => t.cvLanguageKnowledge,
  pk: (t) => t.cvLanguageKnowledge.id,
  version: (t) => t.cvLanguageKnowledge.version,
  fields: {
    id: integer("fields.id", (t) => t.cvLanguageKnowledge.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.cvLanguageKnowledge.clientId),
    language: choice("cv.fields.language", (t) => t.cvLanguageKnowledge.language, cvLanguages, {
      required: true,
      width: 14,
    }),
    native: boolean("cv.fields.native", (t) => t.cvLanguageKnowledge.native),
    spoken: choice("cv.fields.spoken", (t) => t.cvLanguageKnowledge.spoken, howWell, { width: 12 }),
    written: choice("cv.fields.written", (t) => t.cvLanguageKnowledge.written, howWell, { width: 12 }),
    spokenPassively: choice("cv.fields.spokenPassively", (t) => t.cvLanguageKnowledge.spokenPassively, howWell),
    writtenPassively: choice("cv.fields.writtenPassively", (t) => t.cvLanguageKnowledge.writtenPassively, howWell),
    cefLevel: choice("cv.fields.cefLevel", (t) => t.cvLanguageKnowledge.cefLevel, cefLevels, { width: 8 }),
    hasCertificate: boolean("cv.fields.hasCertificate", (t) => t.cvLanguageKnowledge.hasCertificate),
  },
  columns: ["client", "language", "native", "spoken", "written", "cefLevel", "hasCertificate"],
  hiddenColumns: ["id", "spokenPassively", "writtenPassively"],
  titleField: "language",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: cvRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "language", "native", "cefLevel", "hasCertificate"] },
        { fields: ["spoken", "written", "spokenPassively", "writtenPassively"] },
      ],
    },
  ],
  insert: {
    fields: ["client", "language", "native", "spoken", "written", "cefLevel", "hasCertificate"],
  },
  beforeSave: async (tx, ctx, _id, values) => assertClient(tx, ctx.handle.t, values.client),
});

/** The fields studies and trainings share (Lino's EducationEntry). */
function educationFields(table: "cvStudies" | "cvTrainings"): Record<string, FieldDef> {
  return {
    id: integer("fields.id", (t) => t[table].id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t[table].clientId),
    startDate: date("fields.startDate", (t) => t[table].startDate),
    endDate: date("fields.endDate", (t) => t[table].endDate),
    durationText: text("cv.fields.durationText", (t) => t[table].durationText, { max: 200, width: 10 }),
    type: namesRef("cv.fields.studyType", "cv.studyTypes", "cvStudyTypes", (t) => t[table].typeId),
    educationLevel: namesRef(
      "cv.fields.educationLevel",
      "cv.educationLevels",
      "cvEducationLevels",
      (t) => t[table].educationLevelId,
    ),
    content: text("cv.fields.content", (t) => t[table].content, { max: 200, width: 24 }),
    school: text("cv.fields.school", (t) => t[table].school, { max: 200, width: 20 }),
    country: countryRef("fields.country", (t) => t[table].countryCode),
    place: placeRef("fields.place", (t) => t[table].placeId),
    language: choice("cv.fields.language", (t) => t[table].language, cvLanguages),
    state: choice("cv.fields.state", (t) => t[table].state, educationStates, { width: 10 }),
    remarks: longText("fields.remarks", (t) => t[table].remarks),
  };
}

/** Only study types (or training types) are offered on a study (a training): Lino's is_study / is_training. */
const typesFor = (kind: "isStudy" | "isTraining") => ({
  ...namesRef("cv.fields.studyType", "cv.studyTypes", "cvStudyTypes", (t) =>
    kind === "isStudy" ? t.cvStudies.typeId : t.cvTrainings.typeId,
  ),
  ref: {
    resource: "cv.studyTypes",
    localized: true,
    display: (t: Tables) => {
      const col = kind === "isStudy" ? t.cvStudies.typeId : t.cvTrainings.typeId;
      return sql`(select ${t.cvStudyTypes.names} from ${t.cvStudyTypes} where ${q(t.cvStudyTypes.id)} = ${q(col)})`;
    },
    choices: (t: Tables) => sql`${t.cvStudyTypes[kind]}`,
  },
});

export const studiesResource = defineResource({
  id: "cv.studies",
  title: "cv.studies",
  table: (t) => t.cvStudies,
  pk: (t) => t.cvStudies.id,
  version: (t) => t.cvStudies.version,
  fields: { ...educationFields("cvStudies"), type: typesFor("isStudy") },
  columns: ["client", "content", "type", "startDate", "endDate", "school", "state"],
  hiddenColumns: ["id", "educationLevel", "durationText", "country", "place", "language", "remarks"],
  titleField: "content",
  defaultSort: [{ field: "startDate", dir: "asc" }],
  access: cvRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "type", "educationLevel", "content", "state"] },
        { fields: ["startDate", "endDate", "durationText", "school", "country", "place", "language"] },
        { fields: ["remarks"] },
      ],
    },
  ],
  insert: {
    fields: ["client", "type", "content", "startDate", "endDate", "school", "state"],
    validate: periodInOrder,
  },
  beforeSave: datedEntryBeforeSave("cvStudies"),
});

export const trainingsResource = defineResource({
  id: "cv.trainings",
  title: "cv.trainings",
  table: (t) => t.cvTrainings,
  pk: (t) => t.cvTrainings.id,
  version: (t) => t.cvTrainings.version,
  fields: {
    ...educationFields("cvTrainings"),
    type: typesFor("isTraining"),
    sector: namesRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => t.cvTrainings.sectorId),
    function: namesRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => t.cvTrainings.functionId),
    certificates: text("cv.fields.certificates", (t) => t.cvTrainings.certificates, { max: 200 }),
  },
  columns: ["client", "content", "type", "sector", "function", "startDate", "endDate", "state"],
  hiddenColumns: ["id", "educationLevel", "durationText", "school", "country", "place", "language", "remarks"],
  titleField: "content",
  defaultSort: [{ field: "startDate", dir: "asc" }],
  access: cvRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "type", "educationLevel", "sector", "function", "content", "state", "certificates"] },
        { fields: ["startDate", "endDate", "durationText", "school", "country", "place", "language"] },
        { fields: ["remarks"] },
      ],
    },
  ],
  insert: {
    fields: ["client", "type", "sector", "function", "content", "startDate", "endDate", "state"],
    validate: periodInOrder,
  },
  beforeSave: datedEntryBeforeSave("cvTrainings"),
});

export const experiencesResource = defineResource({
  id: "cv.experiences",
  title: "cv.experiences",
  table: (t) => t.cvExperiences,
  pk: (t) => t.cvExperiences.id,
  version: (t) => t.cvExperiences.version,
  fields: {
    id: integer("fields.id", (t) => t.cvExperiences.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.cvExperiences.clientId),
    company: text("cv.fields.company", (t) => t.cvExperiences.company, { max: 200, width: 20 }),
    title: text("cv.fields.title", (t) => t.cvExperiences.title, { max: 200, width: 20 }),
    sector: namesRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => t.cvExperiences.sectorId),
    function: namesRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => t.cvExperiences.functionId),
    country: countryRef("fields.country", (t) => t.cvExperiences.countryCode),
    place: placeRef("fields.place", (t) => t.cvExperiences.placeId),
    status: namesRef("cv.fields.status", "cv.statuses", "cvStatuses", (t) => t.cvExperiences.statusId),
    duration: namesRef("cv.fields.duration", "cv.durations", "cvDurations", (t) => t.cvExperiences.durationId),
    regime: namesRef("cv.fields.regime", "cv.regimes", "cvRegimes", (t) => t.cvExperiences.regimeId),
    isTraining: boolean("cv.fields.isTrainingExperience", (t) => t.cvExperiences.isTraining),
    startDate: date("fields.startDate", (t) => t.cvExperiences.startDate),
    endDate: date("fields.endDate", (t) => t.cvExperiences.endDate),
    durationText: text("cv.fields.durationText", (t) => t.cvExperiences.durationText, { max: 200, width: 10 }),
    terminationReason: text("cv.fields.terminationReason", (t) => t.cvExperiences.terminationReason, { max: 200 }),
    remarks: longText("fields.remarks", (t) => t.cvExperiences.remarks),
  },
  columns: ["client", "company", "function", "sector", "startDate", "endDate", "status", "regime"],
  hiddenColumns: ["id", "title", "country", "place", "duration", "isTraining", "durationText", "terminationReason"],
  titleField: "company",
  defaultSort: [{ field: "startDate", dir: "asc" }],
  access: cvRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "company", "title", "sector", "function", "isTraining"] },
        { fields: ["startDate", "endDate", "durationText", "status", "duration", "regime", "country", "place"] },
        { fields: ["terminationReason", "remarks"] },
      ],
    },
  ],
  insert: {
    fields: ["client", "company", "function", "sector", "startDate", "endDate", "status", "regime"],
    validate: periodInOrder,
  },
  beforeSave: datedEntryBeforeSave("cvExperiences"),
});

// ── Châtelet (lino_welcht): skills, soft skills, obstacles ──

export const skillsResource = defineResource({
  id: "cv.skills",
  title: "cv.skills",
  table: (t) => t.cvSkills,
  pk: (t) => t.cvSkills.id,
  version: (t) => t.cvSkills.version,
  fields: {
    id: integer("fields.id", (t) => t.cvSkills.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.cvSkills.clientId),
    sector: namesRef("cv.fields.sector", "cv.sectors", "cvSectors", (t) => t.cvSkills.sectorId),
    function: namesRef("cv.fields.function", "cv.functions", "cvFunctions", (t) => t.cvSkills.functionId),
    remark: text("cv.fields.competences", (t) => t.cvSkills.remark, { max: 200, width: 30 }),
    proof: namesRef("cv.fields.proof", "cv.proofs", "cvProofs", (t) => t.cvSkills.proofId),
  },
  columns: ["client", "sector", "function", "remark", "proof"],
  hiddenColumns: ["id"],
  titleField: "function",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: cvRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "sector", "function", "remark", "proof"] }],
    },
  ],
  insert: { fields: ["client", "sector", "function", "remark", "proof"] },
  beforeSave: clientOnly,
});

export const softSkillsResource = defineResource({
  id: "cv.softSkills",
  title: "cv.softSkills",
  table: (t) => t.cvSoftSkills,
  pk: (t) => t.cvSoftSkills.id,
  version: (t) => t.cvSoftSkills.version,
  fields: {
    id: integer("fields.id", (t) => t.cvSoftSkills.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.cvSoftSkills.clientId),
    type: namesRef("cv.fields.softSkillType", "cv.softSkillTypes", "cvSoftSkillTypes", (t) => t.cvSoftSkills.typeId),
    remark: text("fields.remark", (t) => t.cvSoftSkills.remark, { max: 200, width: 30 }),
    proof: namesRef("cv.fields.proof", "cv.proofs", "cvProofs", (t) => t.cvSoftSkills.proofId),
  },
  columns: ["client", "type", "remark", "proof"],
  hiddenColumns: ["id"],
  titleField: "type",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: cvRowsAccess,
  detail: [
    { key: "general", label: "resources.tabs.general", groups: [{ fields: ["client", "type", "remark", "proof"] }] },
  ],
  insert: { fields: ["client", "type", "remark", "proof"] },
  beforeSave: clientOnly,
});

export const obstaclesResource = defineResource({
  id: "cv.obstacles",
  title: "cv.obstacles",
  table: (t) => t.cvObstacles,
  pk: (t) => t.cvObstacles.id,
  version: (t) => t.cvObstacles.version,
  fields: {
    id: integer("fields.id", (t) => t.cvObstacles.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.cvObstacles.clientId),
    type: namesRef("cv.fields.obstacleType", "cv.obstacleTypes", "cvObstacleTypes", (t) => t.cvObstacles.typeId),
    // "Detected by": the user who records it (Lino sets it on save), not chosen.
    // Shown like every other user reference: the user's name, a link to the user for who may see users.
    user: {
      ...reference(
        "cv.fields.detectedBy",
        "users.users",
        (t) => t.cvObstacles.userId,
        (t) => userNameOf(t, q(t.cvObstacles.userId)),
        { width: 16 },
      ),
      input: undefined,
    },
    detectedDate: date("cv.fields.detectedDate", (t) => t.cvObstacles.detectedDate),
    remark: text("fields.remark", (t) => t.cvObstacles.remark, { max: 200, width: 30 }),
  },
  columns: ["client", "type", "user", "detectedDate", "remark"],
  hiddenColumns: ["id"],
  titleField: "type",
  defaultSort: [{ field: "detectedDate", dir: "desc" }],
  access: cvRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "type", "user", "detectedDate", "remark"] }],
    },
  ],
  insert: { fields: ["client", "type", "detectedDate", "remark"], defaults: () => ({ detectedDate: belgianToday() }) },
  beforeSave: async (tx, ctx, id, values) => {
    await assertClient(tx, ctx.handle.t, values.client);
    if (id === undefined) values.user = ctx.user.id;
  },
});

export const CV_CONFIG_RESOURCES = [
  educationLevelsResource,
  studyTypesResource,
  statusesResource,
  regimesResource,
  durationsResource,
  sectorsResource,
  functionsResource,
  proofsResource,
  softSkillTypesResource,
  obstacleTypesResource,
];
export const CV_CLIENT_RESOURCES = [
  languageKnowledgeResource,
  studiesResource,
  trainingsResource,
  experiencesResource,
  skillsResource,
  softSkillsResource,
  obstaclesResource,
];
