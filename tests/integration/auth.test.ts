import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoUsers, DEMO_USER_PASSWORD } from "@/db/seed/demo-users";
import { authenticate } from "@/server/auth/login";
import { resolveSessionUser } from "@/server/auth/session";
import { LIMITS } from "@/server/auth/throttle";
import { closePools } from "@/server/db/pool";
import { getTenant, suspendTenant, resumeTenant } from "@/server/tenancy/lifecycle";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, TEST_PASSWORD } from "./helpers";

afterAll(closePools);

let eupen: Tenant;
let chatelet: Tenant;
beforeAll(async () => {
  [eupen, chatelet] = [await newCentre("auth-eupen", "production"), await newCentre("auth-chatelet", "production")];
});

const login = (tenant: Tenant, username: string, password: string, ip = "192.0.2.10") =>
  authenticate(tenantHandle(tenant), { username, password, ip });
const outcomes = async (tenant: Tenant, username: string) => {
  const { db, t } = tenantHandle(tenant);
  return (
    await db
      .select({ outcome: t.loginAudit.outcome })
      .from(t.loginAudit)
      .where(eq(t.loginAudit.username, username))
      .orderBy(t.loginAudit.id)
  ).map((r) => r.outcome);
};

describe("local sign-in", () => {
  it("accepts the right password, case-insensitively for the user name, and audits it", async () => {
    const { user } = await newUser(eupen, "100");
    expect((await login(eupen, user.username.toUpperCase(), TEST_PASSWORD)).id).toBe(user.id);
    expect(await outcomes(eupen, user.username)).toEqual(["success"]);
  });

  it("refuses a wrong password and an unknown user with the same error", async () => {
    const { user } = await newUser(eupen, "100");
    expect(await appCodeOf(login(eupen, user.username, "not the password"))).toBe("INVALID_CREDENTIALS");
    expect(await appCodeOf(login(eupen, "nobody-here", TEST_PASSWORD))).toBe("INVALID_CREDENTIALS");
    expect(await outcomes(eupen, user.username)).toEqual(["bad_password"]);
    expect(await outcomes(eupen, "nobody-here")).toEqual(["unknown_user"]);
  });

  it("does not let a user of one centre sign in on another", async () => {
    const { user } = await newUser(eupen, "900");
    expect(await appCodeOf(login(chatelet, user.username, TEST_PASSWORD))).toBe("INVALID_CREDENTIALS");
  });

  it("locks an account name after repeated failures, even against the right password", async () => {
    const { user } = await newUser(eupen, "100");
    for (let i = 1; i < LIMITS.user; i++)
      expect(await appCodeOf(login(eupen, user.username, `wrong ${i}`))).toBe("INVALID_CREDENTIALS");
    expect(await appCodeOf(login(eupen, user.username, "wrong again"))).toBe("ACCOUNT_LOCKED");
    expect(await appCodeOf(login(eupen, user.username, TEST_PASSWORD))).toBe("ACCOUNT_LOCKED");
    expect((await outcomes(eupen, user.username)).at(-1)).toBe("locked");
    // Other accounts from another address are not affected.
    const { user: other } = await newUser(eupen, "100");
    expect((await login(eupen, other.username, TEST_PASSWORD, "192.0.2.99")).id).toBe(other.id);
  });

  it("throttles a client address that sprays passwords over many accounts", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < LIMITS.ip - 1; i++) await appCodeOf(login(eupen, `spray-${i}`, "Password123!", ip));
    expect(await appCodeOf(login(eupen, "spray-last", "Password123!", ip))).toBe("ACCOUNT_LOCKED");
    const { user } = await newUser(eupen, "100");
    expect(await appCodeOf(login(eupen, user.username, TEST_PASSWORD, ip))).toBe("ACCOUNT_LOCKED");
  });

  it.each([
    ["deactivated", { active: false }],
    ["not yet valid", { startDate: "2999-01-01" }],
    ["expired", { endDate: "2000-01-01" }],
  ])("refuses an account that is %s", async (_label, fields) => {
    const { user } = await newUser(eupen, "100", fields);
    expect(await appCodeOf(login(eupen, user.username, TEST_PASSWORD))).toBe("ACCOUNT_INACTIVE");
  });

  it("refuses an account without a user type", async () => {
    const { user } = await newUser(eupen, null);
    expect(await appCodeOf(login(eupen, user.username, TEST_PASSWORD))).toBe("ACCOUNT_INACTIVE");
  });
});

describe("sessions", () => {
  it("resolve to the user on their own centre only", async () => {
    const { user, claims } = await newUser(eupen, "210");
    expect((await resolveSessionUser(tenantHandle(eupen), eupen, claims))?.username).toBe(user.username);
    expect(await resolveSessionUser(tenantHandle(chatelet), chatelet, claims)).toBeNull();
    expect(await resolveSessionUser(tenantHandle(chatelet), chatelet, { ...claims, tid: chatelet.id })).toBeNull(); // forged: no such epoch pair there
  });

  it("end at once on 'log out everywhere'", async () => {
    const { claims } = await newUser(eupen, "100");
    const api = await callerOn(centreHost(eupen.slug), {}, claims);
    await api.users.logoutEverywhere();
    expect(await appCodeOf((await callerOn(centreHost(eupen.slug), {}, claims)).users.me())).toBe("UNAUTHORIZED");
    const { db, t } = tenantHandle(eupen);
    const audit = await db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, String(claims.uid)));
    expect(audit.map((a) => a.action)).toContain("user.logout_everywhere");
  });

  it("end when the account is deactivated", async () => {
    const { user, claims } = await newUser(eupen, "100");
    const { db, t } = tenantHandle(eupen);
    await db.update(t.users).set({ active: false }).where(eq(t.users.id, user.id));
    expect(await resolveSessionUser(tenantHandle(eupen), eupen, claims)).toBeNull();
  });

  it("end when the centre is suspended, and stay ended after it resumes", async () => {
    const centre = await newCentre("auth-susp", "production");
    const { claims } = await newUser(centre, "100");
    await suspendTenant(centre.slug, "test");
    await resumeTenant(centre.slug, "test");
    const now = await getTenant(centre.slug);
    expect(await resolveSessionUser(tenantHandle(now), now, claims)).toBeNull();
  });
});

describe("demo cast", () => {
  it("gives Eupen and Châtelet Lino's demo users with their own user types", async () => {
    const demoEupen = await newCentre("cast-eupen", "production");
    await seedDemoUsers(tenantHandle(demoEupen), { defaultLocale: "de" });
    await seedDemoUsers(tenantHandle(chatelet), { defaultLocale: "fr" });
    const typeOf = async (tenant: Tenant, username: string) =>
      (await login(tenant, username, DEMO_USER_PASSWORD)).userType;
    expect(await typeOf(demoEupen, "hubert")).toBe("100");
    expect(await typeOf(chatelet, "hubert")).toBe("120");
    expect(await typeOf(demoEupen, "caroline")).toBe("200");
    expect(await typeOf(chatelet, "caroline")).toBe("220");
    expect(await typeOf(chatelet, "judith")).toBe("420");
    expect(await typeOf(demoEupen, "patrick")).toBe("910");
  });
});
