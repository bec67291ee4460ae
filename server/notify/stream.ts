import type { SessionClaims } from "@/server/auth/session";
import { rootLogger } from "@/server/logger";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createContext } from "@/server/trpc/context";
import { recipientOf, unseenSummary } from "./emit";
import { watchNotifications } from "./live";

/** A comment line keeps proxies from closing an idle stream; the session is checked again each time. */
const HEARTBEAT_MS = 25_000;

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
  const log = rootLogger.child({ route: "notify.live", tenantId: tenant.id, userId });
  const encoder = new TextEncoder();
  let stop = () => undefined as void;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let sending: Promise<void> | null = null;
      let again = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      // One count at a time; changes announced meanwhile are covered by one more count after it.
      const sendUnseen = () => {
        if (sending) {
          again = true;
          return;
        }
        sending = (async () => {
          do {
            again = false;
            const summary = await unseenSummary(handle, userId);
            write(`event: unseen\ndata: ${JSON.stringify(summary)}\n\n`);
          } while (again && !closed);
        })()
          .catch((err) => log.warn({ err }, "unseen count failed"))
          .finally(() => (sending = null));
      };
      const unwatch = await watchNotifications(tenant, userId, sendUnseen);
      const heartbeat = setInterval(async () => {
        const now = await createContext({ req, claims }).catch(() => null);
        if (!now?.user || recipientOf(now.user) !== userId) return close();
        write(": ping\n\n");
      }, HEARTBEAT_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unwatch();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      req.signal.addEventListener("abort", close);
      write("retry: 3000\n\n");
      sendUnseen();
    },
    cancel: () => stop(),
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
