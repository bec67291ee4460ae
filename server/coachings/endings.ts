import { sql, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { defineResource } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { integer, localizedText, reference } from "@/server/resources/fields";

/** The `{fr, nl, de, en}` name of the service whose id is `id` (an outer row's column, qualified). */
export const coachingTypeNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.coachingTypes.names} from ${t.coachingTypes} where ${q(t.coachingTypes.id)} = ${id})`;

/** The name of the termination reason whose id is `id`. */
export const coachingEndingNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.coachingEndings.names} from ${t.coachingEndings} where ${q(t.coachingEndings.id)} = ${id})`;

/**
 * Why coachings end (Lino's "coaching termination reasons", domain-people §8); a reason tied to a
 * service may only end coachings of that service.
 */
export const coachingEndingsResource = defineResource({
  id: "coachings.endings",
  title: "resources.coachingEndings.title",
  table: (t) => t.coachingEndings,
  pk: (t) => t.coachingEndings.id,
  version: (t) => t.coachingEndings.version,
  fields: {
    id: integer("fields.id", (t) => t.coachingEndings.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.coachingEndings.names, { required: true }),
    coachingType: reference(
      "resources.coachings.coachingType",
      "coachings.types",
      (t) => t.coachingEndings.coachingTypeId,
      (t) => coachingTypeNameOf(t, q(t.coachingEndings.coachingTypeId)),
      { localized: true },
    ),
  },
  columns: ["name", "coachingType"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["CoachingsUser"], edit: ["CoachingsStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name", "coachingType"] }] }],
  insert: { fields: ["name", "coachingType"] },
});
