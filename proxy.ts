import { NextResponse, type NextRequest } from "next/server";
import { forgedWrite } from "@/server/http/origin";
import { classifyHost, HOST_KIND_HEADER, TENANT_HEADER } from "@/server/tenancy/host";

/** Where a forged cross-site write is sent: a route that answers 403 with a translated sentence. */
export const FORGED_WRITE_PATH = "/api/forged-request";

// Pure routing: which kind of host this is. No database and no authorization here (see ARCHITECTURE §2).
export function proxy(req: NextRequest) {
  const host = classifyHost(req.headers.get("host"), process.env.BASE_DOMAIN ?? "localhost");
  // A load balancer asks for readiness by the instance's address, under no centre's name; it reads no centre's data.
  if (req.nextUrl.pathname === "/api/ready") return NextResponse.next();
  if (host.kind === "unknown")
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  // One check for every route handler and server action that changes state: it must come from
  // this host's own pages (server/http/origin.ts says why, and lists the designed exceptions).
  if (forgedWrite(req.method, req.nextUrl.pathname, req.headers)) {
    const url = req.nextUrl.clone();
    url.pathname = FORGED_WRITE_PATH;
    url.search = "";
    return NextResponse.rewrite(url);
  }

  const headers = new Headers(req.headers);
  // Whatever the client sent under our names is discarded; only the host decides.
  headers.delete(TENANT_HEADER);
  headers.delete(HOST_KIND_HEADER);
  headers.set(HOST_KIND_HEADER, host.kind);

  const { pathname } = req.nextUrl;
  if (host.kind === "tenant") {
    if (pathname === "/operator" || pathname.startsWith("/operator/"))
      return new NextResponse("Not found", { status: 404 });
    headers.set(TENANT_HEADER, host.slug);
    headers.set("x-entraide-path", pathname); // which page an operator's support session read (server/support/session.ts)
    return NextResponse.next({ request: { headers } });
  }
  // The console's pages live under /operator; its API routes are shared with centres.
  if (!pathname.startsWith("/api/") && !pathname.startsWith("/operator")) {
    const url = req.nextUrl.clone();
    url.pathname = `/operator${pathname === "/" ? "" : pathname}`;
    return NextResponse.rewrite(url, { request: { headers } });
  }
  return NextResponse.next({ request: { headers } });
}

// Not for scanned documents (/api/uploads): Next copies into memory the whole body of every request
// the proxy sees, so a file's upload could not stream; those routes make the proxy's checks
// themselves (server/uploads/routes.ts). The same for a centre's backup uploaded to the console
// (server/console/backups.ts).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/uploads|api/operator/backups/import).*)"],
};
