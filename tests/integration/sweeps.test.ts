import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { closePools } from "@/server/db/pool";
import { purgeDeletedJob } from "@/server/history/jobs";
import type { JobDef } from "@/server/jobs/define";
import { runJob } from "@/server/jobs/queue";
import { clearSeenJob } from "@/server/notify/sweep";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newStaff } from "./factories";
import { newCentre } from "./helpers";

// The nightly sweeps: what has outlived its purpose goes, in the centre the job runs for only.

let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  a = await newCentre("sweep-a", "production");
  b = await newCentre("sweep-b", "production");
});
afterAll(closePools);

const run = (tenant: Tenant, def: JobDef) =>
  runJob(registry, def, { id: `${def.name}-${tenant.id}`, retryCount: 0, data: { tenantId: tenant.id, payload: {} } });

async function notification(tenant: Tenant, userId: number, subject: string, seenDaysAgo: number | null, ageDays = 0) {
  const h = tenantHandle(tenant);
  await h.db.insert(h.t.notifyMessages).values({
    userId,
    messageType: "system",
    subject,
    mailMode: "never",
    createdAt: sql`now() - make_interval(days => ${ageDays})`,
    seenAt: seenDaysAgo === null ? null : sql`now() - make_interval(days => ${seenDaysAgo})`,
  });
}

const subjects = async (tenant: Tenant) => {
  const h = tenantHandle(tenant);
  return (await h.db.select({ s: h.t.notifyMessages.subject }).from(h.t.notifyMessages)).map((r) => r.s).sort();
};

describe("nightly sweeps", () => {
  it("clear notifications seen more than 30 days ago, never unseen ones, in their own centre only", async () => {
    const userA = await newStaff(a, "100");
    const userB = await newStaff(b, "100");
    await notification(a, userA.id, "seen long ago", 40, 45);
    await notification(a, userA.id, "seen last week", 7, 45);
    await notification(a, userA.id, "never seen", null, 100);
    await notification(b, userB.id, "other centre, seen long ago", 40, 45);
    await run(a, clearSeenJob);
    expect(await subjects(a)).toEqual(["never seen", "seen last week"]);
    expect(await subjects(b)).toEqual(["other centre, seen long ago"]);
  });

  it("purge the snapshots of deleted records once they can no longer be restored (30 days)", async () => {
    const snapshot = (tenant: Tenant, entityId: string, daysAgo: number) => {
      const h = tenantHandle(tenant);
      return h.db.insert(h.t.deletedRows).values({
        deletedAt: sql`now() - make_interval(days => ${daysAgo})`,
        actor: "user:1",
        entity: "contacts.persons",
        entityId,
        title: { fr: entityId },
        kind: { fr: "Personnes" },
        withIt: { fr: "" },
        rows: [],
      });
    };
    await snapshot(a, "old", 31);
    await snapshot(a, "recent", 29);
    await snapshot(b, "old elsewhere", 31);
    await run(a, purgeDeletedJob);
    const left = async (tenant: Tenant) => {
      const h = tenantHandle(tenant);
      return (await h.db.select({ id: h.t.deletedRows.entityId }).from(h.t.deletedRows)).map((r) => r.id);
    };
    expect(await left(a)).toEqual(["recent"]);
    expect(await left(b)).toEqual(["old elsewhere"]);
  });
});
