import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoUsers } from "@/db/seed/demo-users";
import { ACT_AS_COOKIE, resolveSessionUser } from "@/server/auth/session";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { actAsChoices } from "@/server/users/authorities";
import { appCodeOf, callerOn, centreHost, newCentre, newUser } from "./helpers";

afterAll(closePools);

let centre: Tenant;
beforeAll(async () => {
  centre = await newCentre("proc", "production");
});

const actingCaller = (claims: Parameters<typeof callerOn>[2], actAs: number) =>
  callerOn(centreHost(centre.slug), { [ACT_AS_COOKIE]: String(actAs) }, claims);

describe("procuration", () => {
  it("lets a colleague act with the giver's permissions, and audits both people", async () => {
    const { user: agent, claims: agentClaims } = await newUser(centre, "100");
    const { user: clerk, claims: clerkClaims } = await newUser(centre, "210");
    await (await callerOn(centreHost(centre.slug), {}, agentClaims)).users.authorities.give({ authorizedId: clerk.id });

    const acting = await actingCaller(clerkClaims, agent.id);
    const me = await acting.users.me();
    expect(me).toMatchObject({ id: agent.id, userType: "100" });
    expect(me.roles).toContain("IntegUser"); // the agent's role, which a reception clerk lacks
    await acting.users.logoutEverywhere(); // a change made while acting: ends the clerk's own sessions
    const { db, t } = tenantHandle(centre);
    const [row] = await db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.action, "user.logout_everywhere"))
      .orderBy(t.auditLog.id);
    expect(row).toMatchObject({ actor: `user:${clerk.id}`, actingFor: `user:${agent.id}`, entityId: String(clerk.id) });
  });

  it("is refused without an authority, after revocation and after its end date", async () => {
    const { user: giver, claims: giverClaims } = await newUser(centre, "400");
    const { claims: otherClaims } = await newUser(centre, "210");
    expect((await (await actingCaller(otherClaims, giver.id)).users.me()).id).toBe(otherClaims.uid); // no authority: stays themself

    const { user: colleague, claims: colleagueClaims } = await newUser(centre, "210");
    const giverApi = await callerOn(centreHost(centre.slug), {}, giverClaims);
    const { id } = await giverApi.users.authorities.give({ authorizedId: colleague.id });
    expect((await (await actingCaller(colleagueClaims, giver.id)).users.me()).id).toBe(giver.id);
    await giverApi.users.authorities.revoke({ id });
    expect((await (await actingCaller(colleagueClaims, giver.id)).users.me()).id).toBe(colleague.id);

    await giverApi.users.authorities.give({ authorizedId: colleague.id, validUntil: "2020-12-31" });
    expect((await (await actingCaller(colleagueClaims, giver.id)).users.me()).id).toBe(colleague.id);
  });

  it("lets supervisors (800, 900, 910) act as anyone with a user type", async () => {
    const { user: anyone } = await newUser(centre, "300");
    for (const type of ["800", "900", "910"] as const) {
      const { claims } = await newUser(centre, type);
      expect((await (await actingCaller(claims, anyone.id)).users.me()).id, type).toBe(anyone.id);
    }
    const { claims } = await newUser(centre, "410");
    expect((await (await actingCaller(claims, anyone.id)).users.me()).id).toBe(claims.uid);
  });

  it("keeps personal security settings out of reach of the colleague acting", async () => {
    const { user: giver, claims: giverClaims } = await newUser(centre, "100");
    const { user: colleague, claims } = await newUser(centre, "210");
    await (
      await callerOn(centreHost(centre.slug), {}, giverClaims)
    ).users.authorities.give({ authorizedId: colleague.id });
    expect(await appCodeOf((await actingCaller(claims, giver.id)).users.twoFactor.begin())).toBe("FORBIDDEN");
  });

  it("cannot act across centres: the target id is looked up in the host's centre only", async () => {
    const other = await newCentre("proc-other", "production");
    const { claims } = await newUser(other, "900");
    const { user: here } = await newUser(centre, "100");
    expect(await resolveSessionUser(tenantHandle(centre), centre, claims, here.id)).toBeNull();
  });

  it("gives Theresia authority from Hubert, Alicia and Mélanie in the demo", async () => {
    const demo = await newCentre("proc-demo", "production");
    const h = tenantHandle(demo);
    await seedDemoUsers(h, { defaultLocale: "de" });
    const [theresia] = await h.db.select().from(h.t.users).where(eq(h.t.users.username, "theresia"));
    expect((await actAsChoices(h, { id: theresia!.id, userType: "210" })).map((u) => u.username)).toEqual([
      "alicia",
      "hubert",
      "melanie",
    ]);
  });
});
