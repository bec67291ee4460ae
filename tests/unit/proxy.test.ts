import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { HOST_KIND_HEADER, TENANT_HEADER } from "@/server/tenancy/host";

function run(url: string, headers: Record<string, string> = {}) {
  const u = new URL(url);
  return proxy(new NextRequest(url, { headers: { host: u.host, ...headers } }));
}

/** Headers the proxy forwards to the app are encoded as x-middleware-request-* on the response. */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("proxy", () => {
  it("replaces a client-sent tenant header with the one of the host", () => {
    const res = run("http://eupen.localhost:3000/", { [TENANT_HEADER]: "chatelet", [HOST_KIND_HEADER]: "operator" });
    expect(res.status).toBe(200);
    expect(forwarded(res, TENANT_HEADER)).toBe("eupen");
    expect(forwarded(res, HOST_KIND_HEADER)).toBe("tenant");
  });

  it("answers 404 to unknown hosts", async () => {
    expect(run("http://evil.example.com/").status).toBe(404);
    expect(run("http://localhost:3000/").status).toBe(404);
    expect(run("http://a.b.localhost:3000/api/health").status).toBe(404);
  });

  it("answers a load balancer's readiness question whatever the host, and nothing else there", () => {
    expect(run("http://10.0.0.7:3000/api/ready").status).toBe(200);
    expect(run("http://10.0.0.7:3000/api/health").status).toBe(404);
    expect(forwarded(run("http://10.0.0.7:3000/api/ready"), TENANT_HEADER)).toBeNull();
  });

  it("hides the console pages on centre hosts", () => {
    expect(run("http://eupen.localhost:3000/operator").status).toBe(404);
    expect(run("http://eupen.localhost:3000/operator/login").status).toBe(404);
  });

  it("routes the console host to the console pages, without a tenant header", () => {
    const res = run("http://console.localhost:3000/login", { [TENANT_HEADER]: "eupen" });
    expect(res.headers.get("x-middleware-rewrite")).toBe("http://console.localhost:3000/operator/login");
    expect(forwarded(res, TENANT_HEADER)).toBeNull();
    expect(forwarded(res, HOST_KIND_HEADER)).toBe("operator");
  });

  it("leaves the console's API routes where they are", () => {
    const res = run("http://console.localhost:3000/api/health");
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
    expect(res.status).toBe(200);
  });
});
