import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/login";
import { claimsFor, resolveSessionUser } from "@/server/auth/session";
import { closePools } from "@/server/db/pool";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, callerOn, centreHost, newCentre, newUser, signedInCaller, TEST_PASSWORD } from "./helpers";
import { groupDn, SERVICE, startSlapd, userDn, userLdif, USERS, type Slapd } from "./ldap/slapd";

// Directory sign-in end to end: the centre's settings (bind password encrypted) → the real slapd →
// a user provisioned or refreshed in the centre's schema.
let slapd: Slapd;
let centre: Tenant;
let adminClaims: Awaited<ReturnType<typeof newUser>>["claims"];

const mappings = [
  { groupDn: groupDn("entraide-integration"), userType: "100" as const },
  { groupDn: groupDn("entraide-reception"), userType: "210" as const },
  { groupDn: groupDn("entraide-admins"), userType: "900" as const },
];

async function configure(tenant: Tenant, url: string, claims: typeof adminClaims, allowLocal = true) {
  const api = await callerOn(centreHost(tenant.slug), {}, claims);
  const { version } = await api.settings.get();
  await api.settings.update({
    version,
    patch: {
      allowLocal,
      allowLdap: true,
      ldapBindPassword: SERVICE.password,
      ldap: {
        url,
        startTls: false,
        bindDn: SERVICE.dn,
        baseDn: slapd.baseDn,
        usernameAttribute: "uid",
        userObjectClass: "person",
        groupMappings: mappings,
        connectTimeoutMs: 1000,
        operationTimeoutMs: 3000,
      },
    },
  });
  return api;
}

beforeAll(async () => {
  slapd = await startSlapd();
  centre = await newCentre("ldap-login", "production");
  ({ claims: adminClaims } = await newUser(centre, "900"));
  await configure(centre, slapd.url, adminClaims, false);
});
afterAll(async () => {
  await slapd?.stop();
  await closePools();
});

const signIn = (tenant: Tenant, username: string, password: string) =>
  authenticate(tenantHandle(tenant), { username, password, ip: "192.0.2.50" });

describe("sign-in through the centre's directory", () => {
  it("provisions the user on first sign-in, with names, e-mail and the mapped user type", async () => {
    const user = await signIn(centre, "hubert", USERS.hubert.password);
    expect(user).toMatchObject({
      username: "hubert",
      firstName: "Hubert",
      lastName: "Huppertz",
      userType: "100",
      authMethod: "ldap",
      passwordHash: null,
    });
    const { db, t } = tenantHandle(centre);
    expect(
      (
        await db
          .select()
          .from(t.auditLog)
          .where(eq(t.auditLog.entityId, String(user.id)))
      ).map((a) => a.action),
    ).toContain("user.provision");
    // His own person record (§1.1 `partner`), made from the directory's names, for guest invitations.
    const [own] = await db.select().from(t.partners).where(eq(t.partners.id, user.partnerId!));
    expect(own).toMatchObject({ kind: "person", firstName: "Hubert", lastName: "Huppertz", name: "Huppertz Hubert" });
    expect(user.partnerFromUser).toBe(true);
    expect((await signIn(centre, "hubert", USERS.hubert.password)).id).toBe(user.id); // no second row
  });

  it("follows a group change on the next sign-in", async () => {
    const theresia = await signIn(centre, "theresia", USERS.theresia.password);
    expect(theresia.userType).toBe("210");
    const change = (group: string, op: "add" | "delete") =>
      `dn: ${groupDn(group)}\nchangetype: modify\n${op}: member\nmember: ${userDn("theresia")}\n`;
    await slapd.ldapModify(`${change("entraide-admins", "add")}\n${change("entraide-reception", "delete")}`);
    try {
      expect((await signIn(centre, "theresia", USERS.theresia.password)).userType).toBe("900");
    } finally {
      await slapd.ldapModify(`${change("entraide-reception", "add")}\n${change("entraide-admins", "delete")}`);
    }
  });

  it("refuses wrong passwords, users in no mapped group, and filter injection", async () => {
    expect(await appCodeOf(signIn(centre, "robin", "not the password"))).toBe("INVALID_CREDENTIALS");
    expect(await appCodeOf(signIn(centre, "nogroup", USERS.nogroup.password))).toBe("ACCOUNT_INACTIVE");
    expect(await appCodeOf(signIn(centre, "*)(uid=*", USERS.robin.password))).toBe("INVALID_CREDENTIALS");
    expect(await appCodeOf(signIn(centre, "*", USERS.robin.password))).toBe("INVALID_CREDENTIALS");
  });

  it("keeps a user deactivated in Entraide out, even with a good directory password", async () => {
    const robin = await signIn(centre, "robin", USERS.robin.password);
    const admin = await callerOn(centreHost(centre.slug), {}, adminClaims);
    await admin.users.update({ id: robin.id, version: robin.version, patch: { active: false } });
    expect(await appCodeOf(signIn(centre, "robin", USERS.robin.password))).toBe("ACCOUNT_INACTIVE");
  });

  it("when the directory is down: a clear error for directory users, and the local administrator still gets in", async () => {
    const down = await newCentre("ldap-down", "production");
    const { user: breakGlass, claims } = await newUser(down, "900");
    await configure(down, "ldap://127.0.0.1:1", claims, false); // nothing listens on port 1
    expect(await appCodeOf(signIn(down, "hubert", USERS.hubert.password))).toBe("DIRECTORY_UNAVAILABLE");
    expect((await signIn(down, breakGlass.username, TEST_PASSWORD)).id).toBe(breakGlass.id);
    // A local account that is not an administrator follows the centre's "no local sign-in" rule.
    const { user: clerk } = await newUser(down, "210");
    expect(await appCodeOf(signIn(down, clerk.username, TEST_PASSWORD))).toBe("DIRECTORY_UNAVAILABLE");
  });

  it("re-checks an open session against the directory every few minutes: gone or out of every mapped group ends it", async () => {
    const h = tenantHandle(centre);
    const member = (uid: string, op: "add" | "delete") =>
      `dn: ${groupDn("entraide-integration")}\nchangetype: modify\n${op}: member\nmember: ${userDn(uid)}\n`;
    const arrive = async (uid: string) => {
      const person = { givenName: "Lea", sn: `Leaver ${uid}`, password: `${uid}-pw-1` };
      await slapd.ldapModify(userLdif(uid, person).replace(/^(dn: .*)$/m, "$1\nchangetype: add"));
      await slapd.ldapModify(member(uid, "add"));
      const user = await signIn(centre, uid, person.password);
      return { user, claims: claimsFor(centre, user) };
    };
    /** As if the last check was longer ago than the re-check interval. */
    const checkedLongAgo = (id: number) =>
      h.db
        .update(h.t.users)
        .set({ directoryCheckedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(h.t.users.id, id));
    const actions = async (id: number) =>
      (
        await h.db
          .select()
          .from(h.t.auditLog)
          .where(eq(h.t.auditLog.entityId, String(id)))
      ).map((a) => a.action);

    // Removed from the directory: the session lasts until the next check, which ends it.
    const gone = await arrive("leaver1");
    expect((await resolveSessionUser(h, centre, gone.claims))?.id).toBe(gone.user.id);
    await slapd.ldapModify(`dn: ${userDn("leaver1")}\nchangetype: delete\n`);
    expect((await resolveSessionUser(h, centre, gone.claims))?.id).toBe(gone.user.id); // checked at sign-in, minutes ago
    await checkedLongAgo(gone.user.id);
    expect(await resolveSessionUser(h, centre, gone.claims)).toBeNull();
    expect(await actions(gone.user.id)).toContain("user.directory_gone");
    expect(await resolveSessionUser(h, centre, gone.claims)).toBeNull(); // and stays ended

    // Taken out of every mapped group.
    const moved = await arrive("leaver2");
    await slapd.ldapModify(member("leaver2", "delete"));
    await checkedLongAgo(moved.user.id);
    expect(await resolveSessionUser(h, centre, moved.claims)).toBeNull();
    expect(await actions(moved.user.id)).toContain("user.directory_no_access");

    // Still there: the check passes and the session goes on.
    const stays = await arrive("stayer");
    await checkedLongAgo(stays.user.id);
    expect((await resolveSessionUser(h, centre, stays.claims))?.id).toBe(stays.user.id);
  });

  it("keeps sessions open while the directory cannot be reached", async () => {
    const down = await newCentre("ldap-recheck-down", "production");
    const { claims: adminOfDown } = await newUser(down, "900");
    await configure(down, "ldap://127.0.0.1:1", adminOfDown, false); // nothing listens on port 1
    const { user, claims } = await newUser(down, "100", {
      authMethod: "ldap",
      passwordHash: null,
      directoryCheckedAt: new Date(Date.now() - 60 * 60_000),
    });
    expect((await resolveSessionUser(tenantHandle(down), down, claims))?.id).toBe(user.id);
    // The failed attempt counts as a check: the next one is a few minutes away, not on every request.
    const h = tenantHandle(down);
    const [row] = await h.db.select().from(h.t.users).where(eq(h.t.users.id, user.id));
    expect(Date.now() - row!.directoryCheckedAt!.getTime()).toBeLessThan(60_000);
  });

  it("settings never send the bind password back, and the test button reports what it found", async () => {
    const api = await callerOn(centreHost(centre.slug), {}, adminClaims);
    const settings = await api.settings.get();
    expect(settings.hasLdapBindPassword).toBe(true);
    expect(JSON.stringify(settings)).not.toContain(SERVICE.password);
    const { db, t } = tenantHandle(centre);
    const [row] = await db.select().from(t.siteSettings);
    expect(row!.ldapBindPasswordEnc).not.toContain(SERVICE.password);
    const report = await api.settings.testDirectory();
    expect(report.bindOk).toBe(true);
    expect(report.userCount).toBeGreaterThanOrEqual(4);
    expect(report.groups.map((g) => g.found)).toEqual([true, true, true]);
  });

  it("is for administrators only, and refuses a stale settings edit", async () => {
    for (const type of ["100", "210", "800"] as const)
      expect(await appCodeOf((await signedInCaller(centre, type)).settings.get()), type).toBe("FORBIDDEN");
    const api = await callerOn(centreHost(centre.slug), {}, adminClaims);
    const { version } = await api.settings.get();
    await api.settings.update({ version, patch: { idleTimeoutMinutes: 60 } });
    expect(await appCodeOf(api.settings.update({ version, patch: { idleTimeoutMinutes: 90 } }))).toBe("STALE_EDIT");
  });
});
