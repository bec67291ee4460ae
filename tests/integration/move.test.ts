import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { c, controlDb } from "@/server/db/control";
import { closePools, getPool } from "@/server/db/pool";
import { schemaFingerprint } from "@/server/tenancy/backup";
import { getTenant } from "@/server/tenancy/lifecycle";
import { moveTenant } from "@/server/tenancy/move";
import { availability } from "@/server/tenancy/registry";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import { newClient, newStaff } from "./factories";
import { appCodeOf, callerOn, consoleHost, newCentre, uniqueSlug } from "./helpers";
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

  it("from the console: lists the reachable clusters, moves in the background, refuses a second move at once", async () => {
    const email = `${uniqueSlug("mover")}@entraide.test`;
    await createOperator({ email, name: "Mona Mover", password: "correct horse battery" }, "test");
    const cookies = {
      [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(email, "correct horse battery")),
    };
    const api = await callerOn(consoleHost, cookies);
    const centre = await newCentre("move-console", "production");
    await newClient(centre, { lastName: "Voyageur" });
    // A cluster the control plane lists but this instance cannot reach is not offered.
    await controlDb()
      .insert(c.clusters)
      .values({ id: "unreachable", urlEnv: "DATABASE_URL_UNREACHABLE", description: "" })
      .onConflictDoNothing();
    expect((await api.operator.tenants.clusters()).map((r) => r.id)).toEqual(["default", "moves"]);

    // Refusals come back to the operator at once, nothing started.
    expect(await appCodeOf(api.operator.tenants.move({ slug: centre.slug, to: "unreachable" }))).toBe(
      "CLUSTER_INVALID",
    );
    expect(await appCodeOf(api.operator.tenants.move({ slug: centre.slug, to: "default" }))).toBe("CLUSTER_INVALID");

    expect(await api.operator.tenants.move({ slug: centre.slug, to: "moves" })).toEqual({ movingTo: "moves" });
    const row = async () => (await api.operator.tenants.list()).tenants.find((r) => r.slug === centre.slug)!;
    expect(await row()).toMatchObject({ movingTo: "moves", availability: "maintenance", clusterId: "default" });
    // A second click while it moves is refused, not a second copy.
    expect(await appCodeOf(api.operator.tenants.move({ slug: centre.slug, to: "moves" }))).toBe(
      "TENANT_STATE_CONFLICT",
    );
    // The console's move waits for requests already begun to end (a few seconds), then copies.
    await expect.poll(async () => (await row()).clusterId, { timeout: 60_000, interval: 500 }).toBe("moves");
    expect(await row()).toMatchObject({ movingTo: null, availability: "served", moveFailed: null });
    expect(await schemaOn("moves", centre.schemaName)).toBe(true);
    // The old copy goes only after the switch.
    await expect.poll(() => schemaOn("default", centre.schemaName), { timeout: 30_000 }).toBe(false);
    const audit = await controlDb().select().from(c.controlAudit).where(eq(c.controlAudit.tenantId, centre.id));
    expect(audit.filter((a) => a.action.startsWith("tenant.move")).map((a) => [a.action, a.actor])).toEqual([
      ["tenant.move.start", `operator:${email}`],
      ["tenant.move", `operator:${email}`],
    ]);
  }, 90_000);

  it("shows the last failed move in the console until the next attempt", async () => {
    const centre = await newCentre("move-shown", "production");
    await appCodeOf(
      moveTenant(centre.slug, "moves", "test", {
        settleMs: 0,
        progress: (line) => {
          if (line.startsWith("comparing")) throw new Error("simulated failure");
        },
      }),
    );
    const email = `${uniqueSlug("watcher")}@entraide.test`;
    await createOperator({ email, name: "Walt Watcher", password: "correct horse battery" }, "test");
    const api = await callerOn(consoleHost, {
      [OPERATOR_COOKIE]: await signOperatorSession(await authenticateOperator(email, "correct horse battery")),
    });
    const row = (await api.operator.tenants.list()).tenants.find((r) => r.slug === centre.slug)!;
    expect(row).toMatchObject({ clusterId: "default", movingTo: null, moveFailed: { to: "moves" } });
    expect(row.moveFailed!.error).toContain("simulated failure");
  });

  it("is for operators only: not on a centre's address, not without an operator's session", async () => {
    const centre = await newCentre("move-admin", "production");
    const admin = await newStaff(centre, "900");
    expect(await appCodeOf(admin.caller.operator.tenants.clusters())).toBe("NOT_FOUND");
    expect(
      await appCodeOf((await callerOn(consoleHost)).operator.tenants.move({ slug: centre.slug, to: "moves" })),
    ).toBe("UNAUTHORIZED");
    expect((await getTenant(centre.slug)).movingTo).toBeNull();
  });
});
