import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { clientRef } from "@/server/clients/client-rows";
import { namesOf } from "@/server/isip/config";
import { defineResource, type FieldDef, type ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { boolean, choice, filters, integer, longText, reference } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { ESF_FIELDS, esfFields, esfResults, fieldNameKey, hoursInput, hoursOf } from "./esf";
import {
  certifiedSummary,
  clearPrintedSummaryAction,
  printTrainingReportAction,
  revertEsfAction,
  summaryPrintedField,
} from "./esf-print";

type Tx = TenantHandle["db"];

/**
 * The figures of one statistical field: read as minutes (none when absent or zero), shown "h:mm";
 * typed "h:mm" by hand (`hoursInput`), written into the stored minutes, which marks the summary as
 * changed by a user (`userModified`, below): a recomputation then leaves it alone (§2.10).
 */
const hoursField = (value: string): FieldDef => ({
  type: "text",
  label: fieldNameKey(value),
  columnLabel: `integReports.esf.short.${value}`,
  width: 6,
  sortable: false,
  expr: (t) => {
    const v = sql`${q(t.esfSummaries.minutes)}->${value}`;
    return sql<number | null>`case when jsonb_typeof(${v}) = 'number' then nullif((${v})::numeric::int, 0) end`;
  },
  column: (t) => t.esfSummaries.minutes,
  jsonKey: value,
  input: hoursInput,
  present: (minutes) => (typeof minutes === "number" && minutes > 0 ? hoursOf(minutes) : ""),
});
const HOURS = Object.fromEntries(ESF_FIELDS.map((f) => [`h${f.value}`, hoursField(f.value)]));
const HOUR_COLUMNS = Object.keys(HOURS);

/** Marks a summary as changed by a user when an edit changes the hours of a field (a zero is no hours). */
async function markModified(tx: Tx, ctx: ResourceCtx, id: number, values: Record<string, unknown>) {
  const { t } = ctx.handle;
  const [row] = await tx
    .select({ minutes: t.esfSummaries.minutes })
    .from(t.esfSummaries)
    .where(eq(t.esfSummaries.id, id));
  const stored = (row?.minutes ?? {}) as Record<string, unknown>;
  const asMinutes = (v: unknown) => (typeof v === "number" && v > 0 ? v : null);
  const changed = HOUR_COLUMNS.some(
    (name) => name in values && asMinutes(stored[name.slice(1)]) !== asMinutes(values[name]),
  );
  if (changed) await tx.update(t.esfSummaries).set({ userModified: true }).where(eq(t.esfSummaries.id, id));
}

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
    year: integer("integReports.esf.year", (t) => t.esfSummaries.year, { editable: false, plain: true, width: 8 }),
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
    result: choice("integReports.esf.result", (t) => t.esfSummaries.result, esfResults),
    remark: longText("fields.remarks", (t) => t.esfSummaries.remark),
    userModified: boolean("integReports.esf.userModified", (t) => t.esfSummaries.userModified, { editable: false }),
    printed: summaryPrintedField,
    ...HOURS,
  },
  columns: ["client", "year", ...HOUR_COLUMNS],
  hiddenColumns: [
    "id",
    "educationLevel",
    "childrenAtCharge",
    "certifiedHandicap",
    "otherDifficulty",
    "result",
    "userModified",
    "printed",
  ],
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
    result: filters.choice("integReports.esf.result", esfResults, (t) => t.esfSummaries.result),
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
        { fields: ["client", "year", "printed"] },
        { fields: ["educationLevel", "childrenAtCharge", "certifiedHandicap", "otherDifficulty", "result"] },
        { label: "integReports.esf.hours", fields: [...HOUR_COLUMNS, "userModified"] },
        { fields: ["remark"] },
      ],
    },
  ],
  // The stored minutes rebuilt from every field's hours after the edit: a field emptied leaves no key.
  derive: (values) => ({
    minutes: Object.fromEntries(
      ESF_FIELDS.flatMap((f) => {
        const m = values[`h${f.value}`];
        return typeof m === "number" && m > 0 ? [[f.value, m]] : [];
      }),
    ),
  }),
  // Hours typed by hand mark the summary: a recomputation keeps them until "Back to the computed values".
  beforeSave: async (tx, ctx, id, values) => {
    if (id !== undefined && HOUR_COLUMNS.some((name) => name in values))
      await markModified(tx, ctx, Number(id), values);
  },
  // Printing the Training report certifies the summary (Lino's esf): what it shows stays as printed until "Clear printed".
  certified: certifiedSummary,
  actions: [printTrainingReportAction, clearPrintedSummaryAction, revertEsfAction],
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
