import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { resetEnvCache } from "@/server/env";
import { findTenantBySlug, invalidateTenant, type Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { errorAsSent, newCentre } from "./helpers";

// One pool of connections serves every centre. Here it has 4, a centre may hold 2 of them, and a
// held row lock is waited for as long as it takes: six edits of centre A wait on one row, and
// centre B's list is still answered, not refused after a free connection failed to come in time.
// Who waits is read on a connection of its own: inside the holder's transaction PostgreSQL would
// show the same pg_stat_activity snapshot every time (taken at its first read), and the test once
// waited for waiters it could never see.

const saved = Object.fromEntries(
  ["DB_POOL_MAX", "DB_CENTRE_MAX", "DB_LOCK_TIMEOUT_MS", "DB_CHECKOUT_TIMEOUT_MS"].map((k) => [k, process.env[k]]),
);
let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  await closePools();
  Object.assign(process.env, {
    DB_POOL_MAX: "4",
    DB_CENTRE_MAX: "2",
    DB_LOCK_TIMEOUT_MS: "0",
    // Long enough that no edit gives up waiting for its share on a loaded machine.
    DB_CHECKOUT_TIMEOUT_MS: "20000",
  });
  resetEnvCache();
  a = await newCentre("share-a", "production");
  b = await newCentre("share-b", "production");
});
afterAll(async () => {
  await closePools();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

describe("a centre's share of the shared pool", () => {
  it("keeps another centre served while every request of one centre waits on a held row", async () => {
    const agentA = await newStaff(a, "100");
    const agentB = await newStaff(b, "100");
    const client = await newClient(a, { firstName: "Marie", lastName: "Dubois" });
    await newClient(b, { firstName: "Jan", lastName: "Peeters" });
    const row = await agentA.caller.resources.get({ resource: "clients.clients", id: client });

    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await observer.connect();
    let edits: Promise<unknown>[] = [];
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "${a.schemaName}".partners WHERE id = $1 FOR UPDATE`, [client]);
      // More edits than the whole pool has connections, each waiting for the row.
      edits = Array.from({ length: 6 }, (_, i) =>
        agentA.caller.resources
          .update({
            resource: "clients.clients",
            id: client,
            version: row.__version as number,
            patch: { remarks: `edit ${i}` },
          })
          .then(
            () => "saved",
            (e: unknown) => errorAsSent(e),
          ),
      );
      // Wait until edits hold connections waiting for the row (all four of the pool's, without shares).
      const waiters = async () =>
        Number(
          (
            await observer.query<{ n: string }>(
              "select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
            )
          ).rows[0]!.n,
        );
      let settled = 0;
      for (const edit of edits) void edit.then(() => settled++);
      while ((await waiters()) < 2 && settled < edits.length) await new Promise((r) => setTimeout(r, 50));
      expect(settled).toBe(0); // every edit is still waiting
      await new Promise((r) => setTimeout(r, 500));
      const list = await agentB.caller.resources
        .list({ resource: "clients.clients", state: { page: 1, pageSize: 10 } as never })
        .catch((e: unknown) => errorAsSent(e));
      expect(list).toMatchObject({ rows: [expect.objectContaining({ name: "PEETERS Jan (1)" })] });
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
      await holder.end();
      await observer.end();
    }
    // Once the row is free, one edit is saved; the others were made on a stale version, or found
    // their centre's share busy past the checkout wait: refused, never half-saved.
    const outcomes = await Promise.all(edits);
    expect(outcomes.filter((o) => o === "saved")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o !== "saved"))
      expect(o).toMatchObject({ httpStatus: expect.any(Number) as number });
  });

  it("lets a transaction's own work through while the centre's share is full of requests waiting for it", async () => {
    const { db } = tenantHandle(a);
    const client = await newClient(a, { firstName: "Paul", lastName: "Martin" });
    const lockRow = sql`select 1 from ${sql.identifier(a.schemaName)}.partners where id = ${client} for update`;
    let waiter: Promise<unknown> | undefined;
    const seen = await db.transaction(async (tx) => {
      await tx.execute(lockRow);
      // The share's other place goes to a transaction that waits for this one's row lock.
      waiter = db.transaction((other) => other.execute(lockRow));
      const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await observer.connect();
      try {
        const lockWaits = async () =>
          Number(
            (
              await observer.query<{ n: string }>(
                "select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
              )
            ).rows[0]!.n,
          );
        while ((await lockWaits()) < 1) await new Promise((r) => setTimeout(r, 50));
      } finally {
        await observer.end();
      }
      // Work this transaction starts on the centre's handle itself (not on `tx`): it must not
      // queue behind the waiter, which waits for this transaction to end.
      const [row] = (await db.execute(sql`select 'served' as answer`)).rows;
      return row;
    });
    await waiter;
    expect(seen).toEqual({ answer: "served" });
  });

  it("gets back every connection whose transaction could not begin, and keeps serving the centre", async () => {
    const agent = await newStaff(a, "100");
    const { db } = tenantHandle(a);
    // A "begin" PostgreSQL refuses (here its isolation level; after an outage, a dead connection),
    // more times than the centre may hold connections at once.
    for (let i = 0; i < 3; i++) {
      const refused = await db
        .transaction(async () => "begun", { isolationLevel: "no such level" as never })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
    }
    const list = await agent.caller.resources
      .list({ resource: "clients.clients", state: { page: 1, pageSize: 10 } as never })
      .catch((e: unknown) => errorAsSent(e));
    expect(list).toMatchObject({ rows: expect.any(Array) as unknown[] });
  });

  it("gets back the control plane's connections whose transaction could not begin", async () => {
    // More refused "begin"s than the whole pool has connections, then the control plane still answers.
    for (let i = 0; i < 5; i++) {
      const refused = await controlDb()
        .transaction(async () => "begun", { isolationLevel: "no such level" as never })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
    }
    expect(await findTenantBySlug(a.slug).then((t) => t?.id)).toBe(a.id);
    invalidateTenant(a.slug);
    const [row] = await controlDb().select({ id: c.tenants.id }).from(c.tenants).where(eq(c.tenants.slug, a.slug));
    expect(row?.id).toBe(a.id);
  });
});
