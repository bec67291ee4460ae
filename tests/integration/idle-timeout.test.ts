import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  endedByInactivity,
  idleExpired,
  refreshedActivity,
  resolveSessionUser,
  type SessionClaims,
} from "@/server/auth/session";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

const MINUTE = 60_000;
let centre: Tenant;
let admin: Awaited<ReturnType<typeof newUser>>;
beforeAll(async () => {
  centre = await newCentre("idle", "production");
  admin = await newUser(centre, "900");
});

/** The claims as they would be if the last activity was `minutesAgo` minutes ago. */
const idleFor = (claims: SessionClaims, minutesAgo: number): SessionClaims => ({
  ...claims,
  la: Math.floor((Date.now() - minutesAgo * MINUTE) / 1000),
});

async function setIdleTimeout(minutes: number) {
  const api = await callerOn(centreHost(centre.slug), {}, admin.claims);
  const { version } = await api.settings.get();
  await api.settings.update({ version, patch: { idleTimeoutMinutes: minutes } });
}

describe("idle timeout", () => {
  it("refuses a session unused for longer than the centre's timeout and accepts a recent one", async () => {
    const { claims, user } = await newUser(centre, "100");
    const h = tenantHandle(centre);
    // The default timeout is 480 minutes.
    expect((await resolveSessionUser(h, centre, idleFor(claims, 5)))?.id).toBe(user.id);
    expect((await resolveSessionUser(h, centre, idleFor(claims, 479)))?.id).toBe(user.id);
    expect(await resolveSessionUser(h, centre, idleFor(claims, 481))).toBeNull();
    // Through the API: the expired session is anonymous, the recent one is served.
    expect(await appCodeOf((await callerOn(centreHost(centre.slug), {}, idleFor(claims, 481))).users.me())).toBe(
      "UNAUTHORIZED",
    );
    expect((await (await callerOn(centreHost(centre.slug), {}, idleFor(claims, 1))).users.me()).id).toBe(user.id);
    // A token without a last-activity claim (issued before idle timeouts were enforced) is refused.
    const { la: _la, ...withoutActivity } = claims;
    expect(await resolveSessionUser(h, centre, withoutActivity)).toBeNull();
  });

  it("takes a change of the setting into account at the next request", async () => {
    const { claims, user } = await newUser(centre, "210");
    const h = tenantHandle(centre);
    const thirtyMinutes = idleFor(claims, 30);
    expect((await resolveSessionUser(h, centre, thirtyMinutes))?.id).toBe(user.id);
    await setIdleTimeout(15);
    expect(await resolveSessionUser(h, centre, thirtyMinutes)).toBeNull();
    expect((await resolveSessionUser(h, centre, idleFor(claims, 10)))?.id).toBe(user.id);
    expect(await endedByInactivity(h, centre, thirtyMinutes)).toBe(true);
    expect(await endedByInactivity(h, centre, idleFor(claims, 10))).toBe(false);
    await setIdleTimeout(60);
    expect((await resolveSessionUser(h, centre, thirtyMinutes))?.id).toBe(user.id);
    await setIdleTimeout(480);
  });

  it("refreshes the last-activity claim of a live session, and never revives an expired one", async () => {
    const { claims } = await newUser(centre, "300");
    const now = Date.now();
    expect(await refreshedActivity(idleFor(claims, 2), now)).toBe(Math.floor(now / 1000));
    expect(await refreshedActivity(idleFor(claims, 481), now)).toBeNull();
    // A session of a suspended-then-resumed centre (epoch bumped) or of no centre is not refreshed.
    expect(await refreshedActivity({ ...idleFor(claims, 2), tep: centre.sessionEpoch + 1 }, now)).toBeNull();
    expect(
      await refreshedActivity({ ...idleFor(claims, 2), tid: "00000000-0000-0000-0000-000000000000" }, now),
    ).toBeNull();
    expect(await refreshedActivity({ ...idleFor(claims, 2), tid: "not a uuid" }, now)).toBeNull();
  });

  it("applies each centre's own timeout", async () => {
    const other = await newCentre("idle-other", "production");
    const { claims } = await newUser(other, "100");
    // Another centre's claims are refused before any timeout is considered.
    expect(await endedByInactivity(tenantHandle(centre), centre, idleFor(claims, 1000))).toBe(false);
    expect(idleExpired({ la: Math.floor(Date.now() / 1000) - 61 }, 1)).toBe(true);
    expect(idleExpired({ la: Math.floor(Date.now() / 1000) - 59 }, 1)).toBe(false);
  });
});
