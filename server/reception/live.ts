import type { SessionClaims } from "@/server/auth/session";
import { rootLogger } from "@/server/logger";
import { WAITING_ROOM } from "@/server/calendar/waiting-room";
import { watchTopic } from "@/server/notify/live";
import { serverSentEvents } from "@/server/notify/sse";
import { anyOf } from "@/server/resources/access";
import { availability } from "@/server/tenancy/registry";
import { createContext } from "@/server/trpc/context";

/** Who follows the waiting room live: the agents and the reception (§11). */
const FOLLOWERS = ["OfficeUser", "OfficeOperator"] as const;

/**
 * `GET /api/reception/live`: server-sent `changed` events, one at once (a reconnecting browser
 * catches up by reloading its lists) and one per announcement of the centre's waiting room, with
 * `forMe` when a visitor has just started waiting for this user. Another centre's announcements
 * never reach it: the hub is keyed by the centre of the host the session belongs to.
 */
export async function waitingRoomResponse(req: Request, claims: SessionClaims | null): Promise<Response> {
  const ctx = await createContext({ req, claims });
  const refuse = (status: number) => new Response(null, { status, headers: { "cache-control": "no-store" } });
  if (ctx.host.kind !== "tenant" || !ctx.tenant || availability(ctx.tenant) !== "served") return refuse(404);
  if (!ctx.user || ctx.user.mustEnrollTotp) return refuse(401);
  if (!anyOf(ctx.user, [...FOLLOWERS])) return refuse(403);
  const tenant = ctx.tenant;
  const userId = ctx.user.id;
  return serverSentEvents<Record<string, unknown>>({
    signal: req.signal,
    log: rootLogger.child({ route: "reception.live", tenantId: tenant.id, userId }),
    event: "changed",
    watch: (changed) => watchTopic(tenant, WAITING_ROOM, changed),
    read: async (detail) => ({ forMe: detail?.waitingFor === userId }),
    stillAllowed: async () => {
      const now = await createContext({ req, claims }).catch(() => null);
      return !!now?.user && now.user.id === userId;
    },
  });
}
