import { z } from "zod";
import { defineJob } from "@/server/jobs/define";
import { purgeExpired } from "@/server/resources/deletion";

/**
 * Every night, the snapshots of deleted records older than the restoring period go: they hold
 * personal data nobody may restore any more, also in a centre where nobody deletes anything for
 * a while (deleting and restoring purge them too, on the way).
 */
export const purgeDeletedJob = defineJob({
  name: "history.purgeDeleted",
  label: "history.purgeJob",
  payload: z.object({}),
  schedule: "15 3 * * *",
  run: async (handle) => {
    await purgeExpired(handle.db, handle.t);
  },
});
