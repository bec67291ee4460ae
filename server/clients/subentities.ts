import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TenantTables } from "@/db/tenant/tables";
import { AppError } from "@/server/errors";
import type { Role } from "@/server/auth/user-types";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { boolean, date, integer, localizedText, longText, reference, text } from "@/server/resources/fields";
import { clientOnly, clientRef } from "./client-rows";
import { belgianToday } from "@/lib/format";

/**
 * The small entities of a client's file (domain-people §3.8): integration phases, dispenses from
 * job search and their reasons, exclusions from unemployment benefit and their types, convictions.
 * Social workers see and edit them on the client; the global lists and the configuration of the
 * reasons and types are for social staff.
 */

type Table = "personGroups" | "dispenseReasons" | "exclusionTypes";

/** A configurable list of names in the four languages (reasons, types, phases). */
function namesTable(
  id: string,
  title: string,
  table: Table,
  extra: Partial<Pick<ResourceDef, "fields" | "columns">> & { view?: Role[] } = {},
): ResourceDef {
  const fields = {
    id: integer("fields.id", (t) => t[table].id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t[table].names, { required: true }),
    ...extra.fields,
  };
  const shown = ["name", ...(extra.columns ?? [])];
  return defineResource({
    id,
    title,
    table: (t) => t[table],
    pk: (t) => t[table].id,
    version: (t) => t[table].version,
    fields,
    columns: shown,
    hiddenColumns: ["id"],
    titleField: "name",
    defaultSort: [{ field: "id", dir: "asc" }],
    access: { view: extra.view ?? ["SocialUser"], edit: ["SocialStaff"] },
    detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: shown }] }],
    insert: { fields: shown },
  });
}

const namesOf = (t: TenantTables, table: Table, id: AnyPgColumn) =>
  sql`(select ${t[table].names} from ${t[table]} where ${q(t[table].id)} = ${q(id)})`;

/**
 * Integration phases ("PersonGroup"): a client's `group`; the ref name is a column of "users with their
 * clients". Every client editor picks it on the Aids tab (Lino shows it to all), so every reader of
 * clients reads the phases.
 */
export const personGroupsResource = namesTable("clients.personGroups", "resources.personGroups.title", "personGroups", {
  view: ["SimpleContactsUser"],
  fields: {
    refName: text("resources.personGroups.refName", (t) => t.personGroups.refName, { max: 20, width: 8 }),
    active: boolean("resources.personGroups.active", (t) => t.personGroups.active),
  },
  columns: ["refName", "active"],
});
export const dispenseReasonsResource = namesTable(
  "clients.dispenseReasons",
  "resources.dispenseReasons.title",
  "dispenseReasons",
);
export const exclusionTypesResource = namesTable(
  "clients.exclusionTypes",
  "resources.exclusionTypes.title",
  "exclusionTypes",
);

/** A reference to a phase, reason or type, shown in the reader's language. */
export const namesRef = (label: string, resource: string, table: Table, col: (t: TenantTables) => AnyPgColumn) =>
  reference(label, resource, col, (t) => namesOf(t, table, col(t)), { localized: true });

/** Rows of a client's file: SocialUser on the client's detail, the global list for SocialStaff. */
const clientRowsAccess = {
  view: ["SocialUser"],
  edit: ["SocialUser"],
  listAll: ["SocialStaff"],
} satisfies ResourceDef["access"];

const periodInOrder = (from: string, until: string) => (_ctx: ResourceCtx, v: Record<string, unknown>) => {
  if (v[from] && v[until] && String(v[until]) < String(v[from])) throw new AppError("INVALID_INPUT", { field: until });
};

export const dispensesResource = defineResource({
  id: "clients.dispenses",
  title: "resources.dispenses.title",
  table: (t) => t.dispenses,
  pk: (t) => t.dispenses.id,
  version: (t) => t.dispenses.version,
  fields: {
    id: integer("fields.id", (t) => t.dispenses.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.dispenses.clientId),
    reason: namesRef(
      "resources.dispenses.reason",
      "clients.dispenseReasons",
      "dispenseReasons",
      (t) => t.dispenses.reasonId,
    ),
    startDate: date("fields.startDate", (t) => t.dispenses.startDate),
    endDate: date("fields.endDate", (t) => t.dispenses.endDate),
    remarks: longText("fields.remarks", (t) => t.dispenses.remarks),
  },
  columns: ["client", "reason", "startDate", "endDate", "remarks"],
  hiddenColumns: ["id"],
  titleField: "reason",
  defaultSort: [{ field: "startDate", dir: "desc" }],
  access: clientRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "reason", "startDate", "endDate", "remarks"] }],
    },
  ],
  insert: {
    fields: ["client", "reason", "startDate", "endDate", "remarks"],
    validate: periodInOrder("startDate", "endDate"),
  },
  beforeSave: clientOnly,
});

export const exclusionsResource = defineResource({
  id: "clients.exclusions",
  title: "resources.exclusions.title",
  table: (t) => t.exclusions,
  pk: (t) => t.exclusions.id,
  version: (t) => t.exclusions.version,
  fields: {
    id: integer("fields.id", (t) => t.exclusions.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.exclusions.clientId),
    type: namesRef("resources.exclusions.type", "clients.exclusionTypes", "exclusionTypes", (t) => t.exclusions.typeId),
    excludedFrom: date("resources.exclusions.excludedFrom", (t) => t.exclusions.excludedFrom),
    excludedUntil: date("resources.exclusions.excludedUntil", (t) => t.exclusions.excludedUntil),
    remark: text("fields.remark", (t) => t.exclusions.remark, { max: 200 }),
  },
  columns: ["client", "type", "excludedFrom", "excludedUntil", "remark"],
  hiddenColumns: ["id"],
  titleField: "type",
  defaultSort: [{ field: "excludedFrom", dir: "desc" }],
  access: clientRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "type", "excludedFrom", "excludedUntil", "remark"] }],
    },
  ],
  insert: {
    fields: ["client", "type", "excludedFrom", "excludedUntil", "remark"],
    validate: periodInOrder("excludedFrom", "excludedUntil"),
  },
  beforeSave: clientOnly,
});

export const convictionsResource = defineResource({
  id: "clients.convictions",
  title: "resources.convictions.title",
  table: (t) => t.convictions,
  pk: (t) => t.convictions.id,
  version: (t) => t.convictions.version,
  fields: {
    id: integer("fields.id", (t) => t.convictions.id, { editable: false, plain: true, width: 6 }),
    client: clientRef((t) => t.convictions.clientId),
    date: date("fields.date", (t) => t.convictions.date, { required: true }),
    prejudicial: boolean("resources.convictions.prejudicial", (t) => t.convictions.prejudicial),
    designation: text("resources.convictions.designation", (t) => t.convictions.designation, { max: 200, width: 30 }),
  },
  columns: ["client", "date", "prejudicial", "designation"],
  hiddenColumns: ["id"],
  titleField: "designation",
  defaultSort: [{ field: "date", dir: "desc" }],
  access: clientRowsAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "date", "prejudicial", "designation"] }],
    },
  ],
  insert: { fields: ["client", "date", "prejudicial", "designation"], defaults: () => ({ date: belgianToday() }) },
  beforeSave: clientOnly,
});

export const CLIENT_FILE_RESOURCES = [
  personGroupsResource,
  dispenseReasonsResource,
  exclusionTypesResource,
  dispensesResource,
  exclusionsResource,
  convictionsResource,
];
