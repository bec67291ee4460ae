import { afterEach, describe, expect, it, vi } from "vitest";
import type * as Control from "@/server/db/control";

// While the control plane is out of reach, a centre known a moment ago is still known: its pages
// (its sign-in page too) can say "temporarily unavailable" in its words. A centre never seen, or a
// failure that is not the database being away, is not papered over.

const answers: Array<() => Promise<unknown[]>> = [];
vi.mock("@/server/db/control", async (original) => {
  const real = await original<typeof Control>();
  const chain = { from: () => chain, where: () => chain, limit: () => answers.shift()!() };
  return { ...real, controlDb: () => ({ select: () => chain }) };
});
const { findTenantBySlug, invalidateTenant } = await import("@/server/tenancy/registry");

const eupen = { id: "7a0c3c1e-0000-4000-8000-000000000001", slug: "eupen", status: "active" };
const refused = () =>
  Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));

afterEach(() => {
  vi.useRealTimers();
  invalidateTenant("eupen");
  answers.length = 0;
});

describe("looking a centre up while the control plane is down", () => {
  it("answers what was last known of a centre seen before", async () => {
    vi.useFakeTimers();
    answers.push(() => Promise.resolve([eupen]));
    expect(await findTenantBySlug("eupen")).toEqual(eupen);
    vi.advanceTimersByTime(60_000); // long past the cache's few seconds
    answers.push(refused);
    expect(await findTenantBySlug("eupen")).toEqual(eupen);
  });

  it("fails for a centre never seen, and for a failure that is not the database being away", async () => {
    answers.push(refused);
    await expect(findTenantBySlug("eupen")).rejects.toThrow(/ECONNREFUSED/);
    vi.useFakeTimers();
    answers.push(() => Promise.resolve([eupen]));
    await findTenantBySlug("eupen");
    vi.advanceTimersByTime(60_000);
    answers.push(() => Promise.reject(Object.assign(new Error("syntax error"), { code: "42601" })));
    await expect(findTenantBySlug("eupen")).rejects.toThrow(/syntax error/);
  });
});
