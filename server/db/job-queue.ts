import { PgBoss } from "pg-boss";
import { rootLogger } from "@/server/logger";
import { clusterUrl, getPool } from "./pool";

/** The job queue's own tables live in the default cluster's database, schema `pgboss`. */
export const QUEUE_SCHEMA = "pgboss";

/**
 * A client of the job queue (pg-boss, server/jobs/queue.ts) with a small pool of its own, or, on
 * the embedded database (one connection per process), on the app's pool. `supervise` makes it
 * also do the queue's upkeep and schedules (the instances that run workers).
 */
export function newQueueClient(opts: { supervise: boolean }) {
  const connection =
    process.env.DB_EMBEDDED === "1"
      ? { db: { executeSql: (text: string, values?: unknown[]) => getPool().query(text, values as unknown[]) } }
      : { connectionString: clusterUrl("default"), max: 4 };
  const boss = new PgBoss({ schema: QUEUE_SCHEMA, ...connection, supervise: opts.supervise, schedule: opts.supervise });
  boss.on("error", (err) => rootLogger.error({ err }, "job queue error"));
  return boss;
}
