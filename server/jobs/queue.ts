import { eq, inArray, sql } from "drizzle-orm";
import { fromDrizzle, type Job, type JobResult, type PgBoss } from "pg-boss";
import { z } from "zod";
import type { Registry } from "@/server/area";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { c, controlDb } from "@/server/db/control";
import { newQueueClient, QUEUE_SCHEMA } from "@/server/db/job-queue";
import { rootLogger } from "@/server/logger";
import { notify } from "@/server/notify/emit";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle, type TenantHandle } from "@/server/tenancy/tenant-db";
import { DEFAULT_RETRY, type JobDef } from "./define";

/** Every job travels as its centre's id and its payload. */
const envelope = z.object({ tenantId: z.uuid(), payload: z.unknown() });
type Envelope = z.infer<typeof envelope>;

/** Failed jobs stay countable this long (the console's counts), then pg-boss drops them. */
const KEEP_FAILED_SECONDS = 30 * 24 * 3600;

interface Queue {
  boss: PgBoss;
  queues: Set<string>;
}
// One queue client per process (Next loads separate copies of this module for pages and routes).
const g = globalThis as unknown as { __entraideQueue?: Promise<Queue> };

/** The process's queue client, started on first use (it installs or updates its schema). */
export function queue(): Promise<Queue> {
  g.__entraideQueue ??= (async () => {
    const boss = newQueueClient({ supervise: false });
    await boss.start();
    return { boss, queues: new Set<string>() };
  })().catch((err) => {
    g.__entraideQueue = undefined;
    throw err;
  });
  return g.__entraideQueue;
}

/** Stops the process's queue client if one was started (a short-lived process ends with it). */
export async function stopQueue() {
  const started = g.__entraideQueue;
  g.__entraideQueue = undefined;
  if (started) await (await started).boss.stop({ graceful: true, timeout: 10_000 });
}

async function ensureQueue(q: Queue, def: JobDef) {
  if (q.queues.has(def.name)) return;
  const retry = def.retry ?? DEFAULT_RETRY;
  const options = {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: true,
    deleteAfterSeconds: KEEP_FAILED_SECONDS,
  };
  await q.boss.createQueue(def.name, options).catch(async () => q.boss.updateQueue(def.name, options));
  q.queues.add(def.name);
}

/**
 * Starts the queue client and creates every declared job's queue now, so that enqueueing inside a
 * transaction later needs no other connection: the demo's embedded database has only one, and its
 * seeding notifies users (whose "often" mails are then queued) in its transactions.
 */
export async function prepareQueues(registry: Registry) {
  const q = await queue();
  for (const def of registry.jobs) await ensureQueue(q, def);
}

/**
 * Puts a job for the handle's centre on the queue, in the caller's transaction when `tx` is given:
 * a change and the jobs it asks for are saved together or not at all.
 */
export async function enqueue(
  handle: Pick<TenantHandle, "tenantId">,
  def: JobDef,
  payload: unknown,
  opts: { tx?: TenantHandle["db"]; startAfter?: Date; singletonKey?: string } = {},
): Promise<string | null> {
  const q = await queue();
  await ensureQueue(q, def);
  const data: Envelope = { tenantId: handle.tenantId, payload: def.payload.parse(payload) };
  return q.boss.send(def.name, data, {
    ...(opts.tx ? { db: fromDrizzle(opts.tx as never, sql as never) } : {}),
    ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
  });
}

async function tenantById(id: string) {
  const [tenant] = await controlDb().select().from(c.tenants).where(eq(c.tenants.id, id)).limit(1);
  return tenant ?? null;
}

/**
 * Runs one job for its centre. A centre that is gone or suspended drops its jobs (logged); one
 * being migrated retries them later. A job that fails its last attempt is written down for the
 * centre's administrators (jobs.failures) before the queue marks it failed.
 */
export async function runJob(registry: Registry, def: JobDef, job: Pick<Job<unknown>, "id" | "data" | "retryCount">) {
  const { tenantId, payload } = envelope.parse(job.data);
  const log = rootLogger.child({ job: def.name, jobId: job.id, tenantId, attempt: job.retryCount });
  const tenant = await tenantById(tenantId);
  const state = tenant ? availability(tenant) : "gone";
  if (state === "gone" || state === "suspended") {
    log.warn({ state }, "job dropped: its centre is not served");
    return;
  }
  if (state !== "served") throw new Error(`centre ${tenantId} is ${state}`);
  const handle = tenantHandle(tenant!);
  try {
    await def.run(handle, def.payload.parse(payload), { attempt: job.retryCount, log, registry });
  } catch (err) {
    log.error({ err }, "job failed");
    const limit = (def.retry ?? DEFAULT_RETRY).limit;
    if (job.retryCount >= limit) await recordFailure(handle, def, job, payload, err);
    throw err;
  }
}

/**
 * A job that failed for good: written down for the centre's administrators, who are told at once
 * (a system notification; one unseen at a time, however many fail meanwhile).
 */
async function recordFailure(
  handle: TenantHandle,
  def: JobDef,
  job: Pick<Job<unknown>, "id" | "retryCount">,
  payload: unknown,
  err: unknown,
) {
  const { t } = handle;
  const error = err instanceof Error ? err.message : String(err);
  await handle.db.transaction(async (tx) => {
    await tx.insert(t.jobFailures).values({
      jobId: job.id,
      jobName: def.name,
      payload: (payload ?? {}) as object,
      error,
      attempts: job.retryCount + 1,
    });
    const admins = await tx
      .select({ id: t.users.id })
      .from(t.users)
      .where(
        inArray(
          t.users.userType,
          USER_TYPES.filter((type) => hasRole(type, "SiteAdmin")),
        ),
      );
    await notify(
      tx,
      handle,
      null,
      admins.map((a) => a.id),
      {
        type: "system",
        owner: { type: "jobs.failures", id: 0 },
        compose: (tr) => ({ subject: tr("jobs.failedNotice", { job: tr(def.label) }), body: error }),
      },
    );
  });
}

/** The tick of a scheduled job: the same job, once for every served centre. */
async function fanOut(def: JobDef) {
  const tenants = await controlDb().select().from(c.tenants);
  for (const tenant of tenants) {
    if (availability(tenant) !== "served") continue;
    await enqueue({ tenantId: tenant.id }, def, {});
  }
}

const tickName = (def: JobDef) => `${def.name}.tick`;
const BATCH = 20;
const PARALLEL = 4;

/**
 * Starts this process's workers for every declared job, and the schedules. Several app instances
 * may each start them: the queue hands every job to one worker only.
 */
export async function startJobWorkers(registry: Registry, opts: { pollingIntervalSeconds?: number } = {}) {
  const boss = newQueueClient({ supervise: true });
  await boss.start();
  const q: Queue = { boss, queues: new Set() };
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  // Up to BATCH jobs per fetch, each settled on its own, and fetched again at once while the
  // batches come back full: a burst of mails goes out without waiting a polling interval each.
  const batch = { ...polling, batchSize: BATCH, perJobResults: true as const, burstWhenBatchFull: true };
  for (const def of registry.jobs) {
    await ensureQueue(q, def);
    await boss.work(def.name, batch, async (jobs) => {
      const settle = async (job: (typeof jobs)[number]): Promise<JobResult> => {
        try {
          await runJob(registry, def, job);
          return { id: job.id, status: "completed" };
        } catch (err) {
          return {
            id: job.id,
            status: "failed",
            output: { message: err instanceof Error ? err.message : String(err) },
          };
        }
      };
      // A few of the batch at a time: mails wait on the mail server more than on the database.
      const results: JobResult[] = [];
      for (let i = 0; i < jobs.length; i += PARALLEL)
        results.push(...(await Promise.all(jobs.slice(i, i + PARALLEL).map(settle))));
      return results;
    });
    if (!def.schedule) continue;
    await boss.createQueue(tickName(def)).catch(() => undefined);
    await boss.schedule(tickName(def), def.schedule, {}, { tz: "Europe/Brussels" });
    await boss.work(tickName(def), polling, async () => fanOut(def));
  }
  // This process sends through the same client, its queues already made: a job asked for inside a
  // transaction then needs no other connection (the embedded database has only one per process).
  const started = Promise.resolve(q);
  g.__entraideQueue = started;
  return {
    stop: async () => {
      if (g.__entraideQueue === started) g.__entraideQueue = undefined;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/** Puts a failed job back on the queue (an administrator's "retry"). */
export async function retryJob(name: string, jobId: string) {
  const q = await queue();
  await q.boss.retry(name, jobId);
}

/** Forgets a failed job (an administrator's "dismiss"). */
export async function forgetJob(name: string, jobId: string) {
  const q = await queue();
  await q.boss.deleteJob(name, jobId);
}

/** Failed jobs per centre, for the operator's console. */
export async function failedJobCounts(): Promise<Map<string, number>> {
  await queue();
  const { rows } = await controlDb().execute<{ tenant: string; n: number }>(
    sql`select data->>'tenantId' as tenant, count(*)::int as n from ${sql.identifier(QUEUE_SCHEMA)}.job where state = 'failed' group by 1`,
  );
  return new Map(rows.map((r) => [r.tenant, r.n]));
}
