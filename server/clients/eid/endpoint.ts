import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { translatorFor } from "@/server/resources/export/rows";
import type { Context } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/** The error a refused call carries, as the tRPC error formatter names it. */
function refusalOf(e: unknown): { code: AppErrorCode; status: number; params: Record<string, string | number> } {
  const cause = e instanceof TRPCError ? e.cause : e;
  const status = e instanceof TRPCError ? getHTTPStatusCodeFromError(e) : 500;
  if (isAppError(cause)) return { code: cause.code, status, params: cause.params };
  if (cause instanceof ZodError || (e instanceof TRPCError && e.code === "BAD_REQUEST")) return { code: "INVALID_INPUT", status: 400, params: {} };
  if (e instanceof TRPCError && (e.code === "UNAUTHORIZED" || e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { code: e.code, status, params: {} };
  return { code: "INTERNAL", status: 500, params: {} };
}

/**
 * `POST /api/eid/card`: the reader helper on the desk PC posts the card it read (Lino's `eidreader`
 * JSON or the canonical format) with the user's session cookie; the answer is what "find by eID"
 * gives (`eid.lookup`: the card, its warnings, the client holding it or the similar clients).
 * Nothing is stored. Same guards as the procedure (centre, session, card readers only); a JSON
 * content type is required, so another site cannot post a form with the user's cookie.
 */
export async function cardPost(req: Request, ctx: Context): Promise<Response> {
  const tr = translatorFor(ctx.locale);
  const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });
  const refuse = (status: number, code: AppErrorCode, params: Record<string, string | number> = {}) => {
    const key = typeof params.messageKey === "string" ? params.messageKey : `errors.${code}`;
    return answer(status, { error: code, message: tr(key, params) });
  };
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return refuse(415, "INVALID_INPUT");
  let card: unknown;
  try {
    card = await req.json();
  } catch {
    return refuse(400, "INVALID_INPUT");
  }
  try {
    return answer(200, await createCaller(ctx).eid.lookup({ card: card as never }));
  } catch (e) {
    const { code, status, params } = refusalOf(e);
    if (code === "INTERNAL") ctx.log.error({ err: e }, "eID card post failed");
    return refuse(status, code, params);
  }
}
