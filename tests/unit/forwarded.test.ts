import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientIp, compileTrustedProxies } from "@/server/http/forwarded";
import { requestOrigin } from "@/server/http/origin";
import { requestListener } from "@/server/main";

// A real HTTP server on loopback with server/main.ts's listener in front of a handler that answers
// what the app would see: the client address the sign-in throttle counts, and the origin redirects use.
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function seenBehind(trustedProxies: string, headers: Record<string, string>) {
  server = createServer(
    requestListener((req, res) => {
      const h = new Headers(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
      );
      res.end(JSON.stringify({ ip: clientIp(h), origin: requestOrigin(h), forwardedHost: h.get("x-forwarded-host") }));
    }, compileTrustedProxies(trustedProxies)),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ ip: string; origin: string; forwardedHost: string | null }>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/", headers: { host: "eupen.localhost:3000", ...headers } },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(JSON.parse(body)));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const spoofed = {
  "x-forwarded-for": "203.0.113.66",
  "x-real-ip": "203.0.113.67",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.localhost",
};

describe("the client address and protocol (TRUSTED_PROXIES)", () => {
  it("ignores forwarded headers from a peer that is no trusted proxy: the throttle counts the socket's address", async () => {
    expect(await seenBehind("", spoofed)).toEqual({
      ip: "127.0.0.1",
      origin: "http://eupen.localhost:3000",
      forwardedHost: null,
    });
    expect((await seenBehind("10.0.0.0/8", spoofed)).ip).toBe("127.0.0.1");
  });

  it("believes a trusted proxy: the nearest address it vouches for, and its protocol", async () => {
    expect(await seenBehind("127.0.0.1", spoofed)).toEqual({
      ip: "203.0.113.66",
      origin: "https://eupen.localhost:3000",
      forwardedHost: null,
    });
    // A client cannot slip its own address in front of the proxy's: only hops through trusted proxies count.
    expect((await seenBehind("loopback", { "x-forwarded-for": "198.51.100.1, 203.0.113.66" })).ip).toBe("203.0.113.66");
    expect((await seenBehind("loopback, 203.0.113.0/24", { "x-forwarded-for": "198.51.100.1, 203.0.113.66" })).ip).toBe(
      "198.51.100.1",
    );
    // Without a forwarded address the proxy itself is the client.
    expect(await seenBehind("loopback", {})).toMatchObject({ ip: "127.0.0.1", origin: "http://eupen.localhost:3000" });
  });

  it("refuses a configuration that names no address", () => {
    expect(() => compileTrustedProxies("not-an-address")).toThrow();
    expect(() => compileTrustedProxies(" 192.0.2.1 , 2001:db8::/32 ,loopback")).not.toThrow();
  });
});
