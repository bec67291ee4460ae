import { and, eq, isNotNull } from "drizzle-orm";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { feedCalendar, hashOf } from "./feed";

/**
 * `GET /api/feeds/<secret>.ics` on the centre's host: the feed, or 404 for a secret this centre does
 * not know (another centre's, a revoked or replaced one). No cookie is read.
 */
export async function feedGet(req: Request, file: string): Promise<Response> {
  const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const token = /^([A-Za-z0-9_-]{32})(\.ics)?$/.exec(file)?.[1];
  if (!token) return notFound();
  const ctx = await createContext({ req, claims: null });
  if (ctx.host.kind !== "tenant" || !ctx.tenant || availability(ctx.tenant) !== "served") return notFound();
  const handle = tenantHandle(ctx.tenant);
  const { db, t } = handle;
  const [feed] = await db
    .select({ userId: t.calendarFeeds.userId })
    .from(t.calendarFeeds)
    .innerJoin(t.users, eq(t.users.id, t.calendarFeeds.userId))
    .where(and(eq(t.calendarFeeds.tokenHash, hashOf(token)), eq(t.users.active, true), isNotNull(t.users.userType)));
  if (!feed) return notFound();
  const body = await feedCalendar(handle, feed.userId, ctx.tenant.names);
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="calendar.ics"',
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
