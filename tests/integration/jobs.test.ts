import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { registry } from "@/server/areas";
import { closePools } from "@/server/db/pool";
import { defineJob, type JobDef } from "@/server/jobs/define";
import { enqueue, failedJobCounts, runJob, startJobWorkers } from "@/server/jobs/queue";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newClient, newStaff } from "./factories";
import { appCodeOf, newCentre } from "./helpers";

/**
 * Test jobs: one leaves a trace in the centre it runs for (a notification to a user), one fails
 * `failUntil` times before it succeeds (or always).
 */
const traceJob = defineJob({
  name: "test.trace",
  label: "checks.nightlyJob",
  payload: z.object({ userId: z.number(), subject: z.string() }),
  run: async (handle, { userId, subject }) => {
    await handle.db
      .insert(handle.t.notifyMessages)
      .values({ userId, messageType: "system", subject, mailMode: "never" });
  },
});
const attempts = new Map<string, number>();
const flakyJob = defineJob({
  name: "test.flaky",
  label: "checks.nightlyJob",
  payload: z.object({ key: z.string(), failUntil: z.number() }),
  retry: { limit: 2, delaySeconds: 1 },
  run: async (_handle, { key, failUntil }) => {
    const n = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, n);
    if (n <= failUntil) throw new Error(`attempt ${n} of ${key} failed`);
  },
});
const jobs: JobDef[] = [traceJob, flakyJob];

let a: Tenant;
let b: Tenant;
let workers: { stop: () => Promise<void> };
beforeAll(async () => {
  a = await newCentre("jobs-a", "production");
  b = await newCentre("jobs-b", "production");
  workers = await startJobWorkers({ ...registry, jobs }, { pollingIntervalSeconds: 0.5 });
}, 60_000);
afterAll(async () => {
  await workers?.stop();
  await closePools();
});

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, seconds = 20): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const subjectsOf = async (tenant: Tenant) => {
  const h = tenantHandle(tenant);
  const rows = await h.db.select({ s: h.t.notifyMessages.subject }).from(h.t.notifyMessages);
  return rows.map((r) => r.s);
};

describe("background jobs (pg-boss)", () => {
  it("run for their own centre only, and only once the transaction that asked for them commits", async () => {
    const inA = await newStaff(a, "100");
    const h = tenantHandle(a);
    // Asked for in a transaction that is rolled back: never run.
    await h.db
      .transaction(async (tx) => {
        await enqueue(tenantHandle(a), traceJob, { userId: inA.id, subject: "rolled back" }, { tx });
        throw new Error("change refused");
      })
      .catch(() => undefined);
    await h.db.transaction((tx) =>
      enqueue(tenantHandle(a), traceJob, { userId: inA.id, subject: "committed" }, { tx }),
    );
    const seen = await eventually(
      () => subjectsOf(a),
      (s) => s.includes("committed"),
    );
    expect(seen).toContain("committed");
    expect(seen).not.toContain("rolled back");
    // The same user id in the other centre is another person: nothing was written there.
    expect(await subjectsOf(b)).toEqual([]);
  }, 30_000);

  it("are retried with a backoff, and a job that keeps failing is shown to its centre's administrators only", async () => {
    const key = `recovers-${Date.now()}`;
    await enqueue(tenantHandle(a), flakyJob, { key, failUntil: 1 });
    await eventually(
      async () => attempts.get(key) ?? 0,
      (n) => n >= 2,
    );
    expect(attempts.get(key)).toBe(2);

    const adminA = await newStaff(a, "900");
    const adminB = await newStaff(b, "900");
    const agentA = await newStaff(a, "100");
    const before = (await failedJobCounts()).get(a.id) ?? 0;
    const doomed = `doomed-${Date.now()}`;
    await enqueue(tenantHandle(a), flakyJob, { key: doomed, failUntil: 99 });
    const listA = () =>
      adminA.caller.resources.list({ resource: "jobs.failures", state: { page: 1, pageSize: 50 } as never });
    const list = await eventually(listA, (l) => l.rows.length > 0, 30);
    expect(attempts.get(doomed)).toBe(3); // the first attempt and two retries
    // Named by its declaration's label; these test jobs are not among the app's, so by their queue name.
    expect(list.rows[0]).toMatchObject({ job: "test.flaky", attempts: 3 });
    expect(String(list.rows[0]!.error)).toContain(`attempt 3 of ${doomed} failed`);
    expect((await failedJobCounts()).get(a.id)).toBe(before + 1);
    // The centre's administrators are told, in their language; nobody else, and nobody of the other centre.
    const told = async (tenant: Tenant, userId: number) => {
      const h = tenantHandle(tenant);
      return h.db
        .select({ type: h.t.notifyMessages.messageType, subject: h.t.notifyMessages.subject })
        .from(h.t.notifyMessages)
        .where(eq(h.t.notifyMessages.userId, userId));
    };
    expect(await told(a, adminA.id)).toEqual([
      { type: "system", subject: expect.stringMatching(/^Une tâche de fond a échoué : Contrôle nocturne/) },
    ]);
    expect(await told(a, agentA.id)).toEqual([]);
    expect(await told(b, adminB.id)).toEqual([]);
    expect(
      (await adminB.caller.resources.list({ resource: "jobs.failures", state: { page: 1, pageSize: 50 } as never }))
        .rows,
    ).toEqual([]);
    expect(
      await appCodeOf(
        agentA.caller.resources.list({ resource: "jobs.failures", state: { page: 1, pageSize: 50 } as never }),
      ),
    ).toBe("FORBIDDEN");

    // Dismissed by an administrator: gone from the centre's list and from the console's count.
    const id = list.rows[0]!.__id as number;
    await adminA.caller.resources.remove({ resource: "jobs.failures", id, version: 1 });
    expect((await listA()).rows).toEqual([]);
    expect((await failedJobCounts()).get(a.id) ?? 0).toBe(before);
  }, 60_000);

  it("the nightly data check runs every checker on its centre, and on no other", async () => {
    const nightly = registry.jobs.find((j) => j.name === "checks.nightly")!;
    expect(nightly.schedule).toBeDefined();
    const clientA = await newClient(a); // made without its phonetic words, which a checker misses
    const clientB = await newClient(b);
    await runJob(registry, nightly, { id: "nightly-test", retryCount: 0, data: { tenantId: a.id, payload: {} } });
    const problemsOf = async (tenant: Tenant, clientId: number) => {
      const h = tenantHandle(tenant);
      const rows = await h.db
        .select({ checker: h.t.dataProblems.checker })
        .from(h.t.dataProblems)
        .where(eq(h.t.dataProblems.ownerId, clientId));
      return rows.map((r) => r.checker);
    };
    expect(await problemsOf(a, clientA)).toContain("phoneticWords");
    expect(await problemsOf(b, clientB)).toEqual([]);
  });
});
