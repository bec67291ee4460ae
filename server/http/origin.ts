// Pure: used by proxy.ts, so no database imports here.

type HeaderSource = Pick<Headers, "get">;

/** The origin the browser used: the Host header, over the protocol server/main.ts settled (see forwarded.ts). */
export function requestOrigin(headers: HeaderSource): string {
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${headers.get("host") ?? "localhost"}`;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * State-changing requests that are designed to come from elsewhere, and why each is safe to take
 * from any origin. Everything else must come from the host's own pages. (The console's link into a
 * centre, `GET /api/support/enter?token=…`, also comes from another origin: as a GET it is not
 * checked here, and its single-use token, bound to the centre, is its credential.)
 */
export const CROSS_ORIGIN_WRITES: readonly { path: RegExp; why: string }[] = [
  {
    path: /^\/api\/eid\/card\/[^/]+$/,
    why: "the card reader helper on the desk PC posts a card read here; the one-time token in the address is the only credential (no cookie is read), good for one card",
  },
  {
    path: /^\/api\/outbox\/bounces$/,
    why: "the centre's mail system forwards returned mails here; the centre's bounce token in the Authorization header is the only credential (no cookie is read), and all it can do is fail a mail of that centre",
  },
];

/**
 * Whether a request must be refused as cross-site request forgery: a POST/PUT/PATCH/DELETE (route
 * handlers and server actions alike) whose Origin is not the host itself. SameSite=Lax cookies do
 * not protect here, because sibling hosts (`evil.<base>` next to `eupen.<base>`) are the same site.
 * Without an Origin header, a browser's `Sec-Fetch-Site` saying the request comes from another
 * origin refuses it too; a client sending neither is no browser, so it carries no cookie it was
 * not given on purpose. Only the host is compared: the same host over plain HTTP would need a
 * network attacker, who could change the pages themselves.
 */
export function forgedWrite(method: string, pathname: string, headers: HeaderSource): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (CROSS_ORIGIN_WRITES.some((e) => e.path.test(pathname))) return false;
  const origin = headers.get("origin");
  if (origin) {
    try {
      return new URL(origin).host !== (headers.get("host") ?? "").toLowerCase();
    } catch {
      return true; // "null" (sandboxed frames, file pages) and anything unparsable
    }
  }
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
