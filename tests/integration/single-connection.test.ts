import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import { closePools } from "@/server/db/pool";
import { resetEnvCache } from "@/server/env";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { newCentre } from "./helpers";

// The demo's embedded database serves one connection: an action that opens a transaction and then
// asks anything of another connection (the directory, a second handle) waits for itself forever.
// Here the pool has one connection, and a wait for it gives up after 3 s instead of hanging.

const saved = { max: process.env.DB_POOL_MAX, checkout: process.env.DB_CHECKOUT_TIMEOUT_MS };
let centre: Tenant;
beforeAll(async () => {
  await closePools();
  process.env.DB_POOL_MAX = "1";
  process.env.DB_CHECKOUT_TIMEOUT_MS = "3000";
  resetEnvCache();
  centre = await newCentre("single", "production");
});
afterAll(async () => {
  await closePools();
  process.env.DB_POOL_MAX = saved.max;
  process.env.DB_CHECKOUT_TIMEOUT_MS = saved.checkout;
  if (saved.max === undefined) delete process.env.DB_POOL_MAX;
  if (saved.checkout === undefined) delete process.env.DB_CHECKOUT_TIMEOUT_MS;
  resetEnvCache();
});

describe("with one database connection (the embedded demo's)", () => {
  it("prints a client and writes a mail from it, each in its own transaction", async () => {
    const agent = await newStaff(centre, "100", { email: "agent@example.org" });
    const client = await newClient(centre, { email: "client@example.org", language: "de" });
    const printed = await agent.caller.resources.action({ resource: "clients.clients", id: client, name: "print" });
    expect(printed.open?.resource).toBe("documents.mine");
    const mail = await agent.caller.resources.action({ resource: "clients.clients", id: client, name: "createMail" });
    expect(mail.open?.resource).toBe("outbox.mine");
  });

  it("plans an appointment, publishes it and checks its guest in at the reception, who tells the agent", async () => {
    const agent = await newStaff(centre, "100");
    const reception = await newStaff(centre, "210");
    const client = await newClient(centre);
    const h = tenantHandle(centre);
    const [type] = await h.db
      .select({ id: h.t.entryTypes.id })
      .from(h.t.entryTypes)
      .where(eq(h.t.entryTypes.ref, "client"));
    const { id } = await agent.caller.resources.create({
      resource: "calendar.entries",
      values: { type: type!.id, startDate: belgianToday(), startTime: "10:00", summary: "Accueil", client },
    });
    const transition = async (c: typeof agent, resource: string, rowId: number | string, name: string) => {
      const row = await c.caller.resources.get({ resource, id: rowId });
      return c.caller.resources.transition({ resource, id: rowId, version: Number(row.__version), name, params: {} });
    };
    await transition(agent, "calendar.entries", id, "publish");
    const [guest] = await h.db
      .select({ id: h.t.calendarGuests.id })
      .from(h.t.calendarGuests)
      .where(eq(h.t.calendarGuests.entryId, Number(id)));
    await transition(reception, "calendar.guests", guest!.id, "checkin");
    expect((await agent.caller.resources.get({ resource: "calendar.guests", id: guest!.id })).state).toBe("waiting");
  });
});
