import type { Logger } from "pino";

/** A comment line keeps proxies from closing an idle stream; the right to listen is checked again each time. */
const HEARTBEAT_MS = 25_000;

export interface EventSourceSpec<D> {
  signal: AbortSignal;
  log: Logger;
  /** The event's name in the stream (`event:` line). */
  event: string;
  /** Subscribes `changed` to the announcements this stream follows; returns how to stop. */
  watch: (changed: (detail: D | null) => void) => Promise<() => void>;
  /** What is sent: at once (also after a reconnection: the browser catches up), then after each announcement. */
  read: (detail: D | null) => Promise<unknown>;
  /** Checked at each heartbeat: false ends the stream (the session ended, the token was revoked). */
  stillAllowed: () => Promise<boolean>;
}

/**
 * A stream of server-sent events (the browser's EventSource reopens it by itself after a cut):
 * the current state at once, then again whenever an announcement arrives. Announcements arriving
 * while one is read are covered by one more reading after it, carrying the latest detail.
 */
export function serverSentEvents<D>(spec: EventSourceSpec<D>): Response {
  const encoder = new TextEncoder();
  let stop = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let sending: Promise<void> | null = null;
      let pending: { detail: D | null } | null = null;
      // A browser gone without the stream being cancelled (a dropped connection) shows as a closed controller.
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const send = (detail: D | null) => {
        pending = { detail };
        if (sending) return;
        sending = (async () => {
          while (pending && !closed) {
            const next: { detail: D | null } = pending;
            pending = null;
            const data = await spec.read(next.detail);
            write(`event: ${spec.event}\ndata: ${JSON.stringify(data)}\n\n`);
          }
        })()
          .catch((err) => spec.log.warn({ err }, "live reading failed"))
          .finally(() => (sending = null));
      };
      const unwatch = await spec.watch(send);
      const heartbeat = setInterval(async () => {
        if (!(await spec.stillAllowed().catch(() => false))) return close();
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
      spec.signal.addEventListener("abort", close);
      write("retry: 3000\n\n");
      send(null);
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
