import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Who is at the other end of a request, decided once in server/main.ts before Next sees it.
 * `X-Forwarded-*` headers are believed only when the socket's peer is one of the proxies named in
 * TRUSTED_PROXIES (addresses, CIDR ranges, or proxy-addr's names such as `loopback`); from anyone
 * else they are dropped, so a client cannot choose the address the sign-in throttle counts, nor the
 * protocol or host that redirects are built on.
 *
 * Afterwards `X-Forwarded-For` holds exactly one address, the client's (the peer's own address, or
 * the nearest address a trusted proxy vouches for), and `X-Forwarded-Proto` is `https` only when the
 * socket is TLS or a trusted proxy says so. `X-Forwarded-Host` is always dropped: the Host header
 * decides the centre (server/tenancy/host.ts), so a proxy must pass it on.
 */
export function trustForwardedHeaders(req: IncomingMessage, trust: (addr: string, hop: number) => boolean) {
  const peer = req.socket.remoteAddress ?? "";
  const viaProxy = trust(peer, 0);
  // proxyaddr walks X-Forwarded-For from the right while each hop is trusted.
  const client = viaProxy ? proxyaddr(req, trust) : peer;
  const forwardedProto = viaProxy
    ? String(req.headers["x-forwarded-proto"] ?? "")
        .split(",")[0]
        ?.trim()
        .toLowerCase()
    : "";
  const tls = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  for (const name of [
    "x-forwarded-for",
    "x-forwarded-proto",
    "x-forwarded-host",
    "x-forwarded-port",
    "x-real-ip",
    "forwarded",
  ])
    delete req.headers[name];
  req.headers["x-forwarded-for"] = client || "unknown";
  req.headers["x-forwarded-proto"] = tls || forwardedProto === "https" ? "https" : "http";
}

/** The trust function of a TRUSTED_PROXIES value (comma-separated); throws on an entry that is no address or range. */
export function compileTrustedProxies(list: string): (addr: string, hop: number) => boolean {
  const entries = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return proxyaddr.compile(entries);
}

/** The client address of a request that went through server/main.ts (see trustForwardedHeaders). */
export const clientIp = (headers: Pick<Headers, "get">) => headers.get("x-forwarded-for")?.trim() || "unknown";
