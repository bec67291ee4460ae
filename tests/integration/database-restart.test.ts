import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { createTenant, deleteTenant } from "@/server/tenancy/lifecycle";
import type { Tenant } from "@/server/tenancy/registry";
import { newClient, newStaff } from "./factories";
import { errorAsSent, uniqueSlug } from "./helpers";
import { privatePostgres } from "./setup/private-postgres";

// A centre's database cluster stops while the app runs, then comes back: meanwhile every request of
// that centre answers 503 "temporarily unavailable, nothing was saved" (never an internal error), the
// health check says the database is down, and once it is back the centre is served again without
// any restart of the app.

let server: Awaited<ReturnType<typeof privatePostgres>>;
let tenant: Tenant;
beforeAll(async () => {
  server = await privatePostgres();
  process.env.DATABASE_URL_RESTARTS = server.url;
  await controlDb()
    .insert(c.clusters)
    .values({ id: "restarts", urlEnv: "DATABASE_URL_RESTARTS", description: "a test's own server" })
    .onConflictDoNothing();
  ({ tenant } = await createTenant(
    {
      slug: uniqueSlug("restart"),
      names: { fr: "CPAS restart" },
      defaultLocale: "fr",
      kind: "production",
      clusterId: "restarts",
    },
    "test",
  ));
});
afterAll(async () => {
  await deleteTenant(tenant.slug, "test").catch(() => undefined);
  await closePools();
  server.remove();
});

const healthOf = async (slug: string) => {
  const res = await health(
    new Request(`http://${slug}.localhost/api/health`, { headers: { host: `${slug}.localhost` } }),
  );
  return { status: res.status, body: (await res.json()) as { database?: string } };
};

describe("a centre's database cluster going down and coming back", () => {
  it("answers 503 while it is down, saves nothing, and serves again once it is back", async () => {
    const agent = await newStaff(tenant, "100");
    await newClient(tenant, { lastName: "Avant" });
    const list = () =>
      agent.caller.resources.list({ resource: "clients.clients", state: { page: 1, pageSize: 50, q: "" } as never });
    expect((await list()).rows.length).toBe(1);
    expect(await healthOf(tenant.slug)).toMatchObject({ status: 200, body: { database: "up" } });

    server.stop();
    try {
      expect(await list().catch(errorAsSent)).toMatchObject({ httpStatus: 503, appCode: "DATABASE_UNAVAILABLE" });
      const created = await agent.caller.resources
        .create({ resource: "contacts.persons", values: { firstName: "Pendant", lastName: "Panne" } })
        .catch(errorAsSent);
      expect(created).toMatchObject({ httpStatus: 503, appCode: "DATABASE_UNAVAILABLE" });
      expect(await healthOf(tenant.slug)).toMatchObject({ status: 503, body: { database: "down" } });
    } finally {
      server.start();
    }

    // Back, without restarting anything: the same user is served, and nothing of the outage was saved.
    expect((await list()).rows.map((r) => r.name)).toEqual([expect.stringMatching(/^AVANT/)]);
    const pool = (await import("@/server/db/pool")).getPool("restarts");
    const { rows } = await pool.query(
      `select count(*)::int as n from "${tenant.schemaName}".partners where last_name = 'Panne'`,
    );
    expect(rows[0].n).toBe(0);
    expect(await healthOf(tenant.slug)).toMatchObject({ status: 200, body: { database: "up" } });
    // Every connection checked out during the outage came back (a failed "begin" too): none is lost.
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
