import { sql } from "drizzle-orm";
import { z } from "zod";
import { clientRef } from "@/server/clients/client-rows";
import { namesOf } from "@/server/isip/config";
import { defineResource, type FieldDef } from "@/server/resources/define";
import { boolean, choice, integer, longText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { ESF_FIELDS, esfFields } from "./esf";

/** The figures of one statistical field as "h:mm", read from the stored minutes; empty when none. */
const hoursField = (value: string): FieldDef => ({
  type: "text",
  label: `integReports.esf.short.${value}`,
  width: 6,
  sortable: false,
  expr: (t) => {
    const m = sql`(${q(t.esfSummaries.minutes)}->>${value})::int`;
    return sql<string>`case when ${m} is null or ${m} = 0 then '' else (${m} / 60)::text || ':' || lpad((${m} % 60)::text, 2, '0') end`;
  },
});
const HOURS = Object.fromEntries(ESF_FIELDS.map((f) => [`h${f.value}`, hoursField(f.value)]));
const HOUR_COLUMNS = Object.keys(HOURS);

/** Clients' yearly ESF summaries (§2.10): integration users, on the client and as one list per year. */
export const esfSummariesResource = defineResource({
  id: "integ.esfSummaries",
  title: "integReports.esf.title",
  table: (t) => t.esfSummaries,
  pk: (t) => t.esfSummaries.id,
  version: (t) => t.esfSummaries.version,
  fields: {
    id: integer("fields.id", (t) => t.esfSummaries.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.esfSummaries.clientId),
    year: integer("integReports.esf.year", (t) => t.esfSummaries.year, { editable: false, plain: true, width: 6 }),
    educationLevel: reference(
      "integReports.esf.educationLevel",
      "cv.educationLevels",
      (t) => t.esfSummaries.educationLevelId,
      (t) => namesOf(t.cvEducationLevels, q(t.esfSummaries.educationLevelId)),
      { localized: true },
    ),
    childrenAtCharge: integer("integReports.esf.childrenAtCharge", (t) => t.esfSummaries.childrenAtCharge, {
      min: 0,
      max: 99,
      width: 6,
    }),
    certifiedHandicap: boolean("integReports.esf.certifiedHandicap", (t) => t.esfSummaries.certifiedHandicap),
    otherDifficulty: boolean("integReports.esf.otherDifficulty", (t) => t.esfSummaries.otherDifficulty),
    result: text("integReports.esf.result", (t) => t.esfSummaries.result, { max: 200 }),
    remark: longText("fields.remarks", (t) => t.esfSummaries.remark),
    ...HOURS,
  },
  columns: ["client", "year", ...HOUR_COLUMNS],
  hiddenColumns: ["id", "educationLevel", "childrenAtCharge", "certifiedHandicap", "otherDifficulty", "result"],
  titleField: "year",
  filters: {
    year: {
      label: "integReports.esf.year",
      widget: "text",
      schema: z
        .string()
        .trim()
        .regex(/^\d{4}$/),
      where: (v: string, t) => sql`${t.esfSummaries.year} = ${Number(v)}`,
    },
  },
  defaultSort: [
    { field: "year", dir: "desc" },
    { field: "client", dir: "asc" },
  ],
  access: { view: ["IntegUser"], edit: ["IntegUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["client", "year"] },
        { fields: ["educationLevel", "childrenAtCharge", "certifiedHandicap", "otherDifficulty", "result"] },
        { label: "integReports.esf.hours", fields: HOUR_COLUMNS },
        { fields: ["remark"] },
      ],
    },
  ],
});

/** Which calendar entry types count in which statistical field (Lino: the entry type's `esf_field`). */
export const esfEntryTypesResource = defineResource({
  id: "integ.esfEntryTypes",
  title: "integReports.esf.entryTypes",
  table: (t) => t.esfEntryTypes,
  pk: (t) => t.esfEntryTypes.id,
  version: (t) => t.esfEntryTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.esfEntryTypes.id, { editable: false, plain: true, width: 6 }),
    entryType: reference(
      "integReports.esf.entryType",
      "calendar.entryTypes",
      (t) => t.esfEntryTypes.entryTypeId,
      (t) => namesOf(t.entryTypes, q(t.esfEntryTypes.entryTypeId)),
      { localized: true, required: true },
    ),
    field: choice("integReports.esf.field", (t) => t.esfEntryTypes.field, esfFields, { required: true }),
  },
  columns: ["entryType", "field"],
  hiddenColumns: ["id"],
  titleField: "field",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: { view: ["IntegUser"], edit: ["IntegrationStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["entryType", "field"] }] }],
  insert: { fields: ["entryType", "field"] },
});
