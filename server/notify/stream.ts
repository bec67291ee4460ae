import type { SessionClaims } from "@/server/auth/session";
import { rootLogger } from "@/server/logger";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { recipientOf, unseenSummary } from "./emit";
import { watchNotifications } from "./live";
import { serverSentEvents } from "./sse";

/**
 * `GET /api/notify/live`: a stream of server-sent events, `unseen` with the user's unseen count and
 * latest messages, sent at once and then whenever a change is announced for this user (from any
 * app instance, through the database). The checks are every procedure's: the host's centre,
 * served, a signed-in user of that centre; the stream ends when the session does.
 */
export async function liveResponse(req: Request, claims: SessionClaims | null): Promise<Response> {
  const ctx = await createContext({ req, claims });
  const refuse = (status: number) => new Response(null, { status, headers: { "cache-control": "no-store" } });
  if (ctx.host.kind !== "tenant" || !ctx.tenant || availability(ctx.tenant) !== "served") return refuse(404);
  if (!ctx.user || ctx.user.mustEnrollTotp) return refuse(401);
  const tenant = ctx.tenant;
  const userId = recipientOf(ctx.user);
  const handle = tenantHandle(tenant);
  return serverSentEvents({
    signal: req.signal,
    log: rootLogger.child({ route: "notify.live", tenantId: tenant.id, userId }),
    event: "unseen",
    watch: (changed) => watchNotifications(tenant, userId, () => changed(null)),
    read: () => unseenSummary(handle, userId),
    stillAllowed: async () => {
      const now = await createContext({ req, claims }).catch(() => null);
      return !!now?.user && recipientOf(now.user) === userId;
    },
  });
}
