import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import type { FilterDef } from "@/server/resources/define";
import { rowKey } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { CEF_LEVELS, cefLevels, cvLanguages } from "./choices";

/**
 * The integration clients' search on CV criteria (domain-integ-money §2.2; the seeds' advanced
 * search): each filter is an `exists` on one CV table by the client's index, so that they combine
 * with each other and with the client list's own filters, and each is named in the list's title.
 */

const client = (t: TenantTables) => q(t.partners.id);

/** A CEF level's rank, from the list's order (A0 = 1); a level no list names has none. */
const cefRank = (level: SQL | string) =>
  sql`array_position(array[${sql.join(
    CEF_LEVELS.map((l) => sql`${l}`),
    sql`, `,
  )}]::text[], ${level})`;

/** Knows the language (and, with a minimum level, at least that CEF level, or as a mother tongue). */
function knows(t: TenantTables, language: string | undefined, minLevel: string | undefined) {
  const k = t.cvLanguageKnowledge;
  const lang = language ? sql` and ${q(k.language)} = ${language}` : sql``;
  const level = minLevel
    ? sql` and (${q(k.native)} or ${cefRank(sql`${q(k.cefLevel)}`)} >= ${cefRank(minLevel)})`
    : sql``;
  return sql`exists (select 1 from ${k} where ${q(k.clientId)} = ${client(t)}${lang}${level})`;
}

/**
 * Has an experience, a training or (Châtelet) a skill in that sector, or with that function: one
 * `in (… union all …)`, which the planner hashes once, where an `or` of three `exists` is tried row by row.
 */
function workedIn(t: TenantTables, column: "sectorId" | "functionId", id: number) {
  const tables = [t.cvExperiences, t.cvTrainings, t.cvSkills];
  return sql`${client(t)} in (${sql.join(
    tables.map((x) => sql`select ${q(x.clientId)} from ${x} where ${q(x[column])} = ${id}`),
    sql` union all `,
  )})`;
}

/**
 * "Learning" (Châtelet): a study, training or experience covering the whole period (today when
 * none is given): started on or before its start, not ended before its end (Lino's observed event).
 */
function learning(t: TenantTables, all: Record<string, unknown>) {
  const period = (all.period ?? {}) as { from?: string; to?: string };
  const from = period.from ?? period.to ?? belgianToday();
  const to = period.to ?? from;
  const tables = [t.cvStudies, t.cvTrainings, t.cvExperiences];
  return sql`${client(t)} in (${sql.join(
    tables.map(
      (x) =>
        sql`select ${q(x.clientId)} from ${x} where (${q(x.startDate)} is null or ${q(x.startDate)} <= ${from}) and (${q(x.endDate)} is null or ${q(x.endDate)} >= ${to})`,
    ),
    sql` union all `,
  )})`;
}

const ref = (label: string, summary: string, resource: string, where: FilterDef["where"]): FilterDef => ({
  label,
  summary,
  widget: "ref",
  ref: resource,
  schema: rowKey,
  where,
});

export const cvClientFilters: Record<string, FilterDef> = {
  cvLanguage: {
    label: "cv.search.language",
    summary: "cv.search.languageSummary",
    widget: "choice",
    choices: cvLanguages,
    schema: z.string().min(1).max(40),
    where: (v: string, t, _ctx, all) => knows(t, v, typeof all.cvMinLevel === "string" ? all.cvMinLevel : undefined),
  },
  cvMinLevel: {
    label: "cv.search.minLevel",
    summary: "cv.search.minLevelSummary",
    widget: "choice",
    choices: cefLevels,
    schema: z.enum(CEF_LEVELS),
    // With a language, that language's filter reads the level; alone, any language at that level.
    where: (v: string, t, _ctx, all) => (typeof all.cvLanguage === "string" ? undefined : knows(t, undefined, v)),
  },
  cvSector: ref("cv.search.sector", "cv.search.sectorSummary", "cv.sectors", (v: number, t) =>
    workedIn(t, "sectorId", v),
  ),
  cvFunction: ref("cv.search.function", "cv.search.functionSummary", "cv.functions", (v: number, t) =>
    workedIn(t, "functionId", v),
  ),
  cvSoftSkill: ref(
    "cv.search.softSkill",
    "cv.search.softSkillSummary",
    "cv.softSkillTypes",
    (v: number, t) =>
      sql`exists (select 1 from ${t.cvSoftSkills} where ${q(t.cvSoftSkills.clientId)} = ${client(t)} and ${q(t.cvSoftSkills.typeId)} = ${v})`,
  ),
  cvObstacle: ref(
    "cv.search.obstacle",
    "cv.search.obstacleSummary",
    "cv.obstacleTypes",
    (v: number, t) =>
      sql`exists (select 1 from ${t.cvObstacles} where ${q(t.cvObstacles.clientId)} = ${client(t)} and ${q(t.cvObstacles.typeId)} = ${v})`,
  ),
  cvLearning: {
    label: "cv.search.learning",
    widget: "boolean",
    schema: z.boolean(),
    where: (v: boolean, t, _ctx, all) => (v ? learning(t, all) : undefined),
  },
};
