import type { IncomingMessage, ServerResponse } from "node:http";
import { claimsOfHeaders } from "@/server/auth/session-cookie";
import { rootLogger } from "@/server/logger";
import { openDownload, uploadPost } from "./routes";

const PIECE_BYTES = 1024 * 1024;
const UPLOAD = /^\/api\/uploads$/;
const DOWNLOAD = /^\/api\/uploads\/([^/]+)(?:\/.*)?$/;

/**
 * The upload routes as the custom server answers them (server/main.ts), beside Next: an upload's
 * body goes from the socket to the storage as a Node stream, and a download leaves through one
 * reused buffer. Through Next, every chunk was copied into a web stream and out of it again; the
 * server spent about 7 ms of CPU per MB received and 5 per MB sent, now about 4 and 0.6, and a
 * download no longer grows its memory (npm run bench, uploads). The checks are routes.ts's own.
 * Anything else under /api/uploads (HEAD, a trailing slash…) is left to Next's routes.
 */
export function answerUploadRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "").split("?")[0]!;
  const id = req.method === "GET" ? DOWNLOAD.exec(pathname)?.[1] : undefined;
  const answering =
    req.method === "POST" && UPLOAD.test(pathname)
      ? upload(req, res)
      : id !== undefined
        ? download(req, res, id)
        : null;
  if (!answering) return false;
  // A failure of ours is a 500, logged, as Next would answer it.
  answering.catch((err: unknown) => {
    rootLogger.error({ err }, "upload route failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end();
  });
  return true;
}

/** The request as route handlers read it (its URL, method and headers; the body stays the Node stream). */
function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return new Request(new URL(req.url ?? "/", "http://localhost"), { method: req.method, headers });
}

async function send(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function upload(req: IncomingMessage, res: ServerResponse) {
  const request = webRequest(req);
  await send(res, await uploadPost(request, await claimsOfHeaders(request.headers), req));
}

async function download(req: IncomingMessage, res: ServerResponse, rawId: string) {
  const request = webRequest(req);
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = rawId; // not a number: refused as NOT_FOUND by the route
  }
  const opened = await openDownload(request, await claimsOfHeaders(request.headers), id);
  if (opened instanceof Response) return send(res, opened);
  res.writeHead(200, opened.headers);
  // One buffer for the whole file: each piece is read into it once the socket took the last one.
  // A reader who goes away midway stops the loop, which closes the file.
  for await (const piece of opened.file.pieces(Buffer.allocUnsafe(PIECE_BYTES)))
    if (!(await new Promise((resolve) => res.write(piece, (err) => resolve(!err))))) break;
  res.end();
}
