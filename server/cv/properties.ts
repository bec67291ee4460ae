import { and, eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { assertClient, clientRef } from "@/server/clients/client-rows";
import { AppError } from "@/server/errors";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource, type ResourceDef } from "@/server/resources/define";
import { choice, integer, localizedText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { howWell } from "./choices";

/**
 * Eupen's properties (domain-integ-money §2.1, Lino's `properties` with cv.PersonProperty): property
 * groups, property types and properties configured by career staff, and a client's properties in
 * three lists on the Career tab (skills, soft skills, obstacles: each the group its centre points
 * to). Shown where the centre uses Eupen's field set, as Châtelet's skills and obstacles are where
 * it uses Châtelet's.
 */

/** Which client list a property group feeds (Lino's site config propgroup_skills, _softskills, _obstacles). */
export const propGroupKinds = defineChoiceList("propGroupKinds", ["skills", "softSkills", "obstacles"]);
/** The choice lists a property type may take its values from; none: present or not (on/off). */
export const propChoiceLists = defineChoiceList("propChoiceLists", ["howWell"]);
/** The values of each choice list a property type may name. */
const CHOICE_VALUES: Record<string, readonly string[]> = { howWell: howWell.values };

type Tables = TenantTables;

const names = (table: "cvPropGroups" | "cvPropTypes" | "cvProperties", col: (t: Tables) => unknown) => (t: Tables) =>
  sql`(select ${t[table].names} from ${t[table]} where ${q(t[table].id)} = ${q(col(t) as never)})`;

const configAccess = { view: ["CareerUser"], edit: ["CareerStaff"] } satisfies ResourceDef["access"];

export const propGroupsResource = defineResource({
  id: "cv.propGroups",
  title: "cv.propGroups",
  table: (t) => t.cvPropGroups,
  pk: (t) => t.cvPropGroups.id,
  version: (t) => t.cvPropGroups.version,
  fields: {
    id: integer("fields.id", (t) => t.cvPropGroups.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.cvPropGroups.names, { required: true }),
    kind: choice("cv.fields.propGroupKind", (t) => t.cvPropGroups.kind, propGroupKinds),
  },
  columns: ["name", "kind"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: configAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "kind"] }],
      slaves: [{ resource: "cv.properties", label: "cv.properties", masterField: "group" }],
    },
  ],
  insert: { fields: ["name", "kind"] },
  // One group per list: choosing a list another group feeds is refused, naming the field.
  beforeSave: async (tx, ctx, id, values) => {
    if (!values.kind) return;
    const t = ctx.handle.t;
    const [other] = await tx
      .select({ id: t.cvPropGroups.id })
      .from(t.cvPropGroups)
      .where(
        and(
          eq(t.cvPropGroups.kind, String(values.kind)),
          id === undefined ? undefined : sql`${t.cvPropGroups.id} <> ${Number(id)}`,
        ),
      );
    if (other) throw new AppError("INVALID_INPUT", { field: "kind", messageKey: "cv.errors.kindTaken" });
  },
});

export const propTypesResource = defineResource({
  id: "cv.propTypes",
  title: "cv.propTypes",
  table: (t) => t.cvPropTypes,
  pk: (t) => t.cvPropTypes.id,
  version: (t) => t.cvPropTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.cvPropTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.cvPropTypes.names, { required: true }),
    choiceList: choice("cv.fields.choiceList", (t) => t.cvPropTypes.choiceList, propChoiceLists),
  },
  columns: ["name", "choiceList"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: configAccess,
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name", "choiceList"] }] }],
  insert: { fields: ["name", "choiceList"] },
});

export const propertiesResource = defineResource({
  id: "cv.properties",
  title: "cv.properties",
  table: (t) => t.cvProperties,
  pk: (t) => t.cvProperties.id,
  version: (t) => t.cvProperties.version,
  fields: {
    id: integer("fields.id", (t) => t.cvProperties.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.cvProperties.names, { required: true }),
    group: reference(
      "cv.fields.propGroup",
      "cv.propGroups",
      (t) => t.cvProperties.groupId,
      names("cvPropGroups", (t) => t.cvProperties.groupId),
      { required: true, localized: true },
    ),
    type: reference(
      "cv.fields.propType",
      "cv.propTypes",
      (t) => t.cvProperties.typeId,
      names("cvPropTypes", (t) => t.cvProperties.typeId),
      { required: true, localized: true },
    ),
  },
  columns: ["name", "group", "type"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "id", dir: "asc" }],
  access: configAccess,
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name", "group", "type"] }] }],
  insert: { fields: ["name", "group", "type"] },
});

type Kind = (typeof propGroupKinds.values)[number];

/**
 * A client's properties of one list: the rows of the group its centre points to, the property
 * chosen among that group's, its value from the property type's choice list (none for on/off).
 */
function personPropertiesOf(kind: Kind, id: string, title: string): ResourceDef {
  const groupOfKind = (t: Tables) =>
    sql`(select ${t.cvPropGroups.id} from ${t.cvPropGroups} where ${t.cvPropGroups.kind} = ${kind})`;
  return defineResource({
    id,
    title,
    table: (t) => t.cvPersonProperties,
    pk: (t) => t.cvPersonProperties.id,
    version: (t) => t.cvPersonProperties.version,
    scope: (t) => sql`${t.cvPersonProperties.groupId} = ${groupOfKind(t)}`,
    fields: {
      id: integer("fields.id", (t) => t.cvPersonProperties.id, { editable: false, plain: true, width: 6 }),
      client: clientRef((t) => t.cvPersonProperties.clientId),
      property: reference(
        "cv.fields.property",
        "cv.properties",
        (t) => t.cvPersonProperties.propertyId,
        names("cvProperties", (t) => t.cvPersonProperties.propertyId),
        {
          required: true,
          localized: true,
          width: 24,
          choices: (t) => sql`${t.cvProperties.groupId} = ${groupOfKind(t)}`,
        },
      ),
      // The list's group, set on save from the property (./properties.ts beforeSave), never chosen.
      group: {
        ...reference(
          "cv.fields.propGroup",
          "cv.propGroups",
          (t) => t.cvPersonProperties.groupId,
          names("cvPropGroups", (t) => t.cvPersonProperties.groupId),
          { localized: true },
        ),
        input: undefined,
      },
      value: choice("cv.fields.propValue", (t) => t.cvPersonProperties.value, howWell),
      remark: text("fields.remark", (t) => t.cvPersonProperties.remark, { max: 200, width: 30 }),
    },
    columns: ["client", "property", "value", "remark"],
    hiddenColumns: ["id", "group"],
    titleField: "property",
    defaultSort: [{ field: "id", dir: "asc" }],
    access: { view: ["CareerUser"], edit: ["CareerUser"], listAll: ["CareerStaff"] },
    detail: [
      {
        key: "general",
        label: "resources.tabs.general",
        groups: [{ fields: ["client", "property", "value", "remark"] }],
      },
    ],
    insert: { fields: ["client", "property", "value", "remark"] },
    normalize: (v) => ("value" in v ? { ...v, value: v.value ?? "" } : v),
    beforeSave: async (tx, ctx, rowId, values) => {
      const t = ctx.handle.t;
      await assertClient(tx, t, values.client);
      const [current] =
        rowId === undefined
          ? [undefined]
          : await tx
              .select({ propertyId: t.cvPersonProperties.propertyId, value: t.cvPersonProperties.value })
              .from(t.cvPersonProperties)
              .where(eq(t.cvPersonProperties.id, Number(rowId)));
      const propertyId = values.property === undefined ? current?.propertyId : Number(values.property);
      const value = values.value === undefined ? (current?.value ?? "") : String(values.value ?? "");
      const property = propertyId === undefined ? undefined : await propertyOf(tx, t, propertyId);
      // A property of this list's group only; a value from the property type's choice list when it
      // has one (an on/off type has none: Lino keeps whatever value is given, as here).
      if (!property || property.kind !== kind) throw new AppError("INVALID_INPUT", { field: "property" });
      if (property.choiceList !== null && value !== "" && !(CHOICE_VALUES[property.choiceList] ?? []).includes(value))
        throw new AppError("INVALID_INPUT", { field: "value", messageKey: "cv.errors.propValue" });
      values.group = property.groupId;
    },
  });
}

async function propertyOf(tx: TenantHandle["db"], t: Tables, id: number) {
  const [row] = await tx
    .select({ groupId: t.cvProperties.groupId, kind: t.cvPropGroups.kind, choiceList: t.cvPropTypes.choiceList })
    .from(t.cvProperties)
    .innerJoin(t.cvPropGroups, eq(t.cvPropGroups.id, t.cvProperties.groupId))
    .innerJoin(t.cvPropTypes, eq(t.cvPropTypes.id, t.cvProperties.typeId))
    .where(eq(t.cvProperties.id, id));
  return row;
}

export const personSkillsResource = personPropertiesOf("skills", "cv.personSkills", "cv.personSkills");
export const personSoftSkillsResource = personPropertiesOf("softSkills", "cv.personSoftSkills", "cv.personSoftSkills");
export const personObstaclesResource = personPropertiesOf("obstacles", "cv.personObstacles", "cv.personObstacles");

export const PROPERTY_CONFIG_RESOURCES = [propGroupsResource, propTypesResource, propertiesResource];
export const PROPERTY_CLIENT_RESOURCES = [personSkillsResource, personSoftSkillsResource, personObstaclesResource];
