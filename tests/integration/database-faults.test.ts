import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { eq } from "drizzle-orm";
import { newClient, newStaff } from "./factories";
import { errorAsSent, newCentre } from "./helpers";

// A centre whose rows are held by a stuck transaction answers "temporarily unavailable, nothing was
// saved" once the wait exceeds the lock timeout (DB_LOCK_TIMEOUT_MS), and another centre is served
// meanwhile: one centre cannot stall the others.

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await newCentre("fault-a", "production");
  b = await newCentre("fault-b", "production");
});
afterAll(closePools);

describe("a row held by another transaction", () => {
  it("makes the edit answer 503 after the lock timeout, saving nothing, while another centre is served", async () => {
    const agentA = await newStaff(a, "100");
    const agentB = await newStaff(b, "100");
    const client = await newClient(a, { firstName: "Marie", lastName: "Dubois" });
    await newClient(b);
    const row = await agentA.caller.resources.get({ resource: "clients.clients", id: client });

    // Someone's transaction holds the client's row and does not end.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "${a.schemaName}".partners WHERE id = $1 FOR UPDATE`, [client]);

      const order: string[] = [];
      const edit = agentA.caller.resources
        .update({ resource: "clients.clients", id: client, version: row.__version as number, patch: { remarks: "x" } })
        .then(
          () => "saved",
          (e: unknown) => errorAsSent(e),
        )
        .finally(() => order.push("edit in centre A answered"));
      const list = agentB.caller.resources
        .list({ resource: "clients.clients", state: { page: 1, pageSize: 10 } as never })
        .finally(() => order.push("list in centre B answered"));

      expect((await list).rows.length).toBeGreaterThan(0);
      expect(await edit).toMatchObject({ httpStatus: 503, appCode: "DATABASE_UNAVAILABLE" });
      expect(order).toEqual(["list in centre B answered", "edit in centre A answered"]);
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
      await holder.end();
    }
    // Nothing half-saved; once the row is free the same edit goes through.
    const h = tenantHandle(a);
    const [after] = await h.db
      .select({ remarks: h.t.partners.remarks })
      .from(h.t.partners)
      .where(eq(h.t.partners.id, client));
    expect(after!.remarks).toBe("");
    await agentA.caller.resources.update({
      resource: "clients.clients",
      id: client,
      version: row.__version as number,
      patch: { remarks: "x" },
    });
  });
});
