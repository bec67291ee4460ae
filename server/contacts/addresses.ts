import { and, eq, ne, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, created, rowChange, systemActor, writeAudit, type Actor, type Changes } from "@/server/audit";
import { addressLine } from "@/server/clients/sql";
import { AppError } from "@/server/errors";
import { countryRef, placeRef } from "@/server/geo/fields";
import { defineResource, type ResourceCtx } from "@/server/resources/define";
import { boolean, choice, integer, text } from "@/server/resources/fields";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { ADDRESS_TYPE, addressDataSources, addressTypes } from "./choices";
import { partnerResourceOf } from "./partners";
import { partnerRef } from "./refs";

type Tx = TenantHandle["db"];

const ENTITY = "contacts.addresses";

/** The columns an address and its partner share: the partner row holds a copy of its primary address. */
const POSTAL_COLUMNS = [
  "countryCode",
  "placeId",
  "zipCode",
  "street",
  "streetNo",
  "streetBox",
  "addr1",
  "addr2",
] as const;
/** The postal columns that differ between two rows holding an address, as audit changes from → to. */
const postalChanges = (from: Record<string, unknown>, to: Record<string, unknown>): Changes =>
  Object.fromEntries(
    POSTAL_COLUMNS.filter((c) => (from[c] ?? null) !== (to[c] ?? null)).map((c) => [c, { from: from[c], to: to[c] }]),
  );
/** The partner's own resource, under which a change of its address columns is audited (and shown in its history). */
const entityOf = partnerResourceOf;

/**
 * Copies the partner's primary address into the partner row (Lino's "sync partner from primary"),
 * in the caller's transaction, with an audit row naming the changed columns. Without a primary
 * address nothing changes. Returns the changes.
 */
export async function mirrorPrimaryAddress(
  tx: Tx,
  t: TenantTables,
  partnerId: number,
  actor: Actor = systemActor("addresses"),
): Promise<Changes> {
  const [primary] = await tx
    .select()
    .from(t.addresses)
    .where(and(eq(t.addresses.partnerId, partnerId), eq(t.addresses.primary, true)));
  if (!primary) return {};
  const [partner] = await tx.select().from(t.partners).where(eq(t.partners.id, partnerId)).for("update");
  if (!partner) return {};
  const changes = postalChanges(partner, primary);
  if (!Object.keys(changes).length) return {};
  const values = Object.fromEntries(Object.entries(changes).map(([c, v]) => [c, v.to]));
  await tx
    .update(t.partners)
    .set({ ...values, modifiedAt: new Date(), version: sql`${t.partners.version} + 1` })
    .where(eq(t.partners.id, partnerId));
  await writeAudit(tx, t, actor, rowChange(entityOf(partner.kind, partner.isClient), "update", partnerId, changes));
  return changes;
}

/**
 * The other way round, for a client whose address is edited on the client's own form: the partner
 * row's address goes into its primary address, or into a new official one when it has none, so the
 * two never drift apart. Audited like an edit of the address; does nothing when they already agree.
 */
export async function copyAddressToPrimary(tx: Tx, t: TenantTables, partnerId: number, actor: Actor): Promise<void> {
  const [partner] = await tx.select().from(t.partners).where(eq(t.partners.id, partnerId));
  if (!partner) return;
  const [primary] = await tx
    .select()
    .from(t.addresses)
    .where(and(eq(t.addresses.partnerId, partnerId), eq(t.addresses.primary, true)))
    .for("update");
  const audit = (verb: string, id: number, changes: Changes) =>
    writeAudit(tx, t, actor, rowChange(ENTITY, verb, id, changes));
  if (!primary) {
    if (POSTAL_COLUMNS.every((c) => !partner[c])) return;
    const values = Object.fromEntries(POSTAL_COLUMNS.map((c) => [c, partner[c]]));
    const [inserted] = await tx
      .insert(t.addresses)
      .values({ partnerId, addressType: ADDRESS_TYPE.official, primary: true, ...values })
      .returning({ id: t.addresses.id });
    await audit("create", inserted!.id, created({ ...values, primary: true }));
    return;
  }
  const changes = postalChanges(primary, partner);
  if (!Object.keys(changes).length) return;
  await tx
    .update(t.addresses)
    .set({
      ...Object.fromEntries(Object.entries(changes).map(([c, v]) => [c, v.to])),
      version: sql`${t.addresses.version} + 1`,
    })
    .where(eq(t.addresses.id, primary.id));
  await audit("update", primary.id, changes);
}

/** The fields of this resource and the address columns they write. */
const FIELD_COLUMNS = {
  partner: "partnerId",
  addressType: "addressType",
  street: "street",
  streetNo: "streetNo",
  streetBox: "streetBox",
  zipCode: "zipCode",
  place: "placeId",
  country: "countryCode",
  addr1: "addr1",
  addr2: "addr2",
  remark: "remark",
  primary: "primary",
} as const;
type FieldName = keyof typeof FIELD_COLUMNS;
const columnsOf = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k in FIELD_COLUMNS)
      .map(([k, v]) => [FIELD_COLUMNS[k as FieldName], v]),
  );

const auditAddress = (tx: Tx, ctx: ResourceCtx, verb: string, id: number, changes: Changes) =>
  writeAudit(tx, ctx.handle.t, actorOf(ctx.user), rowChange(ENTITY, verb, id, changes));

/** Marking one address primary unmarks the partner's others (audited). */
async function demoteOthers(tx: Tx, ctx: ResourceCtx, partnerId: number, keepId?: number) {
  const a = ctx.handle.t.addresses;
  const demoted = await tx
    .update(a)
    .set({ primary: false, version: sql`${a.version} + 1` })
    .where(and(eq(a.partnerId, partnerId), eq(a.primary, true), keepId === undefined ? undefined : ne(a.id, keepId)))
    .returning({ id: a.id });
  for (const row of demoted) await auditAddress(tx, ctx, "update", row.id, { primary: { from: true, to: false } });
}

/** Creates an address; a partner's first address becomes its primary one. */
async function createAddress(ctx: ResourceCtx, values: Record<string, unknown>) {
  const { db, t } = ctx.handle;
  const partnerId = Number(values.partner);
  return db.transaction(async (tx) => {
    const [partner] = await tx
      .select({ id: t.partners.id })
      .from(t.partners)
      .where(eq(t.partners.id, partnerId))
      .for("update");
    if (!partner) throw new AppError("INVALID_INPUT", { field: "partner" });
    const [existing] = await tx
      .select({ id: t.addresses.id })
      .from(t.addresses)
      .where(eq(t.addresses.partnerId, partnerId))
      .limit(1);
    const row = { ...values, primary: values.primary === true || !existing };
    if (row.primary) await demoteOthers(tx, ctx, partnerId);
    const [inserted] = await tx
      .insert(t.addresses)
      .values(columnsOf(row) as never)
      .returning({ id: t.addresses.id });
    const id = inserted!.id;
    await auditAddress(tx, ctx, "create", id, created(row));
    if (row.primary) await mirrorPrimaryAddress(tx, t, partnerId, actorOf(ctx.user));
    return { id };
  });
}

/** Saves an edit; an address stops being primary only when another one is marked primary. */
async function updateAddress(ctx: ResourceCtx, id: number, version: number, patch: Record<string, unknown>) {
  const { db, t } = ctx.handle;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(t.addresses).where(eq(t.addresses.id, id)).for("update");
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== version) throw new AppError("STALE_EDIT");
    if (before.primary && patch.primary === false) throw new AppError("PRIMARY_ADDRESS_REQUIRED");
    const changes: Changes = {};
    for (const [field, value] of Object.entries(patch)) {
      const old = before[FIELD_COLUMNS[field as FieldName]];
      if ((old ?? null) !== (value ?? null)) changes[field] = { from: old ?? null, to: value };
    }
    if (patch.primary === true) await demoteOthers(tx, ctx, before.partnerId, id);
    await tx
      .update(t.addresses)
      .set({ ...columnsOf(patch), version: sql`${t.addresses.version} + 1` })
      .where(eq(t.addresses.id, id));
    await auditAddress(tx, ctx, "update", id, changes);
    if (patch.primary === true || before.primary)
      await mirrorPrimaryAddress(tx, t, before.partnerId, actorOf(ctx.user));
  });
}

/** Several postal addresses per partner; the primary one is the partner's own address (domain-people §2.5). */
export const addressesResource = defineResource({
  id: "contacts.addresses",
  title: "resources.addresses.title",
  table: (t) => t.addresses,
  pk: (t) => t.addresses.id,
  version: (t) => t.addresses.version,
  fields: {
    id: integer("fields.id", (t) => t.addresses.id, { editable: false, plain: true, width: 6 }),
    partner: partnerRef("resources.addresses.partner", (t) => t.addresses.partnerId, {
      required: true,
      createOnly: true,
      width: 24,
    }),
    // The same one-line form as the partner's address (addresses have the same columns).
    address: {
      type: "text",
      label: "fields.address",
      width: 36,
      expr: (t) => addressLine(t.addresses as unknown as TenantTables["partners"], t),
    },
    addressType: choice("resources.addresses.addressType", (t) => t.addresses.addressType, addressTypes, {
      required: true,
    }),
    dataSource: choice("resources.addresses.dataSource", (t) => t.addresses.dataSource, addressDataSources, {
      editable: false,
    }),
    street: text("fields.street", (t) => t.addresses.street),
    streetNo: text("fields.streetNo", (t) => t.addresses.streetNo, { max: 20, width: 6 }),
    streetBox: text("fields.streetBox", (t) => t.addresses.streetBox, { max: 20, width: 6 }),
    zipCode: text("fields.zipCode", (t) => t.addresses.zipCode, { max: 10, width: 8 }),
    place: placeRef("fields.place", (t) => t.addresses.placeId),
    country: countryRef("fields.country", (t) => t.addresses.countryCode),
    addr1: text("resources.addresses.addr1", (t) => t.addresses.addr1),
    addr2: text("resources.addresses.addr2", (t) => t.addresses.addr2),
    remark: text("resources.addresses.remark", (t) => t.addresses.remark),
    primary: boolean("resources.addresses.primary", (t) => t.addresses.primary),
  },
  columns: ["address", "addressType", "primary", "dataSource", "remark", "partner"],
  hiddenColumns: ["id", "country"],
  titleField: "address",
  defaultSort: [
    { field: "primary", dir: "desc" },
    { field: "id", dir: "asc" },
  ],
  // On a partner for everyone; the list of every address is site staff's (Lino's addresses.Addresses: SiteStaff, 900 910).
  access: {
    view: ["SimpleContactsUser"],
    create: ["SimpleContactsUser"],
    edit: ["SimpleContactsUser"],
    delete: ["SimpleContactsUser"],
    listAll: ["SiteAdmin"],
  },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["partner", "addressType", "primary", "dataSource", "remark"] },
        { fields: ["street", "streetNo", "streetBox", "zipCode", "place", "country", "addr1", "addr2"] },
      ],
    },
  ],
  insert: {
    fields: [
      "partner",
      "addressType",
      "street",
      "streetNo",
      "streetBox",
      "zipCode",
      "place",
      "country",
      "addr1",
      "addr2",
      "remark",
      "primary",
    ],
    defaults: () => ({ addressType: ADDRESS_TYPE.official, country: "BE", primary: false }),
  },
  hooks: {
    create: createAddress,
    update: (ctx, id, version, patch) => updateAddress(ctx, Number(id), version, patch),
  },
  // The partner's own address is its primary one: it goes only when another one replaces it.
  beforeDelete: async (tx, ctx, id) => {
    const a = ctx.handle.t.addresses;
    const [row] = await tx
      .select({ primary: a.primary })
      .from(a)
      .where(eq(a.id, Number(id)));
    if (row?.primary) throw new AppError("PRIMARY_ADDRESS_REQUIRED");
  },
});
