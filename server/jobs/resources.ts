import { eq } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { defineResource } from "@/server/resources/define";
import { datetime, integer, longText, text } from "@/server/resources/fields";
import { findById } from "@/server/tenancy/tenant-db";
import { forgetJob, retryJob } from "./queue";

const jf = (t: TenantTables) => t.jobFailures;

/**
 * Explorer → System → "Failed jobs": background jobs of the centre that failed after their retries
 * (a mail that could not be sent, a nightly check that broke), for the administrators to retry or
 * dismiss. Nothing that fails is dropped without a row here.
 */
export const jobFailuresResource = defineResource({
  id: "jobs.failures",
  title: "jobs.failures.title",
  table: jf,
  pk: (t) => jf(t).id,
  version: (t) => jf(t).version,
  fields: {
    id: integer("fields.id", (t) => jf(t).id, { editable: false, plain: true, width: 7 }),
    failedAt: datetime("jobs.failures.failedAt", (t) => jf(t).failedAt),
    job: {
      ...text("jobs.failures.job", (t) => jf(t).jobName, { editable: false, width: 30 }),
      present: (value, ctx) => {
        const def = ctx.registry.jobs.find((j) => j.name === value);
        return def ? translatorFor(ctx.locale)(def.label) : String(value);
      },
    },
    error: longText("jobs.failures.error", (t) => jf(t).error, { editable: false }),
    attempts: integer("jobs.failures.attempts", (t) => jf(t).attempts, { editable: false, width: 8 }),
  },
  columns: ["failedAt", "job", "error", "attempts"],
  hiddenColumns: ["id"],
  titleField: "job",
  defaultSort: [{ field: "failedAt", dir: "desc" }],
  access: { view: ["SiteAdmin"], edit: [], delete: ["SiteAdmin"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["job", "failedAt", "attempts"] }, { fields: ["error"] }],
    },
  ],
  actions: [
    {
      name: "retry",
      label: "jobs.failures.retry",
      roles: ["SiteAdmin"],
      run: async (ctx, id) => {
        const { db, t } = ctx.handle;
        const row = await findById(ctx.handle, t.jobFailures, id);
        if (!row) throw new AppError("NOT_FOUND");
        await retryJob(row.jobName, row.jobId);
        await db.transaction(async (tx) => {
          await tx.delete(t.jobFailures).where(eq(t.jobFailures.id, row.id));
          await writeAudit(tx, t, actorOf(ctx.user), rowChange("jobs.failures", "retry", row.id));
        });
      },
    },
  ],
  // A dismissed failure is forgotten by the queue too, so that the console stops counting it.
  beforeDelete: async (_tx, ctx, id) => {
    const row = await findById(ctx.handle, ctx.handle.t.jobFailures, id);
    if (row) await forgetJob(row.jobName, row.jobId);
  },
});
