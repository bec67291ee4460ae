import { bigserial, index, integer, jsonb, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";

/** What the background jobs leave for the centre's administrators (server/jobs). */
export function jobTables(s: PgSchema) {
  /**
   * A job of this centre that failed for good, after its retries: kept until an administrator
   * retries or dismisses it, so that no failure passes unseen.
   */
  const jobFailures = s.table(
    "job_failures",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      /** The queue's id of the job (pg-boss), to retry it. */
      jobId: text("job_id").notNull(),
      jobName: text("job_name").notNull(),
      payload: jsonb("payload").notNull().default({}),
      error: text("error").notNull(),
      attempts: integer("attempts").notNull(),
      failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("job_failures_failed_idx").on(t.failedAt)],
  );
  return { jobFailures };
}
