import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/login";
import { LIMITS } from "@/server/auth/throttle";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, TEST_PASSWORD } from "./helpers";

afterAll(closePools);

let centre: Tenant;
beforeAll(async () => {
  centre = await newCentre("tfa", "production");
});

/** The code an authenticator app shows for this secret, `stepsAhead` periods from now. */
const codeFor = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

async function enrolledUser() {
  const { user, claims } = await newUser(centre, "100");
  const api = await callerOn(centreHost(centre.slug), {}, claims);
  const { secret, uri } = await api.users.twoFactor.begin();
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  expect(
    await appCodeOf(api.users.twoFactor.confirm({ code: "000000" === codeFor(secret) ? "111111" : "000000" })),
  ).toBe("TOTP_INVALID");
  const { recoveryCodes } = await api.users.twoFactor.confirm({ code: codeFor(secret) });
  return { user, secret, recoveryCodes, claims };
}

const login = (username: string, code?: string, password = TEST_PASSWORD) =>
  authenticate(tenantHandle(centre), { username, password, ip: "203.0.113.5", code });

describe("two-factor sign-in", () => {
  it("enrols with a first code and hands out ten recovery codes, stored only as hashes", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    expect(recoveryCodes).toHaveLength(10);
    const { db, t } = tenantHandle(centre);
    const [row] = await db.select().from(t.users).where(eq(t.users.id, user.id));
    expect(row!.totpPendingSecret).toBeNull();
    expect(JSON.stringify(row)).not.toContain(recoveryCodes[0]!.replace(/-/g, ""));
  });

  it("asks for a code after the password, refuses a wrong or replayed one, accepts a fresh one", async () => {
    const { user, secret } = await enrolledUser();
    expect(await appCodeOf(login(user.username))).toBe("TOTP_REQUIRED");
    expect(await appCodeOf(login(user.username, "123456" === codeFor(secret, 1) ? "654321" : "123456"))).toBe(
      "TOTP_INVALID",
    );
    const next = codeFor(secret, 1); // the enrolment used the current step
    expect((await login(user.username, next)).id).toBe(user.id);
    expect(await appCodeOf(login(user.username, next))).toBe("TOTP_INVALID");
    expect(await appCodeOf(login(user.username, codeFor(secret, 1), "wrong password"))).toBe("INVALID_CREDENTIALS");
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3]!;
    expect((await login(user.username, code.toLowerCase().replace(/-/g, " "))).id).toBe(user.id);
    expect(await appCodeOf(login(user.username, code))).toBe("TOTP_INVALID");
    expect((await login(user.username, recoveryCodes[4]!)).id).toBe(user.id);
  });

  it("locks the account after repeated wrong codes", async () => {
    const { user, secret } = await enrolledUser();
    const wrong = codeFor(secret, 1) === "999999" ? "888888" : "999999";
    for (let i = 1; i < LIMITS.user; i++) expect(await appCodeOf(login(user.username, wrong))).toBe("TOTP_INVALID");
    expect(await appCodeOf(login(user.username, wrong))).toBe("ACCOUNT_LOCKED");
    expect(await appCodeOf(login(user.username, codeFor(secret, 1)))).toBe("ACCOUNT_LOCKED");
  });

  it("can be reset by an administrator, after which the password alone works again", async () => {
    const { user } = await enrolledUser();
    const { claims } = await newUser(centre, "900");
    await (await callerOn(centreHost(centre.slug), {}, claims)).users.resetTwoFactor({ id: user.id });
    expect((await login(user.username)).id).toBe(user.id);
  });
});

describe("mandatory two-factor", () => {
  it("keeps a local user out of everything but enrolment until they enrol", async () => {
    const strict = await newCentre("tfa-strict", "production");
    const h = tenantHandle(strict);
    await h.db.update(h.t.siteSettings).set({ totpRequired: true }).where(eq(h.t.siteSettings.id, 1));
    const { claims } = await newUser(strict, "900");
    const api = await callerOn(centreHost(strict.slug), {}, claims);
    expect((await api.users.me()).mustEnrollTotp).toBe(true);
    expect(await appCodeOf(api.users.list())).toBe("TOTP_ENROLLMENT_REQUIRED");
    const { secret } = await api.users.twoFactor.begin();
    await api.users.twoFactor.confirm({ code: codeFor(secret) });
    const after = await callerOn(centreHost(strict.slug), {}, claims);
    expect((await after.users.me()).mustEnrollTotp).toBe(false);
    expect((await after.users.list()).length).toBeGreaterThan(0);
  });

  it("asks an administrator to enrol before making two-factor mandatory, so the rule cannot lock him out of the settings", async () => {
    const centre2 = await newCentre("tfa-admin", "production");
    const { claims } = await newUser(centre2, "900");
    const api = await callerOn(centreHost(centre2.slug), {}, claims);
    const { version } = await api.settings.get();
    expect(await appCodeOf(api.settings.update({ version, patch: { totpRequired: true } }))).toBe("TOTP_ENROLL_FIRST");
    // Nothing was saved: the administrator still reaches the settings, and the rule is still off.
    expect(await api.settings.get()).toMatchObject({ version, totpRequired: false });
    // Once enrolled, he makes it mandatory and keeps his access.
    const { secret } = await api.users.twoFactor.begin();
    await api.users.twoFactor.confirm({ code: codeFor(secret) });
    await api.settings.update({ version, patch: { totpRequired: true } });
    expect((await api.settings.get()).totpRequired).toBe(true);
    // A directory administrator is not asked for two-factor by Entraide, so he is not asked to enrol.
    const { claims: ldapAdmin } = await newUser(centre2, "900", { authMethod: "ldap", passwordHash: null });
    const byDirectoryAdmin = await callerOn(centreHost(centre2.slug), {}, ldapAdmin);
    const current = await byDirectoryAdmin.settings.get();
    await byDirectoryAdmin.settings.update({ version: current.version, patch: { totpRequired: false } });
    await byDirectoryAdmin.settings.update({ version: current.version + 1, patch: { totpRequired: true } });
  });
});
