import { and, eq, sql, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { ageInYears, clientNameOf } from "@/server/clients/sql";
import { countryRef, placeRef } from "@/server/geo/fields";
import { genders } from "@/server/clients/choices";
import { AppError } from "@/server/errors";
import { defineResource, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import {
  boolean,
  choice,
  date,
  filters,
  integer,
  localizedText,
  reference,
  text,
  wordSearch,
} from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { householdRoles, linkTypes, memberDependencies } from "./choices";
import { assertHouseholdTypeExists, createAutomaticLinks, demoteOtherPrimaries } from "./service";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { householdSummarySql, linkSentenceSql } from "./texts";

type Col = (t: TenantTables) => AnyPgColumn;
// Household columns are a little wider than the shared default.
const ref = (
  label: string,
  resource: string,
  col: Col,
  display: (t: TenantTables) => SQLWrapper,
  opts: Parameters<typeof reference>[4] = {},
) => reference(label, resource, col, display, { width: 22, ...opts });
/** "EVERS Eberhart (127)" of the partner a column points to. */
const personName = (col: Col) => (t: TenantTables) => clientNameOf(t, q(col(t)));
const householdName = (col: (t: TenantTables) => AnyPgColumn) => (t: TenantTables) =>
  sql`(select trim(${t.partners.prefix} || ' ' || ${t.partners.name}) from ${t.partners} where ${q(t.partners.id)} = ${q(col(t))})`;
const typeIdOf = (t: TenantTables) =>
  sql`(select ${t.households.typeId} from ${t.households} where ${q(t.households.partnerId)} = ${q(t.partners.id)})`;

/** Married couple, divorced couple, factual household… configured per centre. */
export const householdTypesResource = defineResource({
  id: "households.types",
  title: "resources.householdTypes.title",
  table: (t) => t.householdTypes,
  pk: (t) => t.householdTypes.id,
  version: (t) => t.householdTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.householdTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.householdTypes.names, { required: true }),
  },
  columns: ["name"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["ContactsUser"], edit: ["ContactsStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name"] }], slaves: [] }],
  insert: { fields: ["name"] },
});

/** Household fields written to the partner row (the type has its own row). */
const PARTNER_COLUMNS = {
  name: "name",
  prefix: "prefix",
  street: "street",
  streetNo: "streetNo",
  streetBox: "streetBox",
  zipCode: "zipCode",
  place: "placeId",
  country: "countryCode",
} as const;
const partnerValues = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(PARTNER_COLUMNS)
      .filter(([field]) => field in values)
      .map(([field, column]) => [column, values[field]]),
  );

const HOUSEHOLDS = "households.households";

/** Households: partners of kind 'household' with their type, members and summary (domain-people §4). */
export const householdsResource: ResourceDef = defineResource({
  id: "households.households",
  title: "resources.households.title",
  countLabel: "relations.households",
  table: (t) => t.partners,
  pk: (t) => t.partners.id,
  version: (t) => t.partners.version,
  scope: (t) => sql`${t.partners.kind} = 'household'`,
  fields: {
    id: integer("fields.id", (t) => t.partners.id, { editable: false, plain: true, width: 7 }),
    name: text("fields.name", (t) => t.partners.name, { required: true, width: 26 }),
    prefix: text("resources.households.prefix", (t) => t.partners.prefix, { max: 200, width: 18 }),
    type: {
      ...ref(
        "resources.households.type",
        "households.types",
        (t) => t.partners.id,
        (t) =>
          sql`(select ${t.householdTypes.names} from ${t.householdTypes} where ${q(t.householdTypes.id)} = ${typeIdOf(t)})`,
        { localized: true },
      ),
      expr: typeIdOf,
      column: undefined,
    },
    summary: {
      type: "localized",
      label: "resources.households.summary",
      width: 24,
      sortable: false,
      expr: (t) => householdSummarySql(t, q(t.partners.id)),
    },
    street: text("fields.street", (t) => t.partners.street),
    streetNo: text("fields.streetNo", (t) => t.partners.streetNo, { max: 20, width: 6 }),
    streetBox: text("fields.streetBox", (t) => t.partners.streetBox, { max: 20, width: 6 }),
    zipCode: text("fields.zipCode", (t) => t.partners.zipCode, { max: 10, width: 8 }),
    place: placeRef("fields.place", (t) => t.partners.placeId, { width: 22 }),
    country: countryRef("fields.country", (t) => t.partners.countryCode, { width: 22 }),
  },
  columns: ["name", "prefix", "type", "summary", "street", "zipCode", "place"],
  hiddenColumns: ["id", "streetNo", "country"],
  titleField: "name",
  filters: {
    type: {
      label: "resources.households.type",
      widget: "ref",
      ref: "households.types",
      schema: z.number().int(),
      where: (v: number, t) => sql`${typeIdOf(t)} = ${v}`,
    },
  },
  // The partners' folded, trigram-indexed search text (db/tenant/contacts.ts).
  search: wordSearch(
    (t) => ({ folded: t.partners.searchText }),
    (t) => [t.partners.id],
  ),
  defaultSort: [{ field: "name", dir: "asc" }],
  // Deleting follows editing, as for clients (see clients.clients): protection comes from the refusals.
  access: { view: ["ContactsUser"], edit: ["ContactsUser"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["id", "prefix", "name", "type", "summary"] },
        { fields: ["street", "streetNo", "streetBox", "zipCode", "place", "country"] },
      ],
      slaves: [{ resource: "households.members", label: "resources.householdMembers.title", masterField: "household" }],
    },
  ],
  insert: { fields: ["prefix", "name", "type"] },
  // The type lives in `households`, so writes go to both rows in one audited transaction.
  hooks: {
    create: async (ctx, values) => {
      const { db, t } = ctx.handle;
      return db.transaction(async (tx) => {
        await assertHouseholdTypeExists(tx as never, t, values.type);
        const [row] = await tx
          .insert(t.partners)
          .values({ kind: "household", language: ctx.user.language, ...partnerValues(values) } as never)
          .returning({ id: t.partners.id });
        await tx
          .insert(t.households)
          .values({ partnerId: row!.id, typeId: (values.type as number | null | undefined) ?? null });
        await writeAudit(tx, t, actorOf(ctx.user), rowChange(HOUSEHOLDS, "create", row!.id, created(values)));
        return { id: row!.id };
      });
    },
    update: async (ctx, id, version, patch) => updateHousehold(ctx, Number(id), version, patch),
  },
});

async function updateHousehold(ctx: ResourceCtx, id: number, version: number, patch: Record<string, unknown>) {
  const { db, t } = ctx.handle;
  await db.transaction(async (tx) => {
    // The partner row alone is locked: PostgreSQL refuses a schema-qualified `FOR UPDATE OF`.
    const [locked] = await tx
      .select({
        version: t.partners.version,
        name: t.partners.name,
        prefix: t.partners.prefix,
        street: t.partners.street,
        streetNo: t.partners.streetNo,
        streetBox: t.partners.streetBox,
        zipCode: t.partners.zipCode,
        place: t.partners.placeId,
        country: t.partners.countryCode,
      })
      .from(t.partners)
      .where(and(eq(t.partners.id, id), eq(t.partners.kind, "household")))
      .for("update");
    if (!locked) throw new AppError("NOT_FOUND");
    const [household] = await tx
      .select({ type: t.households.typeId })
      .from(t.households)
      .where(eq(t.households.partnerId, id));
    const before = { ...locked, type: household?.type ?? null };
    if (before.version !== version) throw new AppError("STALE_EDIT");
    await tx
      .update(t.partners)
      .set({ ...partnerValues(patch), modifiedAt: new Date(), version: sql`${t.partners.version} + 1` } as never)
      .where(eq(t.partners.id, id));
    if ("type" in patch) {
      await assertHouseholdTypeExists(tx as never, t, patch.type);
      await tx
        .insert(t.households)
        .values({ partnerId: id, typeId: patch.type as number | null })
        .onConflictDoUpdate({ target: t.households.partnerId, set: { typeId: patch.type as number | null } });
    }
    const changes = Object.fromEntries(
      Object.entries(patch)
        .filter(([k, v]) => JSON.stringify(before[k as keyof typeof before] ?? null) !== JSON.stringify(v ?? null))
        .map(([k, v]) => [k, { from: before[k as keyof typeof before] ?? null, to: v }]),
    );
    await writeAudit(tx, t, actorOf(ctx.user), rowChange(HOUSEHOLDS, "update", id, changes));
  });
}

const m = (t: TenantTables) => t.householdMembers;
/** A column of the member's person. */
const ofPerson = (t: TenantTables, value: SQLWrapper) =>
  sql`(select ${value} from ${t.partners} where ${q(t.partners.id)} = ${q(t.householdMembers.personId)})`;

/** Who lives in a household, in which role and dependency; slave of households and of clients. */
export const householdMembersResource = defineResource({
  id: "households.members",
  title: "resources.householdMembers.title",
  table: m,
  pk: (t) => t.householdMembers.id,
  version: (t) => t.householdMembers.version,
  fields: {
    id: integer("fields.id", (t) => t.householdMembers.id, { editable: false, plain: true, width: 6 }),
    household: ref(
      "resources.householdMembers.household",
      "households.households",
      (t) => t.householdMembers.householdId,
      householdName((t) => t.householdMembers.householdId),
      { required: true, createOnly: true },
    ),
    person: ref(
      "resources.householdMembers.person",
      "contacts.persons",
      (t) => t.householdMembers.personId,
      personName((t) => t.householdMembers.personId),
      { required: true, createOnly: true },
    ),
    role: choice("resources.householdMembers.role", (t) => t.householdMembers.role, householdRoles, { required: true }),
    dependency: choice(
      "resources.householdMembers.dependency",
      (t) => t.householdMembers.dependency,
      memberDependencies,
      { required: true },
    ),
    primary: boolean("resources.householdMembers.primary", (t) => t.householdMembers.primary),
    startDate: date("fields.startDate", (t) => t.householdMembers.startDate),
    endDate: date("fields.endDate", (t) => t.householdMembers.endDate),
    birthDate: {
      type: "date",
      incomplete: true,
      label: "fields.birthDate",
      expr: (t) => ofPerson(t, t.partners.birthDate),
    },
    age: { type: "integer", label: "fields.age", width: 6, expr: (t) => ofPerson(t, ageInYears(t.partners)) },
    gender: {
      type: "choice",
      label: "fields.gender",
      width: 8,
      choices: genders,
      expr: (t) => ofPerson(t, t.partners.gender),
    },
  },
  columns: ["person", "role", "dependency", "age", "gender", "primary", "household", "startDate", "endDate"],
  hiddenColumns: ["id", "birthDate"],
  titleField: "person",
  filters: { role: filters.choice("resources.householdMembers.role", householdRoles, (t) => t.householdMembers.role) },
  // The composition's order: by birth date, unknown ones first.
  defaultSort: [{ field: "birthDate", dir: "asc" }],
  // On a household or a person for contacts users; the list of every membership is contacts staff's (Lino's households.Members).
  access: { view: ["ContactsUser"], edit: ["ContactsUser"], listAll: ["ContactsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["household", "person", "role", "dependency", "primary", "startDate", "endDate"] }],
    },
  ],
  insert: {
    fields: ["household", "person", "role", "dependency", "primary", "startDate", "endDate"],
    defaults: () => ({ role: "05", dependency: "02" }),
  },
  // One primary household per person; a child (or parent) joining gets the automatic links.
  beforeSave: async (tx, ctx, id, values) => {
    const t = ctx.handle.t;
    const [current] =
      id === undefined
        ? [undefined]
        : await tx
            .select()
            .from(t.householdMembers)
            .where(eq(t.householdMembers.id, Number(id)));
    const personId = Number(values.person ?? current?.personId);
    const householdId = Number(values.household ?? current?.householdId);
    const role = String(values.role ?? current?.role ?? "05");
    if (values.primary === true)
      await demoteOtherPrimaries(tx, ctx, personId, id === undefined ? undefined : Number(id));
    if (id === undefined || (values.role !== undefined && values.role !== current?.role))
      await createAutomaticLinks(tx, ctx, householdId, { personId, role }, id === undefined ? undefined : Number(id));
  },
});

/** Human links seen from one side: the person as parent (masterField parent) or as child. */
function linksSeenFrom(id: string, about: "parent" | "child"): ResourceDef {
  const other = about === "parent" ? "child" : "parent";
  return defineResource({
    id,
    title: `resources.humanLinks.${about === "parent" ? "title" : "asChildTitle"}`,
    table: (t) => t.humanLinks,
    pk: (t) => t.humanLinks.id,
    version: (t) => t.humanLinks.version,
    fields: {
      id: integer("fields.id", (t) => t.humanLinks.id, { editable: false, plain: true, width: 6 }),
      parent: ref(
        "resources.humanLinks.parent",
        "contacts.persons",
        (t) => t.humanLinks.parentId,
        personName((t) => t.humanLinks.parentId),
        { required: true },
      ),
      type: choice("resources.humanLinks.type", (t) => t.humanLinks.type, linkTypes, { required: true }),
      child: ref(
        "resources.humanLinks.child",
        "contacts.persons",
        (t) => t.humanLinks.childId,
        personName((t) => t.humanLinks.childId),
        { required: true },
      ),
      sentence: {
        type: "localized",
        label: "resources.humanLinks.sentence",
        width: 40,
        sortable: false,
        expr: (t) => linkSentenceSql(t, about),
      },
    },
    columns: ["sentence", "type", other],
    hiddenColumns: ["id", about],
    titleField: "sentence",
    defaultSort: [{ field: "id", dir: "asc" }],
    // On a person for contacts users; the list of every link is contacts staff's (Lino's humanlinks.Links).
    access: { view: ["ContactsUser"], edit: ["ContactsUser"], listAll: ["ContactsStaff"] },
    detail: [
      {
        key: "general",
        label: "resources.tabs.general",
        groups: [{ fields: ["parent", "type", "child", "sentence"] }],
      },
    ],
    insert: {
      fields: ["parent", "type", "child"],
      validate: (_ctx, v) => {
        if (v.parent === v.child) throw new AppError("INVALID_INPUT", { field: "child" });
      },
    },
  });
}

export const humanLinksResource = linksSeenFrom("households.humanLinks", "parent");
export const humanLinksAsChildResource = linksSeenFrom("households.humanLinksAsChild", "child");
