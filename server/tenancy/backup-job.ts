import { eq } from "drizzle-orm";
import { z } from "zod";
import { c, controlDb } from "@/server/db/control";
import { env } from "@/server/env";
import { defineJob } from "@/server/jobs/define";
import { backUp, pruneBackups } from "./backup-store";

/**
 * The nightly backup of every served centre into BACKUP_DIR, keeping BACKUP_RETENTION_DAYS days
 * (0: none is made). At 01:30 Brussels time, before the nightly checks and sweeps.
 */
export const backupJob = defineJob({
  name: "jobs.backup",
  label: "operator.backups.job",
  payload: z.object({}),
  schedule: "30 1 * * *",
  retry: { limit: 2, delaySeconds: 600 },
  run: async (handle, _payload, { log }) => {
    const days = env().BACKUP_RETENTION_DAYS;
    if (!days) return;
    const [tenant] = await controlDb().select().from(c.tenants).where(eq(c.tenants.id, handle.tenantId));
    if (!tenant) return;
    const made = await backUp(tenant);
    const removed = await pruneBackups(tenant.id, days);
    log.info({ file: made.file, bytes: made.bytes, sha256: made.sha256, removed }, "backup written");
  },
});
