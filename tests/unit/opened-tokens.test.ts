import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeOnce } from "@/server/auth/opened-tokens";

const secret = "a centre's session key, long enough for the test";
const salt = "authjs.session-token";

describe("session tokens opened once", () => {
  afterEach(() => vi.useRealTimers());

  it("opens a token to its claims, and again from memory with the same claims", async () => {
    const token = await encode({ token: { sid: "s-1", uid: 7 }, secret, salt, maxAge: 600 });
    const first = await decodeOnce({ token, secret, salt });
    expect(first).toMatchObject({ sid: "s-1", uid: 7 });
    expect(await decodeOnce({ token, secret, salt })).toEqual(first);
  });

  it("refuses a token it opened before once the token has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T10:00:00Z"));
    const token = await encode({ token: { sid: "s-2", uid: 8 }, secret, salt, maxAge: 60 });
    expect(await decodeOnce({ token, secret, salt })).toMatchObject({ sid: "s-2" });
    vi.setSystemTime(new Date("2026-12-06T10:01:01Z"));
    expect(await decodeOnce({ token, secret, salt })).toBeNull();
  });

  it("opens nothing with another centre's key, even for a token it holds", async () => {
    const token = await encode({ token: { sid: "s-3", uid: 9 }, secret, salt, maxAge: 600 });
    expect(await decodeOnce({ token, secret, salt })).toMatchObject({ sid: "s-3" });
    await expect(decodeOnce({ token, secret: "another centre's session key, long enough", salt })).rejects.toThrow();
  });
});
