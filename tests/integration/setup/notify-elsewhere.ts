// A second app instance for tests/integration/notify.test.ts: makes one notification for a user
// of a centre, through the database only, and exits.
import { eq } from "drizzle-orm";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { stopQueue } from "@/server/jobs/queue";
import { notify } from "@/server/notify/emit";
import { tenantHandle } from "@/server/tenancy/tenant-db";

const [tenantId, userId] = process.argv.slice(2);
const [tenant] = await controlDb().select().from(c.tenants).where(eq(c.tenants.id, tenantId!));
const handle = tenantHandle(tenant!);
await handle.db.transaction((tx) =>
  notify(tx, handle, null, [Number(userId)], {
    type: "system",
    owner: null,
    compose: (t) => ({ subject: t("notify.demo.initialized") }),
  }),
);
// The notification queued its "often" mail job: the queue client started for it goes too.
await stopQueue();
await closePools();
