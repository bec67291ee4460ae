import { eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { seedPropertiesDemo } from "@/server/cv/properties-seed";
import { loadMigrations, MIGRATIONS_DIR, rewriteStatement } from "@/db/migrate";
import { closePools, getPool } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";

afterAll(closePools);

/**
 * Eupen's properties (domain-integ-money §2.1): property groups, types and properties as Lino's
 * props fixture has them, and a client's skills, soft skills and obstacles on the Career tab where
 * the centre uses Eupen's field set.
 */
type Staff = Awaited<ReturnType<typeof newStaff>>;
let eupen: Tenant;
let other: Tenant;
let agent: Staff;
let staff: Staff;
let foreign: Staff;
let client: number;
const prop: Record<string, number> = {};

const useSets = async (tenant: Tenant, sets: string[]) => {
  const h = tenantHandle(tenant);
  await h.db.update(h.t.siteSettings).set({ clientFieldSets: sets }).where(eq(h.t.siteSettings.id, 1));
};
const listState = (client: number) => ({
  page: 1,
  pageSize: 50,
  sort: [],
  filters: {},
  q: "",
  master: { field: "client", value: client },
});

beforeAll(async () => {
  [eupen, other] = await Promise.all([newCentre("props-eupen"), newCentre("props-other")]);
  await Promise.all([useSets(eupen, ["eupen"]), useSets(other, ["eupen"])]);
  [agent, staff, foreign] = await Promise.all([newStaff(eupen, "100"), newStaff(eupen, "110"), newStaff(other, "100")]);
  client = await newClient(eupen, { firstName: "Anna", lastName: "Eigenschaft", language: "de" });
  const h = tenantHandle(eupen);
  const rows = await h.db.select({ id: h.t.cvProperties.id, names: h.t.cvProperties.names }).from(h.t.cvProperties);
  for (const en of ["Gardener", "Obedient", "Only full-time", "Driving licence"])
    prop[en] = rows.find((r) => r.names.en === en)!.id;
});

describe("the property configuration", () => {
  it("has Lino's groups, types and properties in four languages, each group feeding one client list", async () => {
    const h = tenantHandle(eupen);
    const groups = await h.db.select().from(h.t.cvPropGroups).orderBy(h.t.cvPropGroups.id);
    expect(groups.map((g) => [g.kind, g.names.de, g.names.fr])).toEqual([
      ["skills", "Fachkompetenzen", "Compétences professionnelles"],
      ["softSkills", "Sozialkompetenzen", "Compétences sociales"],
      ["obstacles", "Hindernisse", "Obstacles"],
    ]);
    const types = await h.db.select().from(h.t.cvPropTypes).orderBy(h.t.cvPropTypes.id);
    expect(types.map((t) => [t.names.en, t.choiceList])).toEqual([
      ["Present or not", null],
      ["Rating", "howWell"],
    ]);
    const props = await h.db
      .select({ group: h.t.cvPropGroups.kind, nl: h.t.cvProperties.names })
      .from(h.t.cvProperties)
      .innerJoin(h.t.cvPropGroups, eq(h.t.cvPropGroups.id, h.t.cvProperties.groupId));
    const count = (kind: string) => props.filter((p) => p.group === kind).length;
    expect([count("skills"), count("softSkills"), count("obstacles")]).toEqual([6, 2, 15]);
    expect(props.every((p) => p.nl.nl && p.nl.fr && p.nl.de && p.nl.en)).toBe(true);
  });

  it("lets one group only feed each list", async () => {
    const { caller } = staff;
    expect(
      await appCodeOf(
        caller.resources.create({ resource: "cv.propGroups", values: { name: { fr: "Autres" }, kind: "skills" } }),
      ),
    ).toBe("INVALID_INPUT");
    const { id } = await caller.resources.create({ resource: "cv.propGroups", values: { name: { fr: "Autres" } } });
    expect(Number(id)).toBeGreaterThan(0);
  });
});

describe("the migration 0046_letters_eupen_properties", () => {
  it("gives a centre without properties Lino's groups, types and properties, the seed's rows, once", async () => {
    const centre = await newCentre("props-old");
    const { db, t, schema } = tenantHandle(centre);
    const snapshot = async () =>
      (
        await db
          .select({ names: t.cvProperties.names, kind: t.cvPropGroups.kind, list: t.cvPropTypes.choiceList })
          .from(t.cvProperties)
          .innerJoin(t.cvPropGroups, eq(t.cvPropGroups.id, t.cvProperties.groupId))
          .innerJoin(t.cvPropTypes, eq(t.cvPropTypes.id, t.cvProperties.typeId))
          .orderBy(t.cvProperties.id)
      ).map((r) => [r.names.en, r.kind, r.list]);
    const seeded = await snapshot();
    expect(seeded).toHaveLength(23);
    // As a centre was before the migration: no property configuration at all.
    await db.delete(t.cvProperties).where(gt(t.cvProperties.id, 0));
    await db.delete(t.cvPropTypes).where(gt(t.cvPropTypes.id, 0));
    await db.delete(t.cvPropGroups).where(gt(t.cvPropGroups.id, 0));
    const migration = loadMigrations(MIGRATIONS_DIR.tenant).find((m) => m.tag === "0046_letters_eupen_properties")!;
    const data = migration.statements.find((st) => st.includes("-- hand-written") && st.includes("cv_prop_groups"))!;
    const pool = getPool(centre.clusterId);
    await pool.query(rewriteStatement(data, schema));
    await pool.query(rewriteStatement(data, schema));
    expect(await snapshot()).toEqual(seeded);
    expect(await db.select().from(t.cvPropGroups)).toHaveLength(3);
    expect(await db.select().from(t.cvPropTypes)).toHaveLength(2);
  });
});

describe("a client's properties", () => {
  it("lists skills, soft skills and obstacles apart, each with the properties of its group", async () => {
    const { caller } = agent;
    await caller.resources.create({ resource: "cv.personSkills", values: { client, property: prop.Gardener } });
    await caller.resources.create({
      resource: "cv.personSoftSkills",
      values: { client, property: prop.Obedient, value: "3", remark: "im Praktikum" },
    });
    await caller.resources.create({
      resource: "cv.personObstacles",
      values: { client, property: prop["Only full-time"] },
    });
    const names = async (resource: string) =>
      (await caller.resources.list({ resource, state: listState(client) })).rows.map((r) => [
        (r.property as { label: Record<string, string> } | null)?.label?.en ?? JSON.stringify(r.property),
        r.value,
      ]);
    expect(await names("cv.personSkills")).toEqual([["Gardener", ""]]);
    expect(await names("cv.personSoftSkills")).toEqual([["Obedient", "3"]]);
    expect(await names("cv.personObstacles")).toEqual([["Only full-time", ""]]);
    const h = tenantHandle(eupen);
    const rows = await h.db.select().from(h.t.cvPersonProperties).where(eq(h.t.cvPersonProperties.clientId, client));
    const groupOf = async (kind: string) =>
      (await h.db.select().from(h.t.cvPropGroups).where(eq(h.t.cvPropGroups.kind, kind)))[0]!.id;
    expect(rows.find((r) => r.propertyId === prop.Obedient)?.groupId).toBe(await groupOf("softSkills"));
  });

  it("refuses another group's property and a rating outside the scale", async () => {
    const { caller } = agent;
    const refused = (resource: string, values: Record<string, unknown>) =>
      appCodeOf(caller.resources.create({ resource, values: { client, ...values } }));
    expect(await refused("cv.personSkills", { property: prop["Only full-time"] })).toBe("INVALID_INPUT");
    // A skill is present or not; a value given there is kept, as Lino keeps it.
    const { id } = await caller.resources.create({
      resource: "cv.personSkills",
      values: { client, property: prop["Driving licence"], value: "2" },
    });
    expect((await caller.resources.get({ resource: "cv.personSkills", id })).value).toBe("2");
    expect(await refused("cv.personSoftSkills", { property: prop.Obedient, value: "9" })).toBe("INVALID_INPUT");
    expect(await refused("cv.personSoftSkills", { property: 2_000_000_000 })).toBe("INVALID_INPUT");
  });

  it("does not show one list's row through another list", async () => {
    const h = tenantHandle(eupen);
    const [skill] = await h.db
      .select({ id: h.t.cvPersonProperties.id })
      .from(h.t.cvPersonProperties)
      .where(eq(h.t.cvPersonProperties.propertyId, prop.Gardener!));
    expect(await appCodeOf(agent.caller.resources.get({ resource: "cv.personObstacles", id: skill!.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("are on the Career tab only where the centre uses Eupen's field set", async () => {
    const slaves = async () =>
      (await agent.caller.resources.meta({ resource: "clients.clients" })).detail
        .find((t) => t.key === "career")!
        .slaves.map((s) => s.resource);
    expect(await slaves()).toEqual(
      expect.arrayContaining(["cv.personSkills", "cv.personSoftSkills", "cv.personObstacles"]),
    );
    await useSets(eupen, ["chatelet"]);
    try {
      expect(await slaves()).not.toContain("cv.personSkills");
      expect(await slaves()).toContain("cv.skills");
    } finally {
      await useSets(eupen, ["eupen"]);
    }
  });

  it("never reaches another centre's client properties", async () => {
    const h = tenantHandle(eupen);
    const [row] = await h.db.select({ id: h.t.cvPersonProperties.id }).from(h.t.cvPersonProperties).limit(1);
    expect(await appCodeOf(foreign.caller.resources.get({ resource: "cv.personSkills", id: row!.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await appCodeOf(
        foreign.caller.resources.create({ resource: "cv.personSkills", values: { client, property: prop.Gardener } }),
      ),
    ).toBe("INVALID_INPUT");
  });

  it("are written by integration agents and read by no one else; the configuration by career staff", async () => {
    for (const type of USER_TYPES.filter((u) => u !== "000")) {
      const s = await newStaff(eupen, type);
      const career = hasRole(type, "CareerUser");
      const listed = appCodeOf(s.caller.resources.list({ resource: "cv.personSkills", state: listState(client) }));
      expect(await listed, `list by ${type}`).toBe(career ? "resolved" : "FORBIDDEN");
      const created = appCodeOf(
        s.caller.resources.create({ resource: "cv.propTypes", values: { name: { fr: `Type ${type}` } } }),
      );
      expect(await created, `config by ${type}`).toBe(hasRole(type, "CareerStaff") ? "resolved" : "FORBIDDEN");
    }
  });
});

describe("the demo", () => {
  it("gives clients Lino's demo properties: ten per on/off property, fifty ratings per appraised one", async () => {
    const h = tenantHandle(other);
    for (let i = 0; i < 7; i++) await newClient(other, { firstName: `Demo${i}`, lastName: "Eigenschaft" });
    await seedPropertiesDemo(h, { kind: "demo", slug: "eupen" } as never);
    const rows = await h.db
      .select({ kind: h.t.cvPropGroups.kind, value: h.t.cvPersonProperties.value })
      .from(h.t.cvPersonProperties)
      .innerJoin(h.t.cvPropGroups, eq(h.t.cvPropGroups.id, h.t.cvPersonProperties.groupId));
    const count = (kind: string) => rows.filter((r) => r.kind === kind).length;
    // 6 skills × 10, 2 soft skills × 10 × 5 ratings, 15 obstacles × 10.
    expect([count("skills"), count("softSkills"), count("obstacles")]).toEqual([60, 100, 150]);
    expect(rows.filter((r) => r.kind === "softSkills" && r.value === "4")).toHaveLength(20);
    // Seeded once.
    await seedPropertiesDemo(h, { kind: "demo", slug: "eupen" } as never);
    expect(await h.db.select().from(h.t.cvPersonProperties)).toHaveLength(310);
  });
});
