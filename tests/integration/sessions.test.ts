import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimsFor,
  endedByInactivity,
  resolveSessionUser,
  revokeSession,
  touchedToken,
  type SessionClaims,
} from "@/server/auth/session";
import { c, controlDb } from "@/server/db/control";
import { closePools } from "@/server/db/pool";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import {
  OPERATOR_COOKIE,
  readOperatorSession,
  revokeOperatorSession,
  signOperatorSession,
} from "@/server/operator/session";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, consoleHost, newCentre, newUser, uniqueSlug } from "./helpers";

afterAll(closePools);

let centre: Tenant;
let other: Tenant;
beforeAll(async () => {
  [centre, other] = [await newCentre("sess", "production"), await newCentre("sess-other", "production")];
});

const inADay = () => new Date(Date.now() + 24 * 3600_000);

describe("signing out of a centre", () => {
  it("revokes that one session on the server: a copy of its cookie is refused, the user's other sessions go on", async () => {
    const { user, claims } = await newUser(centre, "100");
    const otherDevice = claimsFor(centre, user);
    expect(claims.sid).not.toBe(otherDevice.sid);
    const api = () => callerOn(centreHost(centre.slug), {}, claims);
    expect((await (await api()).users.me()).id).toBe(user.id);
    await revokeSession(tenantHandle(centre), claims.sid, inADay());
    expect(await appCodeOf((await api()).users.me())).toBe("UNAUTHORIZED");
    expect(await resolveSessionUser(tenantHandle(centre), centre, claims)).toBeNull();
    expect((await resolveSessionUser(tenantHandle(centre), centre, otherDevice))?.id).toBe(user.id);
    // Revoking twice is harmless.
    await revokeSession(tenantHandle(centre), claims.sid, inADay());
  });

  it("refuses a token without a session id (issued before sessions could be revoked)", async () => {
    const { claims } = await newUser(centre, "100");
    const { sid: _sid, ...withoutId } = claims;
    expect(await resolveSessionUser(tenantHandle(centre), centre, withoutId)).toBeNull();
  });

  it("keeps a revocation only in its own centre, and sweeps revocations whose tokens have expired", async () => {
    const { claims } = await newUser(centre, "100");
    const { user: elsewhere } = await newUser(other, "100");
    const sameIdElsewhere = { ...claimsFor(other, elsewhere), sid: claims.sid };
    await revokeSession(tenantHandle(centre), claims.sid, inADay());
    expect((await resolveSessionUser(tenantHandle(other), other, sameIdElsewhere))?.id).toBe(elsewhere.id);

    const h = tenantHandle(centre);
    const stale = claimsFor(centre, elsewhere).sid;
    await h.db.insert(h.t.revokedSessions).values({ sid: stale, expiresAt: new Date(Date.now() - 1000) });
    await revokeSession(h, claimsFor(centre, elsewhere).sid, inADay()); // any sign-out sweeps
    expect(await h.db.select().from(h.t.revokedSessions).where(eq(h.t.revokedSessions.sid, stale))).toEqual([]);
  });
});

describe("an activity report on a session that inactivity ended", () => {
  it("leaves its token as it is: not revived, and not deleted, so the sign-in page can say why it ended", async () => {
    const { claims } = await newUser(centre, "100");
    const idle: SessionClaims = { ...claims, la: Math.floor(Date.now() / 1000) - 481 * 60 };
    const after = await touchedToken(idle);
    expect(after).toEqual(idle);
    expect(await endedByInactivity(tenantHandle(centre), centre, after)).toBe(true);
    expect(await resolveSessionUser(tenantHandle(centre), centre, after)).toBeNull();
    // A live session gets a fresh last-activity claim.
    const recent: SessionClaims = { ...claims, la: Math.floor(Date.now() / 1000) - 120 };
    expect((await touchedToken(recent)).la).toBeGreaterThan(recent.la!);
  });
});

describe("signing out of the console", () => {
  it("revokes that console session on the server; the operator's other sessions go on", async () => {
    const email = `${uniqueSlug("op")}@entraide.test`;
    await createOperator({ email, name: "Oscar Operator", password: "a long operator passphrase" }, "test");
    const op = await authenticateOperator(email, "a long operator passphrase");
    const [first, second] = [await signOperatorSession(op), await signOperatorSession(op)];
    const tenants = async (token: string) =>
      appCodeOf((await callerOn(consoleHost, { [OPERATOR_COOKIE]: token })).operator.tenants.list());
    expect(await tenants(first)).toBe("resolved");
    await revokeOperatorSession(first);
    expect(await readOperatorSession(first)).toBeNull();
    expect(await tenants(first)).toBe("UNAUTHORIZED");
    expect((await readOperatorSession(second))?.email).toBe(email);
    // A forged token revokes nothing (and is refused anyway).
    const before = await controlDb().select().from(c.revokedOperatorSessions);
    await revokeOperatorSession(`${second.slice(0, -3)}abc`);
    expect((await controlDb().select().from(c.revokedOperatorSessions)).length).toBe(before.length);
    expect(await tenants(second)).toBe("resolved");
  });
});
