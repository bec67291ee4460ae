import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { httpStatusOf } from "@/server/http/status";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import type { Context } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { receiveCard } from "@/server/eid/pickup";

/** The error a refused call carries, as the tRPC error formatter names it. */
function refusalOf(e: unknown): { code: AppErrorCode; status: number; params: Record<string, string | number> } {
  const cause = e instanceof TRPCError ? e.cause : e;
  const status = e instanceof TRPCError ? getHTTPStatusCodeFromError(e) : 500;
  if (isAppError(cause))
    return {
      code: cause.code,
      status: httpStatusOf(cause.code),
      params: cause.params,
    };
  if (cause instanceof ZodError || (e instanceof TRPCError && e.code === "BAD_REQUEST"))
    return { code: "INVALID_INPUT", status: 400, params: {} };
  if (e instanceof TRPCError && (e.code === "UNAUTHORIZED" || e.code === "FORBIDDEN" || e.code === "NOT_FOUND"))
    return { code: e.code, status, params: {} };
  return { code: "INTERNAL", status: 500, params: {} };
}

/** A card read with its photo is some tens of kilobytes; anything much larger is not a card. */
const MAX_BODY_BYTES = 512 * 1024;

type Answer = {
  answer: (status: number, body: unknown) => Response;
  refuse: (status: number, code: AppErrorCode, params?: Record<string, string | number>) => Response;
};

/** Reads the posted JSON card (JSON content type required, size capped) and answers in the reader's language. */
async function withPostedCard(
  req: Request,
  ctx: Context,
  handle: (card: unknown, a: Answer) => Promise<Response>,
): Promise<Response> {
  const tr = translatorFor(ctx.locale);
  const answer = (status: number, body: unknown) =>
    Response.json(body, { status, headers: { "cache-control": "no-store" } });
  const refuse = (status: number, code: AppErrorCode, params: Record<string, string | number> = {}) => {
    const key = typeof params.messageKey === "string" ? params.messageKey : `errors.${code}`;
    return answer(status, { error: code, message: tr(key, params) });
  };
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return refuse(415, "INVALID_INPUT");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, "INVALID_INPUT");
  let card: unknown;
  try {
    const text = await req.text();
    if (text.length > MAX_BODY_BYTES) return refuse(413, "INVALID_INPUT");
    card = JSON.parse(text);
  } catch {
    return refuse(400, "INVALID_INPUT");
  }
  try {
    return await handle(card, { answer, refuse });
  } catch (e) {
    const { code, status, params } = refusalOf(e);
    if (code === "INTERNAL") ctx.log.error({ err: e }, "eID card post failed");
    return refuse(status, code, params);
  }
}

/**
 * `POST /api/eid/card`: the reader helper on the desk PC posts the card it read (Lino's `eidreader`
 * JSON or the canonical format) with the user's session cookie; the answer is what "find by eID"
 * gives (`eid.lookup`: the card, its warnings, the client holding it or the similar clients).
 * Nothing is stored. Same guards as the procedure (centre, session, card readers only); a JSON
 * content type is required, so another site cannot post a form with the user's cookie.
 */
export function cardPost(req: Request, ctx: Context): Promise<Response> {
  return withPostedCard(req, ctx, async (card, { answer }) =>
    answer(200, await createCaller(ctx).eid.lookup({ card: card as never })),
  );
}

/**
 * `POST /api/eid/card/<token>`: the reader helper hands over a card for a read the reception page
 * opened (`eid.openRead`); the page picks it up. No session: the one-time token is the credential,
 * and the card lands in the centre of the host only.
 */
export function tokenCardPost(req: Request, ctx: Context, token: string): Promise<Response> {
  return withPostedCard(req, ctx, async (card, { answer, refuse }) => {
    if (!ctx.tenant || availability(ctx.tenant) !== "served") return refuse(404, "TENANT_NOT_FOUND");
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return refuse(404, "EID_READ_CLOSED");
    await receiveCard(tenantHandle(ctx.tenant), token, card);
    ctx.log.info("eID card received for an open read");
    return answer(202, { received: true });
  });
}
