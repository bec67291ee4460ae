import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, USER_TYPES } from "@/server/auth/user-types";
import { cardPost } from "@/server/clients/eid/endpoint";
import type { Tenant } from "@/server/tenancy/registry";
import { createInnerContext } from "@/server/trpc/context";
import { centreHost, newCentre, newUser, signedInCaller } from "./helpers";

const SAMPLES = path.resolve(import.meta.dirname, "../fixtures/eid");
const JEFFIN = JSON.parse(readFileSync(path.join(SAMPLES, "card_test_1.json"), "utf8")) as Record<string, unknown>;
let eupen: Tenant;
let chatelet: Tenant;

/** What the route handler answers a request on `tenant`'s host with that session (null: none). */
async function post(tenant: Tenant, claims: Awaited<ReturnType<typeof newUser>>["claims"] | null, body: string, contentType = "application/json") {
  const ctx = await createInnerContext({ host: centreHost(tenant.slug), claims });
  const res = await cardPost(new Request("https://example.test/api/eid/card", { method: "POST", headers: { "content-type": contentType }, body }), ctx);
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
    expect(await post(eupen, clerk.claims, "{not json")).toMatchObject({ status: 400, body: { error: "INVALID_INPUT" } });
    expect(await post(eupen, clerk.claims, JSON.stringify({ hello: 1 }))).toMatchObject({ status: 400, body: { error: "INVALID_INPUT", message: expect.any(String) } });
    expect(await post(eupen, clerk.claims, JSON.stringify(JEFFIN), "text/plain")).toMatchObject({ status: 415 });
    expect(await post(eupen, null, JSON.stringify(JEFFIN))).toMatchObject({ status: 401, body: { error: "UNAUTHORIZED" } });
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
