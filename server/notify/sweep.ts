import { and, isNotNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { defineJob } from "@/server/jobs/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** How long a notification stays once its reader has seen it. */
export const KEEP_SEEN_DAYS = 30;

/** Removes the notifications seen more than KEEP_SEEN_DAYS ago; unseen ones stay whatever their age. */
export async function clearSeenNotifications(handle: Pick<TenantHandle, "db" | "t">): Promise<number> {
  const { db, t } = handle;
  const gone = await db
    .delete(t.notifyMessages)
    .where(
      and(
        isNotNull(t.notifyMessages.seenAt),
        lt(t.notifyMessages.seenAt, sql`now() - make_interval(days => ${KEEP_SEEN_DAYS})`),
      ),
    )
    .returning({ id: t.notifyMessages.id });
  return gone.length;
}

/** Every night, the notifications read long ago go (Lino's notify keeps seen messages a while, then clears them). */
export const clearSeenJob = defineJob({
  name: "notify.clearSeen",
  label: "notify.jobs.clearSeen",
  payload: z.object({}),
  schedule: "45 3 * * *",
  run: async (handle, _payload, { log }) => {
    const removed = await clearSeenNotifications(handle);
    if (removed) log.info({ removed }, "seen notifications cleared");
  },
});
