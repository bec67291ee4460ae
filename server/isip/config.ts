import { sql, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { entryTypeNameOf } from "@/server/calendar/config";
import { recurrenceUnits } from "@/server/calendar/recurrent-events";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import { boolean, choice, integer, localizedText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { isipClauses } from "./clauses";
import { OVERLAP_GROUPS } from "./rules";

/** Configuration of the contracts (domain-integ-money §2.3–2.4): exam policies, endings, ISIP types. Configure → Integration. */

export const overlapGroups = defineChoiceList("overlapGroups", OVERLAP_GROUPS);

/** The localized name of the row of `table` whose id is `id` (an outer row's column). */
export const namesOf = (table: { id: AnyPgColumn; names: AnyPgColumn } & SQLWrapper, id: SQLWrapper) =>
  sql`(select ${table.names} from ${table} where ${q(table.id)} = ${id})`;

const CONFIG_ACCESS = { view: ["SocialUser" as const, "SocialCoordinator" as const], edit: ["SocialStaff" as const] };

export const examPoliciesResource = defineResource({
  id: "isip.examPolicies",
  title: "isip.examPolicies.title",
  table: (t) => t.examPolicies,
  pk: (t) => t.examPolicies.id,
  version: (t) => t.examPolicies.version,
  fields: {
    id: integer("fields.id", (t) => t.examPolicies.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.examPolicies.names, { required: true }),
    every: integer("resources.recurrentEvents.every", (t) => t.examPolicies.every, {
      min: 1,
      max: 999,
      width: 6,
      required: true,
    }),
    everyUnit: choice("resources.recurrentEvents.everyUnit", (t) => t.examPolicies.everyUnit, recurrenceUnits),
    maxEvents: integer("resources.recurrentEvents.maxEvents", (t) => t.examPolicies.maxEvents, {
      min: 1,
      max: 999,
      width: 6,
    }),
    entryType: reference(
      "isip.examPolicies.entryType",
      "calendar.entryTypes",
      (t) => t.examPolicies.entryTypeId,
      (t) => entryTypeNameOf(t, q(t.examPolicies.entryTypeId)),
      { localized: true },
    ),
  },
  columns: ["name", "every", "everyUnit", "maxEvents", "entryType"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: CONFIG_ACCESS,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "entryType"] }, { fields: ["every", "everyUnit", "maxEvents"] }],
    },
  ],
  insert: { fields: ["name", "every", "everyUnit", "entryType"], defaults: () => ({ every: 1, everyUnit: "monthly" }) },
});

export const contractEndingsResource = defineResource({
  id: "isip.endings",
  title: "isip.endings.title",
  table: (t) => t.contractEndings,
  pk: (t) => t.contractEndings.id,
  version: (t) => t.contractEndings.version,
  fields: {
    id: integer("fields.id", (t) => t.contractEndings.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.contractEndings.names, { required: true }),
    useInIsip: boolean("isip.endings.useInIsip", (t) => t.contractEndings.useInIsip),
    useInJobs: boolean("isip.endings.useInJobs", (t) => t.contractEndings.useInJobs),
    isSuccess: boolean("isip.endings.isSuccess", (t) => t.contractEndings.isSuccess),
    needsDateEnded: boolean("isip.endings.needsDateEnded", (t) => t.contractEndings.needsDateEnded),
  },
  columns: ["name", "useInIsip", "useInJobs", "isSuccess", "needsDateEnded"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: CONFIG_ACCESS,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name"] }, { fields: ["useInIsip", "useInJobs", "isSuccess", "needsDateEnded"] }],
    },
  ],
  insert: {
    fields: ["name", "useInIsip", "useInJobs", "isSuccess", "needsDateEnded"],
    defaults: () => ({ useInIsip: true, useInJobs: true }),
  },
});

/** The fields every contract type has (§2.3 ContractTypeBase); `types` is the kind's types table. */
export const contractTypeFields = (types: (t: TenantTables) => TenantTables["isipContractTypes"]) => ({
  id: integer("fields.id", (t) => types(t).id, { editable: false, plain: true, width: 6 }),
  name: localizedText("fields.name", (t) => types(t).names, { required: true }),
  fullName: localizedText("isip.types.fullName", (t) => types(t).fullNames),
  ref: text("isip.types.ref", (t) => types(t).ref, { max: 20, width: 8 }),
  examPolicy: reference(
    "isip.examPolicy",
    "isip.examPolicies",
    (t) => types(t).examPolicyId,
    (t) => namesOf(t.examPolicies, q(types(t).examPolicyId)),
    { localized: true },
  ),
  overlapGroup: choice("isip.types.overlapGroup", (t) => types(t).overlapGroup, overlapGroups),
});

export const isipTypesResource = defineResource({
  id: "isip.types",
  title: "isip.types.title",
  table: (t) => t.isipContractTypes,
  pk: (t) => t.isipContractTypes.id,
  version: (t) => t.isipContractTypes.version,
  fields: {
    ...contractTypeFields((t) => t.isipContractTypes),
    needsStudyType: boolean("isip.types.needsStudyType", (t) => t.isipContractTypes.needsStudyType),
    // Which of the person's duties the print adds for this type (server/isip/clauses.ts).
    printedClauses: choice("isip.types.printedClauses", (t) => t.isipContractTypes.printedClauses, isipClauses),
  },
  columns: ["name", "ref", "examPolicy", "overlapGroup", "needsStudyType"],
  hiddenColumns: ["id", "fullName", "printedClauses"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: CONFIG_ACCESS,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["name", "fullName", "ref"] },
        { fields: ["examPolicy", "overlapGroup", "needsStudyType", "printedClauses"] },
      ],
    },
  ],
  insert: { fields: ["name", "examPolicy", "overlapGroup"], defaults: () => ({ overlapGroup: "contracts" }) },
});
