import { sql } from "drizzle-orm";
import type { ActionDef } from "@/server/resources/define";
import { rowKey } from "@/server/resources/fields";
import { createHousehold } from "./service";

/**
 * "Create household" on a client (domain-people §4): this person as head, an optional partner and
 * a household type. The parameters are read only through `run`; their `expr` is never queried.
 */
export const createHouseholdAction: ActionDef = {
  name: "createHousehold",
  label: "resources.households.create",
  roles: ["ContactsUser"],
  params: {
    partner: {
      type: "ref",
      label: "resources.households.partner",
      expr: () => sql`null`,
      input: rowKey.nullable(),
      ref: { resource: "contacts.persons", display: () => sql`null` },
    },
    type: {
      type: "ref",
      label: "resources.households.type",
      expr: () => sql`null`,
      input: rowKey.nullable(),
      ref: { resource: "households.types", display: () => sql`null`, localized: true },
    },
  },
  run: async (ctx, id, params) => {
    await createHousehold(
      ctx,
      Number(id),
      (params.partner as number | null | undefined) ?? null,
      (params.type as number | null | undefined) ?? null,
    );
  },
};
