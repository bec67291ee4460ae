// Deletion that never loses data silently (issue 11 §2; domain-people §0 "Cascade rules"): before a
// row goes, the user sees what goes with it (volatile rows, counted by kind) or what forbids it
// (protected rows, named); what goes is kept 30 days, and an administrator can bring it back.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteOffered } from "@/lib/deletion";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

type Caller = Awaited<ReturnType<typeof callerOn>>;
type Partner = ReturnType<typeof tenantHandle>["t"]["partners"]["$inferInsert"];
const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 100,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const sorted = <T extends { label: string }>(kinds: T[]) => [...kinds].sort((a, b) => a.label.localeCompare(b.label));

let eupen: Tenant;
let chatelet: Tenant;
let clerk: Caller; // 210, in German: may edit, hence delete, clients (ContactsUser)
let agent: Caller; // 100, in French
let admin: Caller; // 900, in French
let adminId: number;

async function as(tenant: Tenant, type: Parameters<typeof newUser>[1], language = "fr") {
  const { user, claims } = await newUser(tenant, type, { language });
  return { id: user.id, caller: await callerOn(centreHost(tenant.slug), {}, claims) };
}

/** A client straight in the database. */
async function client(tenant: Tenant, firstName: string, lastName: string, over: Partial<Partner> = {}) {
  const h = tenantHandle(tenant);
  const [row] = await h.db
    .insert(h.t.partners)
    .values({
      kind: "person",
      isClient: true,
      clientState: "10",
      name: `${lastName} ${firstName}`,
      firstName,
      lastName,
      ...over,
    })
    .returning({ id: h.t.partners.id });
  return row!.id;
}
const versionOf = async (tenant: Tenant, id: number) => {
  const h = tenantHandle(tenant);
  return (await h.db.select({ v: h.t.partners.version }).from(h.t.partners).where(eq(h.t.partners.id, id)))[0]!.v;
};
const exists = async (tenant: Tenant, id: number) => {
  const h = tenantHandle(tenant);
  return (await h.db.select({ id: h.t.partners.id }).from(h.t.partners).where(eq(h.t.partners.id, id))).length === 1;
};
/** The refusal's code and parameters. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; params?: Record<string, unknown> } }).cause;
    return { code: cause?.code, params: cause?.params };
  }
}
const removeClient = async (caller: Caller, tenant: Tenant, id: number, resource = "clients.clients") =>
  caller.resources.remove({ resource, id, version: await versionOf(tenant, id) });
/** The record of a deletion of `entity` row `id`. */
async function deletedRecord(tenant: Tenant, entity: string, id: number) {
  const h = tenantHandle(tenant);
  const [row] = await h.db
    .select()
    .from(h.t.deletedRows)
    .where(and(eq(h.t.deletedRows.entity, entity), eq(h.t.deletedRows.entityId, String(id))))
    .orderBy(sql`${h.t.deletedRows.id} desc`)
    .limit(1);
  return row;
}
const restore = (caller: Caller, deletedId: number) =>
  caller.resources.action({ resource: "history.deleted", id: deletedId, name: "restore", params: {} });

/** A client with two addresses, a photo (read from an eID card) and a dispense: what Lino calls its volatile rows. */
async function freshClient(tenant: Tenant, lastName: string, over: Partial<Partner> = {}) {
  const h = tenantHandle(tenant);
  const id = await client(tenant, "Marie", lastName, over);
  const addresses = await h.db
    .insert(h.t.addresses)
    .values([
      { partnerId: id, street: "Rue Haute", streetNo: "5", zipCode: "6200", primary: true },
      { partnerId: id, street: "Rue Basse", addressType: "99" },
    ])
    .returning({ id: h.t.addresses.id });
  await h.db
    .insert(h.t.partnerPhotos)
    .values({ partnerId: id, contentType: "image/jpeg", content: Buffer.from([0xff, 0xd8, 0xff, 0x42]) });
  const [reason] = await h.db
    .select({ id: h.t.dispenseReasons.id })
    .from(h.t.dispenseReasons)
    .orderBy(h.t.dispenseReasons.id)
    .limit(1);
  const [dispense] = await h.db
    .insert(h.t.dispenses)
    .values({ clientId: id, reasonId: reason!.id, remarks: "Santé" })
    .returning({ id: h.t.dispenses.id });
  return { id, addresses: addresses.map((a) => a.id), dispense: dispense!.id, reason: reason!.id };
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("del-eupen"), newCentre("del-chatelet")]);
  const a = await as(eupen, "900");
  [admin, adminId] = [a.caller, a.id];
  clerk = (await as(eupen, "210", "de")).caller;
  agent = (await as(eupen, "100")).caller;
});

describe("what a deletion takes and what forbids it", () => {
  it("shows what goes with a client, counted by kind", async () => {
    const c = await freshClient(eupen, "Dubois");
    const preview = await agent.resources.deletePreview({ resource: "clients.clients", id: c.id });
    expect(preview).toMatchObject({
      title: `DUBOIS Marie (${c.id})`,
      kind: "relations.clients",
      blockers: [],
      restoreDays: 30,
    });
    expect(sorted(preview.goes)).toEqual([
      { label: "relations.addresses", count: 2 },
      { label: "relations.dispenses", count: 1 },
      { label: "relations.photos", count: 1 },
    ]);
    // Only a preview: everything is still there.
    expect(await exists(eupen, c.id)).toBe(true);
  });

  it("refuses to delete a client who was coached, naming the coaching in the user's language, and deletes nothing", async () => {
    const h = tenantHandle(eupen);
    const c = await freshClient(eupen, "Mertens");
    await h.db
      .insert(h.t.coachings)
      .values({ clientId: c.id, userId: adminId, startDate: "2024-01-01", primary: true });
    const preview = await clerk.resources.deletePreview({ resource: "clients.clients", id: c.id });
    expect(preview.blockers).toEqual([{ label: "relations.coachings", count: 1 }]);
    // The clerk may delete clients, but the detail of this one offers no Delete (issue 16).
    const { canDelete } = await clerk.resources.meta({ resource: "clients.clients" });
    const row = await clerk.resources.get({ resource: "clients.clients", id: c.id });
    expect(canDelete).toBe(true);
    expect(row.__deleteBlocked).toBe(true);
    expect(deleteOffered(canDelete, !!row.__locked, row.__deleteBlocked as boolean)).toBe(false);
    const fresh = await freshClient(eupen, "Irrtum");
    const freshRow = await clerk.resources.get({ resource: "clients.clients", id: fresh.id });
    expect(deleteOffered(canDelete, !!freshRow.__locked, freshRow.__deleteBlocked as boolean)).toBe(true);
    // Who may not delete clients is not told (and no probe runs for them).
    expect((await agent.resources.get({ resource: "clients.clients", id: c.id })).__deleteBlocked).toBe(
      (await agent.resources.meta({ resource: "clients.clients" })).canDelete ? true : undefined,
    );
    expect(await refusal(removeClient(clerk, eupen, c.id))).toEqual({
      code: "ROW_IN_USE",
      params: { what: `MERTENS Marie (${c.id})`, blockers: "1 Begleitung" },
    });
    expect(await refusal(removeClient(agent, eupen, c.id))).toMatchObject({ params: { blockers: "1 accompagnement" } });
    expect(await exists(eupen, c.id)).toBe(true);
    expect(await h.db.select().from(h.t.addresses).where(inArray(h.t.addresses.id, c.addresses))).toHaveLength(2);
    expect(await h.db.select().from(h.t.coachings).where(eq(h.t.coachings.clientId, c.id))).toHaveLength(1);
    expect(await deletedRecord(eupen, "clients.clients", c.id)).toBeUndefined();
  });

  it("refuses to delete a person who is a household member, or a coaching type in use, naming what refers to it", async () => {
    const h = tenantHandle(eupen);
    const person = await client(eupen, "Luc", "Lahm", { isClient: false, clientState: null });
    const household = await admin.resources.create({ resource: "households.households", values: { name: "Lahm" } });
    await admin.resources.create({
      resource: "households.members",
      values: { household: household.id, person, role: "01" },
    });
    expect((await admin.resources.deletePreview({ resource: "contacts.persons", id: person })).blockers).toEqual([
      { label: "relations.householdMemberships", count: 1 },
    ]);
    expect(await refusal(removeClient(admin, eupen, person, "contacts.persons"))).toEqual({
      code: "ROW_IN_USE",
      params: { what: "Lahm Luc", blockers: "1 appartenance à un ménage" },
    });
    expect(await exists(eupen, person)).toBe(true);

    const { id: type } = await admin.resources.create({
      resource: "coachings.types",
      values: { name: { fr: "Service social" } },
    });
    const clients = [await client(eupen, "Anne", "Typ"), await client(eupen, "Bert", "Typ")];
    await h.db.insert(h.t.coachings).values(
      clients.map((clientId) => ({
        clientId,
        userId: adminId,
        startDate: "2024-01-01",
        coachingTypeId: Number(type),
      })),
    );
    const row = await admin.resources.get({ resource: "coachings.types", id: type });
    expect(
      await refusal(
        admin.resources.remove({ resource: "coachings.types", id: type, version: row.__version as number }),
      ),
    ).toEqual({
      code: "ROW_IN_USE",
      params: { what: "Service social", blockers: "2 accompagnements" },
    });
  });

  it("deletes a household with its members, keeping the persons; its own row is not listed as something else going", async () => {
    const h = tenantHandle(eupen);
    const [anna, ben] = [
      await client(eupen, "Anna", "Haus", { isClient: false }),
      await client(eupen, "Ben", "Haus", { isClient: false }),
    ];
    const household = Number(
      (await admin.resources.create({ resource: "households.households", values: { name: "Haus" } })).id,
    );
    for (const person of [anna, ben])
      await admin.resources.create({ resource: "households.members", values: { household, person, role: "05" } });
    const preview = await clerk.resources.deletePreview({ resource: "households.households", id: household });
    expect(sorted(preview.goes)).toEqual([{ label: "relations.householdMembers", count: 2 }]);
    await removeClient(clerk, eupen, household, "households.households");
    expect(await exists(eupen, household)).toBe(false);
    expect(
      await h.db.select().from(h.t.householdMembers).where(eq(h.t.householdMembers.householdId, household)),
    ).toEqual([]);
    expect([await exists(eupen, anna), await exists(eupen, ben)]).toEqual([true, true]);
  });
});

describe("deleting and restoring a client", () => {
  it("deletes a fresh client with its addresses, photo and dispense and nothing else, keeps a snapshot and audits what went", async () => {
    const h = tenantHandle(eupen);
    const c = await freshClient(eupen, "Dupont");
    const other = await freshClient(eupen, "Durand");
    await h.db.insert(h.t.accessLog).values({ userId: adminId, partnerId: c.id, what: "detail" });

    await removeClient(agent, eupen, c.id);

    expect(await exists(eupen, c.id)).toBe(false);
    expect(await h.db.select().from(h.t.addresses).where(eq(h.t.addresses.partnerId, c.id))).toEqual([]);
    expect(await h.db.select().from(h.t.partnerPhotos).where(eq(h.t.partnerPhotos.partnerId, c.id))).toEqual([]);
    expect(await h.db.select().from(h.t.dispenses).where(eq(h.t.dispenses.clientId, c.id))).toEqual([]);
    // Nothing else: another client's rows, the dispense reason, and who opened the file stay.
    expect(await exists(eupen, other.id)).toBe(true);
    expect(await h.db.select().from(h.t.addresses).where(eq(h.t.addresses.partnerId, other.id))).toHaveLength(2);
    expect(await h.db.select().from(h.t.dispenses).where(eq(h.t.dispenses.id, other.dispense))).toHaveLength(1);
    expect(await h.db.select().from(h.t.dispenseReasons).where(eq(h.t.dispenseReasons.id, c.reason))).toHaveLength(1);
    expect(await h.db.select().from(h.t.accessLog).where(eq(h.t.accessLog.partnerId, c.id))).toHaveLength(1);

    // The snapshot: every column of the client first, then what went with it.
    const record = (await deletedRecord(eupen, "clients.clients", c.id))!;
    expect(record.rows[0]).toMatchObject({
      table: "partners",
      row: {
        id: c.id,
        last_name: "Dupont",
        first_name: "Marie",
        client_state: "10",
        phonetic_words: expect.any(Array),
      },
    });
    expect(
      record.rows
        .slice(1)
        .map((r) => r.table)
        .sort(),
    ).toEqual(["addresses", "addresses", "dispenses", "partner_photos"]);
    expect(record).toMatchObject({
      title: { fr: `DUPONT Marie (${c.id})` },
      kind: { fr: "Bénéficiaires", de: "Klienten" },
      restoredAt: null,
    });
    expect(record.withIt.fr.split(/, | et /).sort()).toEqual(["1 dispense", "1 photo", "2 adresses"]);
    expect(record.withIt.de).toContain("2 Adressen");

    // The audit: the client's fields from → nothing, what went with it, and the snapshot.
    const [entry] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.action, "clients.clients.delete"), eq(h.t.auditLog.entityId, String(c.id))));
    expect(entry!.changes).toMatchObject({
      lastName: { from: "Dupont", to: null },
      deletedWith: {
        from: { addresses: expect.arrayContaining(c.addresses), partner_photos: [c.id], dispenses: [c.dispense] },
        to: null,
      },
      snapshot: { from: null, to: record.id },
    });
    // History shows it: every client's changes, and the administrators' list of deleted records.
    const history = await admin.resources.list({ resource: "history.clientChanges", state: state() });
    // In the reader's words (French here): the action and the fields' labels.
    const shown = history.rows.find(
      (r) => r.action === "Suppression" && String((r.client as { id: unknown } | null)?.id) === String(c.id),
    );
    expect(String(shown?.changes)).toContain("Nom de famille : Dupont → —");
    const deleted = await admin.resources.list({ resource: "history.deleted", state: state() });
    expect(deleted.rows.find((r) => r.__id === record.id)).toMatchObject({
      title: { fr: `DUPONT Marie (${c.id})` },
      withIt: { fr: record.withIt.fr },
    });
  });

  it("restores a deleted client within 30 days with its rows and their ids; the client opens again", async () => {
    const h = tenantHandle(eupen);
    const c = await freshClient(eupen, "Lambert");
    await removeClient(admin, eupen, c.id);
    const record = (await deletedRecord(eupen, "clients.clients", c.id))!;

    await restore(admin, record.id);

    const opened = await admin.resources.get({ resource: "clients.clients", id: c.id });
    expect(opened).toMatchObject({ __id: c.id, lastName: "Lambert" });
    expect(
      (await h.db.select({ id: h.t.addresses.id }).from(h.t.addresses).where(eq(h.t.addresses.partnerId, c.id)))
        .map((a) => a.id)
        .sort(),
    ).toEqual([...c.addresses].sort());
    expect(
      (await h.db.select().from(h.t.partnerPhotos).where(eq(h.t.partnerPhotos.partnerId, c.id)))[0]!.content,
    ).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0x42]));
    expect(
      await h.db.select({ id: h.t.dispenses.id }).from(h.t.dispenses).where(eq(h.t.dispenses.clientId, c.id)),
    ).toEqual([{ id: c.dispense }]);
    const [restored] = await h.db.select().from(h.t.deletedRows).where(eq(h.t.deletedRows.id, record.id));
    expect(restored).toMatchObject({ restoredBy: `user:${adminId}` });
    expect(restored!.restoredAt).toBeInstanceOf(Date);
    const [entry] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.action, "clients.clients.restore"), eq(h.t.auditLog.entityId, String(c.id))));
    expect(entry!.changes).toMatchObject({
      lastName: { from: null, to: "Lambert" },
      snapshot: { from: null, to: record.id },
      restoredWith: { to: { dispenses: [c.dispense] } },
    });
    // New rows get new ids after the restored ones, and the client can be edited as before.
    const [next] = await h.db
      .insert(h.t.addresses)
      .values({ partnerId: c.id, street: "Neuf" })
      .returning({ id: h.t.addresses.id });
    expect(next!.id).toBeGreaterThan(Math.max(...c.addresses));
    await admin.resources.update({
      resource: "clients.clients",
      id: c.id,
      version: opened.__version as number,
      patch: { email: "marie@example.org" },
    });
    // Once restored, it cannot be restored again.
    expect(await refusal(restore(admin, record.id))).toMatchObject({
      code: "RESTORE_CONFLICT",
      params: { messageKey: "deletion.alreadyRestored" },
    });
  });

  it("empties a reference to what goes, and puts it back on restore", async () => {
    // A client's job office contact is a contact person of an organisation: deleting the
    // organisation takes its contact persons, and the client keeps no pointer to them.
    const h = tenantHandle(eupen);
    const office = Number(
      (await admin.resources.create({ resource: "contacts.organisations", values: { name: "Forem", language: "fr" } }))
        .id,
    );
    const person = await client(eupen, "Olga", "Office", { isClient: false });
    const role = Number(
      (await admin.resources.create({ resource: "contacts.roles", values: { company: office, person } })).id,
    );
    const c = await client(eupen, "Jules", "Job", { jobOfficeContactId: role });
    const preview = await admin.resources.deletePreview({ resource: "contacts.organisations", id: office });
    expect(preview).toMatchObject({
      kind: "relations.organisations",
      goes: [{ label: "relations.roles", count: 1 }],
      blockers: [],
    });
    await removeClient(admin, eupen, office, "contacts.organisations");
    expect(
      (await h.db.select({ v: h.t.partners.jobOfficeContactId }).from(h.t.partners).where(eq(h.t.partners.id, c)))[0]!
        .v,
    ).toBeNull();
    const [entry] = await h.db
      .select()
      .from(h.t.auditLog)
      .where(and(eq(h.t.auditLog.action, "contacts.organisations.delete"), eq(h.t.auditLog.entityId, String(office))));
    expect(entry!.changes).toMatchObject({
      deletedWith: { from: { roles: [role] } },
      emptied: { from: { "partners.job_office_contact_id": [c] }, to: null },
    });
    expect(await exists(eupen, person)).toBe(true);
    await restore(admin, (await deletedRecord(eupen, "contacts.organisations", office))!.id);
    expect(
      (await h.db.select({ v: h.t.partners.jobOfficeContactId }).from(h.t.partners).where(eq(h.t.partners.id, c)))[0]!
        .v,
    ).toBe(role);
  });

  it("refuses to restore what was deleted more than 30 days ago, and forgets it", async () => {
    const h = tenantHandle(eupen);
    const c = await freshClient(eupen, "Ancien");
    await removeClient(admin, eupen, c.id);
    const record = (await deletedRecord(eupen, "clients.clients", c.id))!;
    await h.db
      .update(h.t.deletedRows)
      .set({ deletedAt: sql`now() - interval '31 days'` })
      .where(eq(h.t.deletedRows.id, record.id));
    expect(await refusal(restore(admin, record.id))).toEqual({
      code: "RESTORE_EXPIRED",
      params: { what: `ANCIEN Marie (${c.id})`, days: 30 },
    });
    expect(await exists(eupen, c.id)).toBe(false);
    // The personal data it held is purged.
    expect(await h.db.select().from(h.t.deletedRows).where(eq(h.t.deletedRows.id, record.id))).toEqual([]);
  });

  it("refuses a restore when the national number is now another client's, or a row it refers to is gone, restoring nothing", async () => {
    const h = tenantHandle(eupen);
    const niss = "900101 001-21";
    const c = await freshClient(eupen, "Conflit", { nationalId: niss });
    await removeClient(admin, eupen, c.id);
    const record = (await deletedRecord(eupen, "clients.clients", c.id))!;
    const taker = await client(eupen, "Marie", "Conflit", { nationalId: niss });
    expect(await refusal(restore(admin, record.id))).toEqual({
      code: "RESTORE_CONFLICT",
      params: {
        messageKey: "deletion.restoreTaken",
        what: `CONFLIT Marie (${c.id})`,
        field: "Numéro national",
        value: niss,
      },
    });
    expect(await exists(eupen, c.id)).toBe(false);
    expect(await h.db.select().from(h.t.addresses).where(inArray(h.t.addresses.id, c.addresses))).toEqual([]);
    expect(
      (await h.db.select().from(h.t.deletedRows).where(eq(h.t.deletedRows.id, record.id)))[0]!.restoredAt,
    ).toBeNull();

    // The other client goes too; the dispense reason the snapshot refers to is deleted meanwhile.
    await removeClient(admin, eupen, taker);
    const { id: reason } = await admin.resources.create({
      resource: "clients.dispenseReasons",
      values: { name: { fr: "Éphémère" } },
    });
    const d = await freshClient(eupen, "Sansmotif");
    await h.db
      .update(h.t.dispenses)
      .set({ reasonId: Number(reason) })
      .where(eq(h.t.dispenses.id, d.dispense));
    await removeClient(admin, eupen, d.id);
    const reasonRow = await admin.resources.get({ resource: "clients.dispenseReasons", id: reason });
    await admin.resources.remove({
      resource: "clients.dispenseReasons",
      id: reason,
      version: reasonRow.__version as number,
    });
    expect(await refusal(restore(admin, (await deletedRecord(eupen, "clients.clients", d.id))!.id))).toEqual({
      code: "RESTORE_CONFLICT",
      params: {
        messageKey: "deletion.restoreMissing",
        what: `SANSMOTIF Marie (${d.id})`,
        field: "Motif",
        value: String(reason),
      },
    });
    expect(await exists(eupen, d.id)).toBe(false);
    expect(await h.db.select().from(h.t.addresses).where(inArray(h.t.addresses.id, d.addresses))).toEqual([]);
    // The first one can come back now that its national number is free again.
    await restore(admin, record.id);
    expect(await exists(eupen, c.id)).toBe(true);
  });

  it("refuses a deletion of a client saved since it was read", async () => {
    const c = await freshClient(eupen, "Vieux");
    const version = await versionOf(eupen, c.id);
    expect(
      await appCodeOf(admin.resources.remove({ resource: "clients.clients", id: c.id, version: version - 1 })),
    ).toBe("STALE_EDIT");
    expect(await exists(eupen, c.id)).toBe(true);
  });
});

describe("who may preview, delete and restore", () => {
  it("never reaches another centre: its session is refused, and its ids name nothing here", async () => {
    // Ids are numbered per centre: Eupen's rows are given ids no Châtelet row has.
    const h = tenantHandle(eupen);
    const c = await freshClient(eupen, "Fremd", { id: 987_654 });
    await removeClient(admin, eupen, (await freshClient(eupen, "Weg", { id: 987_655 })).id);
    const deleted = (await deletedRecord(eupen, "clients.clients", 987_655))!;
    await h.db.execute(sql`select setval(pg_get_serial_sequence(${`"${h.schema}".deleted_rows`}, 'id'), 987000)`);
    await removeClient(admin, eupen, (await freshClient(eupen, "Fort", { id: 987_656 })).id);
    const farAway = (await deletedRecord(eupen, "clients.clients", 987_656))!;
    expect(farAway.id).toBeGreaterThan(987_000);

    const { claims } = await newUser(eupen, "900");
    const onChatelet = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(await appCodeOf(onChatelet.resources.deletePreview({ resource: "clients.clients", id: c.id }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await appCodeOf(onChatelet.resources.remove({ resource: "clients.clients", id: c.id, version: 1 }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await appCodeOf(restore(onChatelet, deleted.id))).toBe("UNAUTHORIZED");

    const chateletAdmin = (await as(chatelet, "900")).caller;
    expect(await appCodeOf(chateletAdmin.resources.deletePreview({ resource: "clients.clients", id: c.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await appCodeOf(chateletAdmin.resources.remove({ resource: "clients.clients", id: c.id, version: 1 }))).toBe(
      "NOT_FOUND",
    );
    expect(await appCodeOf(restore(chateletAdmin, farAway.id))).toBe("NOT_FOUND");
    expect((await chateletAdmin.resources.list({ resource: "history.deleted", state: state() })).rows).toEqual([]);
    expect(await exists(eupen, c.id)).toBe(true);
    expect(await exists(eupen, 987_656)).toBe(false);
  });

  it("gives the preview and the deletion to whoever may edit clients, and the restore to administrators only", async () => {
    // A restored record answers "already restored" to whoever may restore it: nothing changes.
    const probe = await freshClient(eupen, "Probe");
    await removeClient(admin, eupen, probe.id);
    const done = (await deletedRecord(eupen, "clients.clients", probe.id))!;
    await restore(admin, done.id);
    const target = await freshClient(eupen, "Zugriff");
    for (const type of USER_TYPES) {
      const { caller } = await as(eupen, type);
      const refused = type === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
      const mayDelete = hasRole(type, "SimpleContactsUser");
      expect([
        type,
        "preview",
        await appCodeOf(caller.resources.deletePreview({ resource: "clients.clients", id: target.id })),
      ]).toEqual([type, "preview", mayDelete ? "resolved" : refused]);
      // A stale version keeps the row: getting that far means the deletion was allowed.
      const removal = await appCodeOf(
        caller.resources.remove({ resource: "clients.clients", id: target.id, version: 0 }),
      );
      expect([type, "delete", removal]).toEqual([type, "delete", mayDelete ? "STALE_EDIT" : refused]);
      const mayRestore = hasRole(type, "SiteAdmin");
      expect([type, "restore", await appCodeOf(restore(caller, done.id))]).toEqual([
        type,
        "restore",
        mayRestore ? "RESTORE_CONFLICT" : refused,
      ]);
      expect([
        type,
        "list",
        await appCodeOf(caller.resources.list({ resource: "history.deleted", state: state() })),
      ]).toEqual([type, "list", mayRestore ? "resolved" : refused]);
      if (type !== "000") {
        const meta = await caller.resources.meta({ resource: "clients.clients" });
        expect([type, meta.canDelete]).toEqual([type, mayDelete]);
      }
    }
    expect(await exists(eupen, target.id)).toBe(true);
  });
});
