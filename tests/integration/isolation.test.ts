import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { closePools } from "@/server/db/pool";
import { controlDb, c } from "@/server/db/control";
import { findById, tenantHandle } from "@/server/tenancy/tenant-db";
import type { Tenant } from "@/server/tenancy/registry";
import { appCodeOf, callerOn, centreHost, consoleHost, newCentre, newUser, signedInCaller } from "./helpers";

afterAll(closePools);

// Two centres, each with a place only it has: every read path must show each its own and nothing else.
let eupen: Tenant;
let chatelet: Tenant;
beforeAll(async () => {
  [eupen, chatelet] = [
    await newCentre("iso-eupen", "production", "ÖSHZ Eupen"),
    await newCentre("iso-chatelet", "production", "CPAS de Châtelet"),
  ];
  for (const [tenant, name] of [
    [eupen, "Zzeupenonly"],
    [chatelet, "Zzchateletonly"],
  ] as const) {
    const { db, t } = tenantHandle(tenant);
    await db.insert(t.places).values({ kind: "village", zipCode: "0001", names: { fr: name }, countryCode: "BE" });
  }
});

const healthOf = async (host: string, headers: Record<string, string> = {}) => {
  const res = await health(new Request("http://internal/api/health", { headers: { host, ...headers } }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("isolation between centres", () => {
  it("tRPC: each centre finds its own data only", async () => {
    const onEupen = await signedInCaller(eupen, "100");
    const onChatelet = await signedInCaller(chatelet, "100");
    expect((await onEupen.geo.searchPlaces({ q: "Zz" })).map((p) => p.names.fr)).toEqual(["Zzeupenonly"]);
    expect((await onChatelet.geo.searchPlaces({ q: "Zz" })).map((p) => p.names.fr)).toEqual(["Zzchateletonly"]);
    expect(await onChatelet.geo.searchPlaces({ q: "Zzeupen" })).toEqual([]);
  });

  it("tRPC: centre info names the centre of the host", async () => {
    expect((await (await callerOn(centreHost(eupen.slug))).centre.info()).names.fr).toBe("ÖSHZ Eupen");
    expect((await (await callerOn(centreHost(chatelet.slug))).centre.info()).names.fr).toBe("CPAS de Châtelet");
  });

  it("tRPC: a session of one centre is anonymous on another, even for the same user id", async () => {
    const { claims } = await newUser(eupen, "900");
    await newUser(chatelet, "900"); // makes sure an id like the Eupen user's exists in Châtelet too
    const onChatelet = await callerOn(centreHost(chatelet.slug), {}, claims);
    expect(await appCodeOf(onChatelet.geo.searchPlaces({ q: "Zz" }))).toBe("UNAUTHORIZED");
    expect(await appCodeOf(onChatelet.users.list())).toBe("UNAUTHORIZED");
    expect((await (await callerOn(centreHost(eupen.slug), {}, claims)).users.list()).length).toBeGreaterThan(0);
  });

  it("tRPC: centre data needs a signed-in user", async () => {
    expect(await appCodeOf((await callerOn(centreHost(eupen.slug))).geo.searchPlaces({ q: "Zz" }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("tRPC: the console and unknown centres reach no centre data", async () => {
    expect(await appCodeOf((await callerOn(consoleHost)).geo.searchPlaces({ q: "Zz" }))).toBe("TENANT_NOT_FOUND");
    expect(await appCodeOf((await callerOn(centreHost("no-such-centre"))).geo.searchPlaces({ q: "Zz" }))).toBe(
      "TENANT_NOT_FOUND",
    );
    expect(await appCodeOf((await callerOn({ kind: "unknown" })).geo.searchPlaces({ q: "Zz" }))).toBe(
      "TENANT_NOT_FOUND",
    );
  });

  it("health: each host reports its own centre, and a spoofed tenant header changes nothing", async () => {
    expect((await healthOf(`${eupen.slug}.localhost:3000`)).body.slug).toBe(eupen.slug);
    expect((await healthOf(`${chatelet.slug}.localhost`)).body.slug).toBe(chatelet.slug);
    const spoofed = await healthOf(`${eupen.slug}.localhost`, {
      "x-entraide-host-kind": "tenant",
      "x-entraide-tenant": chatelet.slug,
    });
    expect(spoofed.status).toBe(404);
    expect(JSON.stringify(spoofed.body)).not.toContain(chatelet.slug);
    expect((await healthOf("unknown.example.com")).status).toBe(404);
  });

  it("table handles are bound to their schema: no query of one handle reads another schema", async () => {
    const e = tenantHandle(eupen);
    const query = e.db.select().from(e.t.places).toSQL().sql;
    expect(query).toContain(`"${eupen.schemaName}"."places"`);
    expect(query).not.toContain(chatelet.schemaName);
  });

  it("lookups by primary key stay in their centre, even for the same id", async () => {
    const e = tenantHandle(eupen);
    const ch = tenantHandle(chatelet);
    const [row] = await ch.db
      .select({ id: ch.t.places.id })
      .from(ch.t.places)
      .where(sql`${ch.t.places.names}->>'fr' = 'Zzchateletonly'`);
    await e.db
      .update(e.t.places)
      .set({ names: { fr: "Eupen's row with that id" } })
      .where(sql`${e.t.places.id} = ${row!.id}`);
    expect((await findById(ch, ch.t.places, row!.id))?.names.fr).toBe("Zzchateletonly");
    expect((await findById(e, e.t.places, row!.id))?.names.fr).toBe("Eupen's row with that id");
    expect(await findById(e, e.t.places, -1)).toBeUndefined();
  });

  it("a centre whose schema is behind the code is not served", async () => {
    const lagging = await newCentre("iso-lag");
    await controlDb()
      .update(c.tenants)
      .set({ schemaVersion: 0 })
      .where(sql`${c.tenants.id} = ${lagging.id}`);
    const { invalidateTenant } = await import("@/server/tenancy/registry");
    invalidateTenant(lagging.slug);
    const { claims } = await newUser(lagging, "900");
    expect(await appCodeOf((await callerOn(centreHost(lagging.slug), {}, claims)).geo.searchPlaces({ q: "Eu" }))).toBe(
      "TENANT_UNAVAILABLE",
    );
    const h = await healthOf(`${lagging.slug}.localhost`);
    expect(h.status).toBe(503);
    expect(h.body.availability).toBe("maintenance");
  });
});
