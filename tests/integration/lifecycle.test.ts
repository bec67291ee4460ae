import { existsSync, readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { c, controlDb } from "@/server/db/control";
import { closePools, getPool } from "@/server/db/pool";
import {
  createTenant,
  deleteTenant,
  getTenant,
  resetTenant,
  resumeTenant,
  suspendTenant,
} from "@/server/tenancy/lifecycle";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { TENANT_SCHEMA_VERSION } from "@/server/tenancy/version";
import { appCodeOf, newCentre, uniqueSlug } from "./helpers";

afterAll(closePools);

const placeCount = async (tenant: Parameters<typeof tenantHandle>[0]) => {
  const { db, t } = tenantHandle(tenant);
  const [row] = await db.select({ n: count() }).from(t.places);
  return row!.n;
};
const schemaExists = async (schema: string) =>
  (await getPool().query("select 1 from information_schema.schemata where schema_name=$1", [schema])).rowCount === 1;
const auditActions = async (tenantId: string) =>
  (
    await controlDb()
      .select({ action: c.controlAudit.action })
      .from(c.controlAudit)
      .where(eq(c.controlAudit.tenantId, tenantId))
  ).map((r) => r.action);

describe("creating a centre", () => {
  it("registers, migrates, seeds and activates it, with its domain and an audit trail", async () => {
    const slug = uniqueSlug("create");
    const { tenant, created } = await createTenant(
      { slug, names: { fr: "CPAS de Test", de: "ÖSHZ Test" }, defaultLocale: "de", kind: "production" },
      "test",
    );
    expect(created).toBe(true);
    expect(tenant).toMatchObject({
      slug,
      status: "active",
      kind: "production",
      defaultLocale: "de",
      schemaVersion: TENANT_SCHEMA_VERSION,
    });
    expect(tenant.schemaName).toBe(`t_${tenant.id.replace(/-/g, "")}`);
    expect(await placeCount(tenant)).toBeGreaterThan(2500);
    const [domain] = await controlDb().select().from(c.domains).where(eq(c.domains.tenantId, tenant.id));
    expect(domain?.host).toBe(`${slug}.localhost`);
    expect(await auditActions(tenant.id)).toEqual(expect.arrayContaining(["tenant.create", "tenant.activate"]));
  });

  it("is idempotent: creating it again changes nothing", async () => {
    const tenant = await newCentre("again");
    const before = await placeCount(tenant);
    const again = await createTenant({ slug: tenant.slug, names: { fr: "Other name" }, defaultLocale: "nl" }, "test");
    expect(again.created).toBe(false);
    expect(again.tenant.id).toBe(tenant.id);
    expect(again.tenant.names.fr).toBe(tenant.names.fr);
    expect(await placeCount(tenant)).toBe(before);
  });

  it("resumes a creation that crashed half-way, without seeding twice", async () => {
    const slug = uniqueSlug("crash");
    const crashAtSeeding = (line: string) => {
      if (line.startsWith("seeding")) throw new Error("simulated crash");
    };
    await expect(
      createTenant({ slug: slug, names: { fr: "CPAS Crash" }, defaultLocale: "fr" }, "test", crashAtSeeding),
    ).rejects.toThrow("simulated crash");
    const halfway = await getTenant(slug);
    expect(halfway.status).toBe("provisioning");
    expect(availability(halfway)).toBe("provisioning");

    const { tenant, created } = await createTenant(
      { slug: slug, names: { fr: "CPAS Crash" }, defaultLocale: "fr" },
      "test",
    );
    expect(created).toBe(true);
    expect(tenant.status).toBe("active");
    const seeded = await placeCount(tenant);
    await createTenant({ slug: slug, names: { fr: "CPAS Crash" }, defaultLocale: "fr" }, "test");
    expect(await placeCount(tenant)).toBe(seeded);
  });

  it("refuses invalid and reserved addresses with their own error codes", async () => {
    expect(await appCodeOf(createTenant({ slug: "Not valid!", names: { fr: "x" }, defaultLocale: "fr" }, "test"))).toBe(
      "SLUG_INVALID",
    );
    expect(await appCodeOf(createTenant({ slug: "console", names: { fr: "x" }, defaultLocale: "fr" }, "test"))).toBe(
      "SLUG_RESERVED",
    );
    expect(
      await appCodeOf(createTenant({ slug: uniqueSlug("noname"), names: { fr: "  " }, defaultLocale: "fr" }, "test")),
    ).toBe("INVALID_INPUT");
  });
});

describe("suspending, resetting and deleting", () => {
  it("suspends and resumes, ending open sessions on suspension", async () => {
    const tenant = await newCentre("susp");
    const suspended = await suspendTenant(tenant.slug, "test");
    expect(availability(suspended)).toBe("suspended");
    expect(suspended.sessionEpoch).toBe(tenant.sessionEpoch + 1);
    expect(await appCodeOf(suspendTenant(tenant.slug, "test"))).toBe("TENANT_STATE_CONFLICT");
    expect(availability(await resumeTenant(tenant.slug, "test"))).toBe("served");
    expect(await auditActions(tenant.id)).toEqual(expect.arrayContaining(["tenant.suspend", "tenant.resume"]));
  });

  it("resets a training centre to fresh seed data, and refuses to reset a production centre", async () => {
    const training = await newCentre("reset", "training");
    const h = tenantHandle(training);
    await h.db
      .insert(h.t.places)
      .values({ kind: "village", zipCode: "9999", names: { fr: "Added in training" }, countryCode: "BE" });
    const before = await placeCount(training);
    const { tenant } = await resetTenant(training.slug, "test");
    expect(tenant.id).toBe(training.id);
    expect(tenant.status).toBe("active");
    expect(await placeCount(tenant)).toBe(before - 1);

    const production = await newCentre("noreset", "production");
    expect(await appCodeOf(resetTenant(production.slug, "test"))).toBe("TENANT_KIND_NOT_RESETTABLE");
    expect(await placeCount(production)).toBeGreaterThan(0);
  });

  it("exports the schema to a file before dropping it, then forgets the centre", async () => {
    const tenant = await newCentre("del");
    const h = tenantHandle(tenant);
    await h.db
      .insert(h.t.places)
      .values({ kind: "city", zipCode: "7777", names: { fr: "Export-Me" }, countryCode: "BE" });
    const exported = await deleteTenant(tenant.slug, "test");
    expect(existsSync(exported.file)).toBe(true);
    expect(readFileSync(exported.file, "utf8")).toContain("Export-Me");
    expect(await schemaExists(tenant.schemaName)).toBe(false);
    expect(await appCodeOf(getTenant(tenant.slug))).toBe("TENANT_NOT_FOUND");
    expect(await auditActions(tenant.id)).toEqual(expect.arrayContaining(["tenant.delete", "tenant.drop"]));
  });
});
