import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { FORGED_WRITE_PATH, proxy } from "@/proxy";
import { forgedWrite } from "@/server/http/origin";

const EUPEN = "http://eupen.localhost:3000";
const post = (path: string, headers: Record<string, string>, method = "POST") =>
  proxy(new NextRequest(`${EUPEN}${path}`, { method, headers: { host: "eupen.localhost:3000", ...headers } }));
const refused = (res: Response) => res.headers.get("x-middleware-rewrite") === `${EUPEN}${FORGED_WRITE_PATH}`;

describe("cross-site form posts (CSRF)", () => {
  it("refuses a state-changing request from a sibling host, whatever the route", () => {
    for (const path of [
      "/api/act-as",
      "/api/locale",
      "/api/eid/card",
      "/api/trpc/users.logoutEverywhere",
      "/clients",
    ]) {
      expect(refused(post(path, { origin: "http://evil.localhost:3000" })), path).toBe(true);
    }
    for (const method of ["PUT", "PATCH", "DELETE"])
      expect(refused(post("/api/locale", { origin: "http://evil.localhost:3000" }, method)), method).toBe(true);
    expect(refused(post("/api/locale", { origin: "null" }))).toBe(true);
    expect(refused(post("/api/locale", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(refused(post("/api/locale", { "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("lets the host's own pages through, and reads", () => {
    expect(refused(post("/api/locale", { origin: EUPEN }))).toBe(false);
    expect(refused(post("/api/locale", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(refused(post("/api/locale", { origin: "http://evil.localhost:3000" }, "GET"))).toBe(false);
    // No Origin and no Sec-Fetch-Site: no browser, so no cookie it was not given on purpose.
    expect(refused(post("/api/locale", {}))).toBe(false);
    // The console's own sign-in form.
    const consoleLogin = proxy(
      new NextRequest("http://console.localhost:3000/api/operator/login", {
        method: "POST",
        headers: { host: "console.localhost:3000", origin: "http://console.localhost:3000" },
      }),
    );
    expect(consoleLogin.headers.get("x-middleware-rewrite")).toBeNull();
    expect(
      forgedWrite("POST", "/api/operator/login", new Headers({ host: "console.localhost:3000", origin: EUPEN })),
    ).toBe(true);
  });

  it("takes the eID reader helper's token-authenticated posts from anywhere, and only those", () => {
    expect(refused(post("/api/eid/card/3f1c0b8e-8a4e-4c55-9f59-6d3f7c1f2a10", { origin: "null" }))).toBe(false);
    expect(refused(post("/api/eid/card/3f1c0b8e-8a4e-4c55-9f59-6d3f7c1f2a10/more", { origin: "null" }))).toBe(true);
  });
});
