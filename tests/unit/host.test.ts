import { describe, expect, it } from "vitest";
import { classifyHost, HOST_KIND_HEADER, TENANT_HEADER, trustedHost } from "@/server/tenancy/host";

describe("classifyHost", () => {
  const base = "entraide.be";
  it.each([
    ["eupen.entraide.be", { kind: "tenant", slug: "eupen" }],
    ["EUPEN.Entraide.BE:443", { kind: "tenant", slug: "eupen" }],
    ["chatelet.entraide.be.", { kind: "tenant", slug: "chatelet" }],
    ["console.entraide.be", { kind: "operator" }],
    ["entraide.be", { kind: "unknown" }],
    ["a.b.entraide.be", { kind: "unknown" }],
    ["eupen.entraide.be.evil.com", { kind: "unknown" }],
    ["evil-entraide.be", { kind: "unknown" }],
    ["-bad.entraide.be", { kind: "unknown" }],
    ["[::1]:3000", { kind: "unknown" }],
    ["", { kind: "unknown" }],
  ])("%s", (host, expected) => {
    expect(classifyHost(host, base)).toEqual(expected);
  });

  it("treats a missing Host header as unknown", () => {
    expect(classifyHost(null, base)).toEqual({ kind: "unknown" });
  });

  it("works with localhost as the development base domain", () => {
    expect(classifyHost("eupen.localhost:3000", "localhost")).toEqual({ kind: "tenant", slug: "eupen" });
    expect(classifyHost("localhost:3000", "localhost")).toEqual({ kind: "unknown" });
  });
});

describe("trustedHost", () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

  it("derives the centre from the Host header alone when middleware set nothing", () => {
    expect(trustedHost(headers({ host: "eupen.localhost" }), "localhost")).toEqual({ kind: "tenant", slug: "eupen" });
  });

  it("accepts middleware headers that agree with the host", () => {
    const h = headers({ host: "eupen.localhost", [HOST_KIND_HEADER]: "tenant", [TENANT_HEADER]: "eupen" });
    expect(trustedHost(h, "localhost")).toEqual({ kind: "tenant", slug: "eupen" });
  });

  it("serves nothing when a tenant header names another centre than the host", () => {
    const h = headers({ host: "eupen.localhost", [HOST_KIND_HEADER]: "tenant", [TENANT_HEADER]: "chatelet" });
    expect(trustedHost(h, "localhost")).toEqual({ kind: "unknown" });
  });

  it("does not let a centre host pass for the operator console", () => {
    const h = headers({ host: "eupen.localhost", [HOST_KIND_HEADER]: "operator" });
    expect(trustedHost(h, "localhost")).toEqual({ kind: "unknown" });
  });
});
