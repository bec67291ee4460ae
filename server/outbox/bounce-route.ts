import { timingSafeEqual } from "node:crypto";
import { rootLogger } from "@/server/logger";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { bounceToken, readBounce, recordBounce } from "./bounces";

/**
 * `POST /api/outbox/bounces` on the centre's host, `Authorization: Bearer <the centre's token>`,
 * the returned message as the body (at most 1 MB: the report and the original's headers).
 */
export async function bouncePost(req: Request): Promise<Response> {
  const ctx = await createContext({ req, claims: null });
  const answer = (status: number) => new Response(null, { status, headers: { "cache-control": "no-store" } });
  if (ctx.host.kind !== "tenant" || !ctx.tenant || availability(ctx.tenant) !== "served") return answer(404);
  const given = Buffer.from(/^Bearer (\S+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? "");
  const expected = Buffer.from(bounceToken(ctx.tenant.id));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return answer(401);
  const raw = Buffer.from(await req.arrayBuffer());
  if (raw.length > 1024 * 1024) return answer(413);
  const bounce = await readBounce(raw).catch(() => null);
  // Not a report, or about no mail of ours: taken (a mail server would send it again otherwise), and logged.
  const recorded = bounce ? await recordBounce(tenantHandle(ctx.tenant), bounce) : false;
  if (!recorded) rootLogger.info({ tenantId: ctx.tenant.id, messageId: bounce?.messageId }, "bounce not matched");
  return answer(202);
}
