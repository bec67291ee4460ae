// Custom Node entry: one HTTP server for Next and for WebDAV under /dav/ (server/documents/dav/server.ts),
// which Next's route handlers cannot serve: they answer 400 to PROPFIND and LOCK.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { projectPath } from "../lib/project-path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import next from "next";
import { closePools } from "./db/pool";
import { ensureDatabase } from "./db/embedded";
import { env } from "./env";
import { compileTrustedProxies, trustForwardedHeaders } from "./http/forwarded";
import { rootLogger } from "./logger";

/**
 * V8 lets a heap grow to up to four times what is live before collecting it in full: the server,
 * with about 100 MB live, held some 550 MB of heap and 800 MB resident after a few thousand
 * requests (`npm run bench`, soak run). One and a half times keeps it near what it uses; the more
 * frequent full collections run mostly beside the requests (two servers side by side, 6 000
 * requests each: p95 38 ms with it, 41 ms without).
 */
const HEAP_GROWING_PERCENT = 50;

export async function startServer(opts: { dev: boolean; port: number; hostname: string }) {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // `hostname` is where to listen, not Next's own: Next builds its internal URLs from its hostname,
  // and with 127.0.0.1 there (which it reads as localhost) the console's proxy rewrites
  // became requests to another host, answered 404.
  const app = next({ dev: opts.dev, dir: projectPath(), port: opts.port });
  await app.prepare();
  const workers = await startWorkers();
  const { answerUploadRoute } = await import("./uploads/direct");
  const { answerDavRoute, guardAgainstWebdavCrashes } = await import("./documents/dav/server");
  guardAgainstWebdavCrashes();
  const server = createServer(
    requestListener(
      app.getRequestHandler(),
      compileTrustedProxies(env().TRUSTED_PROXIES),
      (req, res) => answerUploadRoute(req, res) || answerDavRoute(req, res),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, resolve);
  });
  return {
    server,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await workers?.stop();
      await app.close();
    },
  };
}

/** The background jobs' workers, in every app instance unless JOB_WORKERS=off (e.g. a web-only instance). */
async function startWorkers() {
  if (process.env.JOB_WORKERS === "off") return null;
  const [{ registry }, { prepareQueues, startJobWorkers }] = await Promise.all([
    import("./areas"),
    import("./jobs/queue"),
  ]);
  // The client that enqueues has its queues before any request's transaction enqueues (prepareQueues).
  await prepareQueues(registry);
  return startJobWorkers(registry);
}

/**
 * Every request passes here first: the forwarded headers are settled (who the client is, over
 * which protocol) before anything reads them, so route handlers, Auth.js and the sign-in throttle
 * all see the same, trustworthy answer. `direct` answers the routes the server serves itself
 * (uploads: server/uploads/direct.ts) and says so; Next answers the rest.
 */
export function requestListener(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  trust: Parameters<typeof trustForwardedHeaders>[1],
  direct: (req: IncomingMessage, res: ServerResponse) => boolean = () => false,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    trustForwardedHeaders(req, trust);
    if (!direct(req, res)) void handle(req, res);
  };
}

/** Stops everything in order on Ctrl-C or SIGTERM. */
export function onShutdown(...steps: (() => Promise<unknown>)[]) {
  const stop = async () => {
    for (const step of steps) await step().catch((e) => rootLogger.error(e));
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dev: { type: "boolean", default: false } } });
  const db = await ensureDatabase();
  const port = Number(process.env.PORT ?? 3000);
  const web = await startServer({ dev: values.dev, port, hostname: process.env.HOSTNAME ?? "0.0.0.0" });
  rootLogger.info({ port, dev: values.dev, embeddedDatabase: db.embedded }, "entraide listening");
  onShutdown(web.close, closePools, db.stop);
}
