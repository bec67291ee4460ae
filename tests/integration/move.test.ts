import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { c, controlDb } from "@/server/db/control";
import { closePools, getPool } from "@/server/db/pool";
import { schemaFingerprint } from "@/server/tenancy/backup";
import { getTenant } from "@/server/tenancy/lifecycle";
import { moveTenant } from "@/server/tenancy/move";
import { availability } from "@/server/tenancy/registry";
import { newClient, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";
import { privatePostgres } from "./setup/private-postgres";

// A centre moves from the tests' database to a PostgreSQL server of the test's own (a second
// cluster), and back out of a failed move.

let server: Awaited<ReturnType<typeof privatePostgres>>;
beforeAll(async () => {
  server = await privatePostgres();
  process.env.DATABASE_URL_MOVES = server.url;
  await controlDb()
    .insert(c.clusters)
    .values({ id: "moves", urlEnv: "DATABASE_URL_MOVES", description: "a test's own server" })
    .onConflictDoNothing();
});
afterAll(async () => {
  await closePools();
  server.remove();
});

const schemaOn = async (cluster: string, schema: string) =>
  (await getPool(cluster).query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount === 1;

describe("moving a centre to another cluster", () => {
  it("copies every table, switches the centre's cluster, serves it there and drops the old schema", async () => {
    const centre = await newCentre("move", "demo");
    await newClient(centre, { lastName: "Déménagé" });
    const before = await schemaFingerprint(getPool("default"), centre.schemaName);
    const steps: string[] = [];
    // What the app makes of the centre while the copy is compared (the lookup starts right then).
    let seenDuringMove: Promise<string> | undefined;
    const { tenant, downtimeMs } = await moveTenant(centre.slug, "moves", "test", {
      settleMs: 0,
      progress: (line) => {
        steps.push(line);
        if (line.startsWith("comparing")) seenDuringMove = getTenant(centre.slug).then(availability);
      },
    });
    expect(tenant).toMatchObject({ clusterId: "moves", movingTo: null, status: "active" });
    expect(downtimeMs).toBeGreaterThan(0);
    expect(await seenDuringMove).toBe("maintenance");
    expect(await schemaFingerprint(getPool("moves"), centre.schemaName)).toEqual(before);
    expect(await schemaOn("default", centre.schemaName)).toBe(false);

    // Served from the new cluster: a user works there.
    const agent = await newStaff(tenant, "100");
    const page = await agent.caller.resources.list({
      resource: "clients.clients",
      state: { page: 1, pageSize: 50, q: "Déménagé" } as never,
    });
    expect(page.rows).toHaveLength(1);
    const audit = await controlDb().select().from(c.controlAudit).where(eq(c.controlAudit.tenantId, centre.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["tenant.move.start", "tenant.move"]));
  });

  it("rolls back to the old cluster serving when it fails midway, leaving no copy on the target", async () => {
    const centre = await newCentre("move-fail", "production");
    await newClient(centre, { lastName: "Resté" });
    const before = await schemaFingerprint(getPool("default"), centre.schemaName);
    const failAtComparison = (line: string) => {
      if (line.startsWith("comparing")) throw new Error("simulated failure");
    };
    expect(await appCodeOf(moveTenant(centre.slug, "moves", "test", { settleMs: 0, progress: failAtComparison }))).toBe(
      "MOVE_FAILED",
    );
    const after = await getTenant(centre.slug);
    expect(after).toMatchObject({ clusterId: "default", movingTo: null });
    expect(availability(after)).toBe("served");
    expect(await schemaOn("moves", centre.schemaName)).toBe(false);
    expect(await schemaFingerprint(getPool("default"), centre.schemaName)).toEqual(before);
  });

  it("refuses an unknown cluster and the one the centre is on, changing nothing", async () => {
    const centre = await newCentre("move-no", "production");
    expect(await appCodeOf(moveTenant(centre.slug, "nowhere", "test", { settleMs: 0 }))).toBe("CLUSTER_INVALID");
    expect(await appCodeOf(moveTenant(centre.slug, "default", "test", { settleMs: 0 }))).toBe("CLUSTER_INVALID");
    expect(availability(await getTenant(centre.slug))).toBe("served");
  });
});
