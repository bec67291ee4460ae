import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { newClient, newPerson } from "./factories";
import { appCodeOf, newCentre, signedInCaller } from "./helpers";

type Caller = Awaited<ReturnType<typeof signedInCaller>>;
type Partner = ReturnType<typeof tenantHandle>["t"]["partners"]["$inferInsert"];
const state = (over: Record<string, unknown> = {}) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
let eupen: Tenant;
let chatelet: Tenant;
let admin: Caller; // 900: merging is for administrators (domain-people §0)

/** A client straight in the database. */
const client = (tenant: Tenant, firstName: string, lastName: string, over: Partial<Partner> = {}) =>
  newClient(tenant, { firstName, lastName, ...over });
const versionOf = async (tenant: Tenant, id: number) => {
  const h = tenantHandle(tenant);
  return (await h.db.select({ v: h.t.partners.version }).from(h.t.partners).where(eq(h.t.partners.id, id)))[0]?.v;
};
const merge = async (caller: Caller, tenant: Tenant, kept: number, merged: number, reason = "") =>
  caller.resources.action({
    resource: "clients.clients",
    id: kept,
    name: "mergeInto",
    params: { merged, reason },
    version: (await versionOf(tenant, kept)) ?? 1,
  });

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("merge-eupen"), newCentre("merge-chatelet")]);
  admin = await signedInCaller(eupen, "900");
});

describe("merging duplicate clients", () => {
  it("has the areas' own merge steps name references to partners they declare, each once", () => {
    // The declared relations are the database's foreign keys (tests/integration/relations.test.ts);
    // a reference no step handles is moved as it is, so a step naming nothing real would silently
    // stop handling its rows.
    const declared = new Set(registry.relations.filter((r) => r.to === "partners").map((r) => r.from));
    const handled = (registry.clientMerge ?? []).flatMap((step) => step.handles);
    expect(handled.length).toBeGreaterThan(5);
    for (const reference of handled) expect(declared, reference).toContain(reference);
    expect(new Set(handled).size).toBe(handled.length);
  });

  it("deletes what is left of the duplicate as its relations declare, and lists it in the merge's audit", async () => {
    // The kept client has a photo of its own: the duplicate's goes, and so do its data problems,
    // which the checkers find again on the kept client. Both used to vanish through cascades.
    const h = tenantHandle(eupen);
    const t = h.t;
    const kept = await client(eupen, "Paula", "Pirard");
    const dup = await client(eupen, "Paula", "Pirard");
    const photo = (partnerId: number, byte: number) => ({
      partnerId,
      contentType: "image/jpeg",
      content: Buffer.from([0xff, 0xd8, byte]),
    });
    await h.db.insert(t.partnerPhotos).values([photo(kept, 1), photo(dup, 2)]);
    const [problem] = await h.db
      .insert(t.dataProblems)
      .values({ checker: "clients.similar", ownerType: "partner", ownerId: dup, messageKey: "x" })
      .returning({ id: t.dataProblems.id });

    await merge(admin, eupen, kept, dup);

    expect(
      (
        await h.db
          .select()
          .from(t.partnerPhotos)
          .where(inArray(t.partnerPhotos.partnerId, [kept, dup]))
      ).map((p) => [p.partnerId, p.content[2]]),
    ).toEqual([[kept, 1]]);
    expect(await h.db.select().from(t.dataProblems).where(eq(t.dataProblems.id, problem!.id))).toEqual([]);
    const [entry] = await h.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "clients.clients.merge"), eq(t.auditLog.entityId, String(kept))));
    expect(entry!.changes.dropped).toEqual({ from: null, to: { partner_photos: [dup], data_problems: [problem!.id] } });
  });

  it("moves every row of the duplicate, fills the kept client's empty fields, deletes the duplicate and records the merge", async () => {
    const h = tenantHandle(eupen);
    const t = h.t;
    const kept = await client(eupen, "Dorothée", "Dobbelstein", { phone: "087 11 11 11" });
    const dup = await client(eupen, "Dorothée", "Dobbelstein-Demeulenaere", {
      nationalId: "680601 053-29",
      email: "doro@example.org",
      phone: "087 22 22 22",
      street: "Rue Haute",
      streetNo: "5",
      zipCode: "4700",
    });
    const other = await client(eupen, "Daniel", "Emonts");
    const [coach] = await h.db
      .insert(t.users)
      .values({ username: `coach-${kept}`, firstName: "Hubert", lastName: "Huppertz", userType: "100" })
      .returning({ id: t.users.id });
    const coachings = await h.db
      .insert(t.coachings)
      .values([
        { clientId: kept, userId: coach!.id, startDate: "2024-01-01", primary: true },
        { clientId: dup, userId: coach!.id, startDate: "2024-02-01", primary: true },
      ])
      .returning({ id: t.coachings.id });
    const addresses = await h.db
      .insert(t.addresses)
      .values([
        { partnerId: kept, street: "Kirchstraße", primary: true },
        { partnerId: dup, street: "Rue Haute", primary: true },
      ])
      .returning({ id: t.addresses.id });
    const links = await h.db
      .insert(t.humanLinks)
      .values([
        { parentId: kept, childId: other, type: "05" },
        { parentId: dup, childId: other, type: "05" }, // would repeat the kept client's link
        { parentId: dup, childId: kept, type: "09" }, // would link the kept client to itself
        { parentId: other, childId: dup, type: "01" },
      ])
      .returning({ id: t.humanLinks.id });
    const [dispense] = await h.db.insert(t.dispenses).values({ clientId: dup }).returning({ id: t.dispenses.id });
    const [exclusion] = await h.db.insert(t.exclusions).values({ clientId: dup }).returning({ id: t.exclusions.id });
    const [conviction] = await h.db
      .insert(t.convictions)
      .values({ clientId: dup, designation: "x" })
      .returning({ id: t.convictions.id });
    const [task] = await h.db
      .insert(t.tasks)
      .values({
        userId: coach!.id,
        ownerType: "client",
        ownerId: dup,
        summary: "eID card expires",
        startDate: "2025-01-01",
      })
      .returning({ id: t.tasks.id });
    const [problem] = await h.db
      .insert(t.dataProblems)
      .values({ checker: "clients.similar", ownerType: "client", ownerId: dup, messageKey: "x" })
      .returning({ id: t.dataProblems.id });
    await h.db
      .insert(t.partnerPhotos)
      .values({ partnerId: dup, contentType: "image/jpeg", content: Buffer.from([0xff, 0xd8, 0xff]) });
    await h.db.insert(t.accessLog).values({ userId: coach!.id, partnerId: dup, what: "detail" });
    // An e-mail written from the duplicate's file ("Create e-mail"): it used to go with the duplicate.
    const [mail] = await h.db
      .insert(t.mails)
      .values({ userId: coach!.id, ownerType: "client", ownerId: dup, subject: "Rendez-vous" })
      .returning({ id: t.mails.id });

    await merge(admin, eupen, kept, dup, "Same person typed twice");
    expect((await h.db.select().from(t.mails).where(eq(t.mails.id, mail!.id)))[0]?.ownerId).toBe(kept);

    expect(await h.db.select().from(t.partners).where(eq(t.partners.id, dup))).toEqual([]);
    const [after] = await h.db.select().from(t.partners).where(eq(t.partners.id, kept));
    // Empty fields are filled (the address as a whole), filled ones stay.
    expect(after).toMatchObject({
      nationalId: "680601 053-29",
      email: "doro@example.org",
      phone: "087 11 11 11",
      street: "Rue Haute",
      streetNo: "5",
      zipCode: "4700",
      lastName: "Dobbelstein",
    });
    const ownCoachings = await h.db.select().from(t.coachings).where(eq(t.coachings.clientId, kept));
    expect(ownCoachings.map((c) => [c.id, c.primary]).sort()).toEqual([
      [coachings[0]!.id, true],
      [coachings[1]!.id, false],
    ]);
    const ownAddresses = await h.db.select().from(t.addresses).where(eq(t.addresses.partnerId, kept));
    expect(ownAddresses.filter((a) => a.primary).map((a) => a.id)).toEqual([addresses[0]!.id]);
    expect(ownAddresses).toHaveLength(2);
    const remaining = await h.db
      .select()
      .from(t.humanLinks)
      .where(
        inArray(
          t.humanLinks.id,
          links.map((l) => l.id),
        ),
      );
    expect(remaining.map((l) => [l.id, l.parentId, l.childId]).sort()).toEqual([
      [links[0]!.id, kept, other],
      [links[3]!.id, other, kept],
    ]);
    expect((await h.db.select().from(t.dispenses).where(eq(t.dispenses.id, dispense!.id)))[0]!.clientId).toBe(kept);
    expect((await h.db.select().from(t.exclusions).where(eq(t.exclusions.id, exclusion!.id)))[0]!.clientId).toBe(kept);
    expect((await h.db.select().from(t.convictions).where(eq(t.convictions.id, conviction!.id)))[0]!.clientId).toBe(
      kept,
    );
    expect((await h.db.select().from(t.tasks).where(eq(t.tasks.id, task!.id)))[0]!.ownerId).toBe(kept);
    expect((await h.db.select().from(t.dataProblems).where(eq(t.dataProblems.id, problem!.id)))[0]!.ownerId).toBe(kept);
    expect(
      await h.db
        .select({ id: t.partnerPhotos.partnerId })
        .from(t.partnerPhotos)
        .where(eq(t.partnerPhotos.partnerId, kept)),
    ).toHaveLength(1);
    // Who opened the duplicate's file stays recorded as it was.
    expect(await h.db.select().from(t.accessLog).where(eq(t.accessLog.partnerId, dup))).toHaveLength(1);

    // The review: one merge row with the snapshot, what moved and what was filled; audit rows for both.
    const [record] = await h.db.select().from(t.clientMerges).where(eq(t.clientMerges.keptId, kept));
    expect(record).toMatchObject({
      mergedId: dup,
      mergedName: `DOBBELSTEIN-DEMEULENAERE Dorothée (${dup})`,
      reason: "Same person typed twice",
    });
    expect(record!.mergedRow).toMatchObject({ id: dup, email: "doro@example.org", nationalId: "680601 053-29" });
    expect(record!.moved).toMatchObject({
      coachings: [coachings[1]!.id],
      addresses: [addresses[1]!.id],
      human_links: [links[3]!.id],
      dispenses: [dispense!.id],
      tasks: [task!.id],
      partner_photos: [dup],
    });
    expect(Object.keys(record!.filled).sort()).toEqual(["email", "nationalId", "street", "streetNo", "zipCode"]);
    const audit = await h.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, "clients.clients"), inArray(t.auditLog.entityId, [String(kept), String(dup)])));
    expect(audit.map((a) => `${a.entityId} ${a.action}`).sort()).toEqual(
      [`${dup} clients.clients.mergedInto`, `${kept} clients.clients.merge`].sort(),
    );
    expect(audit.find((a) => a.entityId === String(kept))!.changes).toMatchObject({
      email: { from: "", to: "doro@example.org" },
      merged: { from: record!.mergedName },
    });

    const reviewed = await admin.resources.list({
      resource: "clients.merges",
      state: state({ master: { field: "kept", value: kept } }),
    });
    expect(reviewed.rows).toHaveLength(1);
    expect(reviewed.rows[0]).toMatchObject({
      mergedName: record!.mergedName,
      reason: "Same person typed twice",
      kept: { id: kept },
    });
    const detail = await admin.resources.get({ resource: "clients.merges", id: record!.id });
    // In the reader's words (French here): what moved by its name, the filled fields by their labels.
    expect(String(detail.moved)).toContain(`Accompagnements : ${coachings[1]!.id}`);
    expect(String(detail.filled)).toContain("E-mail : doro@example.org");
  });

  it("refuses a merge into itself, a non-client, two national numbers, a stale kept client; nothing changes", async () => {
    const h = tenantHandle(eupen);
    const kept = await client(eupen, "Anna", "Lahm", { nationalId: "120601 053-17" });
    const other = await client(eupen, "Anna", "Lahm", { nationalId: "120601 053=46" });
    const plain = await newPerson(eupen, { firstName: "Anna", lastName: "Lahm" });
    const params = (merged: number) => ({
      resource: "clients.clients" as const,
      id: kept,
      name: "mergeInto",
      params: { merged },
    });
    const version = (await versionOf(eupen, kept))!;
    const errorOf = async (p: Promise<unknown>) => {
      try {
        await p;
        return null;
      } catch (e) {
        return (e as { cause?: { code?: string; params?: Record<string, unknown> } }).cause;
      }
    };
    expect(await errorOf(admin.resources.action({ ...params(kept), version }))).toMatchObject({
      code: "INVALID_INPUT",
      params: { messageKey: "merge.self" },
    });
    expect(await errorOf(admin.resources.action({ ...params(plain), version }))).toMatchObject({
      code: "INVALID_INPUT",
      params: { messageKey: "merge.notClient" },
    });
    expect(await errorOf(admin.resources.action({ ...params(other), version }))).toMatchObject({
      code: "INVALID_INPUT",
      params: { messageKey: "merge.nationalIdsDiffer" },
    });
    expect(await errorOf(admin.resources.action({ ...params(999_999), version }))).toMatchObject({
      code: "INVALID_INPUT",
      params: { messageKey: "merge.notFound" },
    });
    expect(await appCodeOf(admin.resources.action({ ...params(other) }))).toBe("INVALID_INPUT");
    const fresh = await client(eupen, "Anna", "Lahm");
    expect(await appCodeOf(admin.resources.action({ ...params(fresh), version: version - 1 }))).toBe("STALE_EDIT");
    const left = await h.db
      .select({ id: h.t.partners.id })
      .from(h.t.partners)
      .where(inArray(h.t.partners.id, [kept, other, plain, fresh]));
    expect(left).toHaveLength(4);
    expect(await h.db.select().from(h.t.clientMerges).where(eq(h.t.clientMerges.keptId, kept))).toEqual([]);
  });

  it("never reaches another centre's clients: a Châtelet user can neither merge Eupen's clients nor see their merges", async () => {
    // Ids are numbered per centre: each centre's new ids are made to lie beyond the other's, so
    // that the same number names no client over there.
    const h = tenantHandle(chatelet);
    const e = tenantHandle(eupen);
    const beyond = async (mine: typeof e, other: typeof e) => {
      const [row] = (
        await other.db.execute<{ max: number }>(sql`select coalesce(max(id), 0) as max from ${other.t.partners}`)
      ).rows;
      await mine.db.execute(
        sql`select setval(pg_get_serial_sequence(${`"${mine.schema}".partners`}, 'id'), greatest(${Number(row!.max) + 100}, (select max(id) from ${mine.t.partners})))`,
      );
    };
    await beyond(e, h);
    const kept = await client(eupen, "Karl", "Keller");
    const dup = await client(eupen, "Karl", "Keller");
    await beyond(h, e);
    const chateletClient = await client(chatelet, "Karl", "Keller");
    const foreign = await signedInCaller(chatelet, "900");
    expect(
      await appCodeOf(
        foreign.resources.action({
          resource: "clients.clients",
          id: kept,
          name: "mergeInto",
          params: { merged: dup },
          version: 1,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await appCodeOf(
        foreign.resources.action({
          resource: "clients.clients",
          id: chateletClient,
          name: "mergeInto",
          params: { merged: kept },
          version: 1,
        }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await appCodeOf(
        admin.resources.action({
          resource: "clients.clients",
          id: kept,
          name: "mergeInto",
          params: { merged: chateletClient },
          version: 1,
        }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await e.db
        .select({ id: e.t.partners.id })
        .from(e.t.partners)
        .where(inArray(e.t.partners.id, [kept, dup])),
    ).toHaveLength(2);
    expect(
      await h.db.select({ id: h.t.partners.id }).from(h.t.partners).where(eq(h.t.partners.id, chateletClient)),
    ).toHaveLength(1);

    await merge(admin, eupen, kept, dup);
    const [record] = await e.db
      .select({ id: e.t.clientMerges.id })
      .from(e.t.clientMerges)
      .where(eq(e.t.clientMerges.keptId, kept));
    expect(
      (await foreign.resources.list({ resource: "clients.merges", state: state() })).rows.map((r) => r.mergedName),
    ).not.toContain(`KELLER Karl (${dup})`);
    expect(await appCodeOf(foreign.resources.get({ resource: "clients.merges", id: record!.id + 10_000 }))).toBe(
      "NOT_FOUND",
    );
  });

  it("lets administrators merge and review merges, and refuses every other user type", async () => {
    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const kept = await client(eupen, "Erna", `Gast ${userType}`);
      const dup = await client(eupen, "Erna", `Gast ${userType}`);
      const mayMerge = hasRole(userType, "SiteAdmin");
      // Anonymous (000) has no session at all.
      const refused = userType === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
      expect(await appCodeOf(merge(caller, eupen, kept, dup)), userType).toBe(mayMerge ? "resolved" : refused);
      expect(await appCodeOf(caller.resources.list({ resource: "clients.merges", state: state() })), userType).toBe(
        mayMerge ? "resolved" : refused,
      );
      expect(
        (
          await tenantHandle(eupen)
            .db.select({ id: tenantHandle(eupen).t.partners.id })
            .from(tenantHandle(eupen).t.partners)
            .where(eq(tenantHandle(eupen).t.partners.id, dup))
        ).length,
        userType,
      ).toBe(mayMerge ? 0 : 1);
      if (userType !== "000") {
        const meta = await caller.resources.meta({ resource: "clients.clients" });
        expect(
          meta.actions.some((a) => a.name === "mergeInto"),
          userType,
        ).toBe(mayMerge);
      }
    }
  });
});
