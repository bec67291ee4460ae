import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { cardPost, tokenCardPost } from "@/server/eid/endpoint";
import { sql } from "drizzle-orm";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext } from "@/server/trpc/context";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller } from "./helpers";

const SAMPLES = path.resolve(import.meta.dirname, "../fixtures/eid");
const JEFFIN = JSON.parse(readFileSync(path.join(SAMPLES, "card_test_1.json"), "utf8")) as Record<string, unknown>;
let eupen: Tenant;
let chatelet: Tenant;

/** What the route handler answers a request on `tenant`'s host with that session (null: none). */
async function post(
  tenant: Tenant,
  claims: Awaited<ReturnType<typeof newUser>>["claims"] | null,
  body: string,
  contentType = "application/json",
) {
  const ctx = await createInnerContext({ host: centreHost(tenant.slug), claims });
  const res = await cardPost(
    new Request("https://example.test/api/eid/card", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }),
    ctx,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  [eupen, chatelet] = await Promise.all([newCentre("eidpost-eupen"), newCentre("eidpost-chatelet")]);
});

describe("POST /api/eid/card (the reader helper's direct endpoint)", () => {
  it("answers what 'find by eID' gives: the card, then the client holding it once created", async () => {
    const clerk = await newUser(eupen, "210");
    const first = await post(eupen, clerk.claims, JSON.stringify(JEFFIN));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ match: null, summary: { nationalId: "680601 053-29" } });
    const caller = await signedInCaller(eupen, "210");
    const { id } = await caller.eid.createClient({ card: JEFFIN as never, confirmSimilar: true });
    expect((await post(eupen, clerk.claims, JSON.stringify(JEFFIN))).body).toMatchObject({ match: { id } });
    // Another centre does not know that client.
    const foreign = await newUser(chatelet, "210");
    expect((await post(chatelet, foreign.claims, JSON.stringify(JEFFIN))).body).toMatchObject({ match: null });
  });

  it("refuses bad bodies, other content types, sessions of another centre and users who may not read cards", async () => {
    const clerk = await newUser(eupen, "210");
    expect(await post(eupen, clerk.claims, "{not json")).toMatchObject({
      status: 400,
      body: { error: "INVALID_INPUT" },
    });
    expect(await post(eupen, clerk.claims, JSON.stringify({ hello: 1 }))).toMatchObject({
      status: 400,
      body: { error: "INVALID_INPUT", message: expect.any(String) },
    });
    expect(await post(eupen, clerk.claims, JSON.stringify(JEFFIN), "text/plain")).toMatchObject({ status: 415 });
    expect(await post(eupen, null, JSON.stringify(JEFFIN))).toMatchObject({
      status: 401,
      body: { error: "UNAUTHORIZED" },
    });
    // A Châtelet session on Eupen's host is no session there.
    const foreign = await newUser(chatelet, "210");
    expect(await post(eupen, foreign.claims, JSON.stringify(JEFFIN))).toMatchObject({ status: 401 });
    for (const userType of USER_TYPES) {
      const { claims } = await newUser(eupen, userType);
      const expected = hasRole(userType, "BeIdUser") ? 200 : userType === "000" ? 401 : 403;
      expect((await post(eupen, claims, JSON.stringify(JEFFIN))).status, userType).toBe(expected);
    }
  });
});

/** The helper posting under a token, without any session, on `tenant`'s host. */
async function helperPost(tenant: Tenant, token: string, body: string, contentType = "application/json") {
  const ctx = await createInnerContext({ host: centreHost(tenant.slug) });
  const res = await tokenCardPost(
    new Request(`https://example.test/api/eid/card/${token}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }),
    ctx,
    token,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("a read opened by the page, posted by the helper under its token, picked up by the page", () => {
  it("hands the card to the user who opened the read, once", async () => {
    const clerk = await newUser(eupen, "210");
    const page = await callerOn(centreHost(eupen.slug), {}, clerk.claims);
    const { token } = await page.eid.openRead();
    expect(await page.eid.pickUp({ token })).toEqual({ status: "waiting" });
    expect(await helperPost(eupen, token, JSON.stringify(JEFFIN))).toMatchObject({ status: 202 });
    // A second card under the same token is refused; the first one stays.
    expect(await helperPost(eupen, token, JSON.stringify({ ...JEFFIN, surname: "Other" }))).toMatchObject({
      status: 404,
      body: { error: "EID_READ_CLOSED" },
    });
    // Another user of the centre cannot take it.
    const colleague = await signedInCaller(eupen, "210");
    expect(await colleague.eid.pickUp({ token })).toEqual({ status: "expired" });
    const got = await page.eid.pickUp({ token });
    expect(got).toMatchObject({ status: "read", card: { surname: JEFFIN.surname } });
    // The page looks it up as if the file had been chosen.
    if (got.status !== "read") throw new Error("no card");
    expect(await page.eid.lookup({ card: got.card })).toMatchObject({ summary: { nationalId: "680601 053-29" } });
    // Picked up means gone: nothing of the card stays in the centre.
    expect(await page.eid.pickUp({ token })).toEqual({ status: "expired" });
    expect(await helperPost(eupen, token, JSON.stringify(JEFFIN))).toMatchObject({ status: 404 });
  });

  it("refuses unknown tokens, other centres' hosts, bad bodies, expired reads and users who may not read cards", async () => {
    const clerk = await newUser(eupen, "210");
    const page = await callerOn(centreHost(eupen.slug), {}, clerk.claims);
    const { token } = await page.eid.openRead();
    expect(await helperPost(eupen, "x".repeat(32), JSON.stringify(JEFFIN))).toMatchObject({
      status: 404,
      body: { error: "EID_READ_CLOSED" },
    });
    expect(await helperPost(eupen, "../../etc", JSON.stringify(JEFFIN))).toMatchObject({ status: 404 });
    // The token is Eupen's: posted on Châtelet's host it opens nothing there.
    expect(await helperPost(chatelet, token, JSON.stringify(JEFFIN))).toMatchObject({
      status: 404,
      body: { error: "EID_READ_CLOSED" },
    });
    expect(await helperPost(eupen, token, "{nope")).toMatchObject({ status: 400 });
    expect(await helperPost(eupen, token, JSON.stringify({ hello: 1 }))).toMatchObject({
      status: 400,
      body: { error: "INVALID_INPUT" },
    });
    expect(await helperPost(eupen, token, JSON.stringify(JEFFIN), "text/plain")).toMatchObject({ status: 415 });
    expect(await helperPost(eupen, token, JSON.stringify({ ...JEFFIN, pad: "x".repeat(600_000) }))).toMatchObject({
      status: 413,
    });
    // Still open after the refusals; then it expires.
    expect(await page.eid.pickUp({ token })).toEqual({ status: "waiting" });
    const h = tenantHandle(eupen);
    await h.db
      .update(h.t.eidCardReads)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`true`);
    expect(await helperPost(eupen, token, JSON.stringify(JEFFIN))).toMatchObject({ status: 404 });
    expect(await page.eid.pickUp({ token })).toEqual({ status: "expired" });
    // Opening a new read sweeps the expired ones of the centre.
    await page.eid.openRead();
    expect((await h.db.select().from(h.t.eidCardReads)).length).toBe(1);

    for (const userType of USER_TYPES) {
      const caller = await signedInCaller(eupen, userType);
      const expected = hasRole(userType, "BeIdUser") ? "resolved" : userType === "000" ? "UNAUTHORIZED" : "FORBIDDEN";
      expect(await appCodeOf(caller.eid.openRead()), userType).toBe(expected);
      if (expected !== "resolved")
        expect(await appCodeOf(caller.eid.pickUp({ token: "y".repeat(32) })), userType).toBe(expected);
    }
  });
});
