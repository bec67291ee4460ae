import { Client } from "ldapts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  authenticateLdap,
  isLdapError,
  testLdapConnection,
  type LdapSettingsInput,
} from "@/server/integrations/ldap/client";
import { freePort, groupDn, SERVICE, startSlapd, userDn, userLdif, USERS, type Slapd } from "./ldap/slapd";

let slapd: Slapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const MAPPINGS = [
  { groupDn: groupDn("entraide-integration"), userType: "100" },
  { groupDn: groupDn("entraide-reception"), userType: "210" },
  { groupDn: groupDn("entraide-admins"), userType: "900" },
] as const;

const settings = (over: Partial<LdapSettingsInput> = {}): LdapSettingsInput => ({
  url: slapd.url,
  bindDn: SERVICE.dn,
  bindPassword: SERVICE.password,
  baseDn: slapd.baseDn,
  usernameAttribute: "uid",
  groupMappings: [...MAPPINGS],
  connectTimeoutMs: 1000,
  operationTimeoutMs: 3000,
  ...over,
});

/** The LdapError code a sign-in ends with, or "SIGNED_IN". */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "SIGNED_IN";
  } catch (e) {
    if (isLdapError(e)) return e.code;
    throw e;
  }
}
const login = (username: string, password: string, over: Partial<LdapSettingsInput> = {}) =>
  authenticateLdap(settings(over), username, password);

describe("LDAP sign-in", () => {
  it("returns the directory's names, email, DN and the mapped user type", async () => {
    expect(await login("hubert", USERS.hubert.password)).toEqual({
      dn: userDn("hubert"),
      username: "hubert",
      firstName: "Hubert",
      lastName: "Huppertz",
      email: "hubert@cpas-test.be",
      groups: [groupDn("entraide-integration")],
      userType: "100",
    });
    expect((await login("theresia", USERS.theresia.password)).userType).toBe("210");
    expect((await login("robin", USERS.robin.password)).userType).toBe("900");
  });

  it("matches the user name case-insensitively and returns the directory's spelling", async () => {
    expect((await login("HUBERT", USERS.hubert.password)).username).toBe("hubert");
  });

  it("refuses a wrong password and an unknown user with the same code", async () => {
    expect(await outcome(login("hubert", "not-the-password"))).toBe("INVALID_CREDENTIALS");
    expect(await outcome(login("nobody-here", USERS.hubert.password))).toBe("INVALID_CREDENTIALS");
  });

  it("refuses an empty password without ever binding, although the server would accept it", async () => {
    // The server really does treat a DN with an empty password as a successful anonymous bind.
    const raw = new Client({ url: slapd.url, connectTimeout: 1000, timeout: 3000 });
    await expect(raw.bind(userDn("hubert"), "")).resolves.toBeUndefined();
    await raw.unbind();

    const bind = vi.spyOn(Client.prototype, "bind");
    expect(await outcome(login("hubert", ""))).toBe("INVALID_CREDENTIALS");
    expect(bind).not.toHaveBeenCalled();
  });

  it("treats filter syntax in the user name as a literal name", async () => {
    const attempts = ["*", "*)(uid=*", "hubert)(|(uid=*", "hub*", "\\2a", "hubert)", "(uid=hubert)"];
    for (const username of attempts) {
      for (const password of [USERS.hubert.password, "wrong"]) {
        expect([username, await outcome(login(username, password))]).toEqual([
          username,
          expect.stringMatching(/^(INVALID_CREDENTIALS|LDAP_INVALID_USERNAME)$/),
        ]);
      }
    }
  });

  it("rejects empty, overlong and control-character user names before contacting the directory", async () => {
    const bind = vi.spyOn(Client.prototype, "bind");
    for (const username of ["", "   ", "x".repeat(65), "hubert\u0000", "hubert\n"]) {
      expect(await outcome(login(username, USERS.hubert.password))).toBe("LDAP_INVALID_USERNAME");
    }
    expect(bind).not.toHaveBeenCalled();
  });

  it("refuses a user in no mapped group, but only once the password is right", async () => {
    expect(await outcome(login("nogroup", USERS.nogroup.password))).toBe("LDAP_NO_ACCESS");
    expect(await outcome(login("nogroup", "wrong"))).toBe("INVALID_CREDENTIALS");
  });

  it("matches mapped group DNs regardless of case and spaces after commas", async () => {
    const mappings = [{ groupDn: "CN=Entraide-Admins, OU=Groups, DC=cpas-test, DC=be", userType: "900" as const }];
    expect((await login("robin", USERS.robin.password, { groupMappings: mappings })).userType).toBe("900");
  });

  it("follows group changes in the directory, first mapping winning", async () => {
    const hubert = userDn("hubert");
    const change = (group: string, op: "add" | "delete") =>
      `dn: ${groupDn(group)}\nchangetype: modify\n${op}: member\nmember: ${hubert}\n`;
    try {
      await slapd.ldapModify(change("entraide-admins", "add"));
      expect((await login("hubert", USERS.hubert.password)).userType).toBe("100");
      await slapd.ldapModify(change("entraide-integration", "delete"));
      expect((await login("hubert", USERS.hubert.password)).userType).toBe("900");
    } finally {
      await slapd
        .ldapModify(`${change("entraide-admins", "delete")}\n${change("entraide-integration", "add")}`)
        .catch(() => undefined);
    }
    expect((await login("hubert", USERS.hubert.password)).userType).toBe("100");
  });

  it("refuses a user deleted from the directory, and one removed from every mapped group", async () => {
    const leaver = { givenName: "Lea", sn: "Leaver", password: "Leaver-pw-1" };
    const memberOf = (uid: string, group: string, op: "add" | "delete") =>
      `dn: ${groupDn(group)}\nchangetype: modify\n${op}: member\nmember: ${userDn(uid)}\n`;
    await slapd.ldapModify(
      `${userLdif("leaver", leaver).replace("\n", "\nchangetype: add\n")}\n${memberOf("leaver", "entraide-reception", "add")}`,
    );
    await slapd.ldapModify(
      `${userLdif("drifter", leaver).replace("\n", "\nchangetype: add\n")}\n${memberOf("drifter", "entraide-reception", "add")}`,
    );
    try {
      expect((await login("leaver", leaver.password)).userType).toBe("210");
      await slapd.ldapModify(`dn: ${userDn("leaver")}\nchangetype: delete\n`);
      expect(await outcome(login("leaver", leaver.password))).toBe("INVALID_CREDENTIALS");

      expect((await login("drifter", leaver.password)).userType).toBe("210");
      await slapd.ldapModify(memberOf("drifter", "entraide-reception", "delete"));
      expect(await outcome(login("drifter", leaver.password))).toBe("LDAP_NO_ACCESS");
    } finally {
      for (const uid of ["leaver", "drifter"])
        await slapd.ldapModify(`dn: ${userDn(uid)}\nchangetype: delete\n`).catch(() => undefined);
    }
  });

  it("reports the directory as unavailable when nothing listens, and settles", async () => {
    const closed = `ldap://127.0.0.1:${await freePort()}`;
    expect(await outcome(login("hubert", USERS.hubert.password, { url: closed }))).toBe("LDAP_UNAVAILABLE");

    const stopped = await startSlapd();
    await stopped.stop();
    expect(await outcome(login("hubert", USERS.hubert.password, { url: stopped.url }))).toBe("LDAP_UNAVAILABLE");
  });

  it("reports a refused service account as unavailable, not as the user's fault, without echoing passwords", async () => {
    const attempt = login("hubert", USERS.hubert.password, { bindPassword: "Wrong-service-pw" });
    const error = await attempt.catch((e: unknown) => e);
    expect(isLdapError(error) && error.code).toBe("LDAP_UNAVAILABLE");
    expect(String((error as Error).message)).not.toContain("Wrong-service-pw");
    expect(String((error as Error).message)).not.toContain(USERS.hubert.password);
  });
});

describe("LDAP connection test", () => {
  it("counts users and each mapped group's members", async () => {
    const ghost = { groupDn: groupDn("entraide-ghosts"), userType: "910" as const };
    const result = await testLdapConnection(settings({ groupMappings: [...MAPPINGS, ghost] }));
    expect(result).toEqual({
      bindOk: true,
      userCount: 4,
      groups: [
        { groupDn: groupDn("entraide-integration"), userType: "100", members: 1, found: true },
        { groupDn: groupDn("entraide-reception"), userType: "210", members: 1, found: true },
        { groupDn: groupDn("entraide-admins"), userType: "900", members: 1, found: true },
        { groupDn: groupDn("entraide-ghosts"), userType: "910", members: 0, found: false },
      ],
    });
  });

  it("reports a refused service bind without the password", async () => {
    const result = await testLdapConnection(settings({ bindPassword: "Wrong-service-pw" }));
    expect(result).toMatchObject({ bindOk: false, userCount: 0, groups: [] });
    expect(result.error).toBeTruthy();
    expect(JSON.stringify(result)).not.toContain("Wrong-service-pw");
  });

  it("reports an unreachable directory", async () => {
    const result = await testLdapConnection(settings({ url: `ldap://127.0.0.1:${await freePort()}` }));
    expect(result).toMatchObject({ bindOk: false, userCount: 0, groups: [] });
    expect(result.error).toContain("LDAP_UNAVAILABLE");
  });
});

describe("LDAP over TLS", () => {
  let secure: Slapd;
  beforeAll(async () => {
    secure = await startSlapd({ tls: true });
  });
  afterAll(async () => {
    await secure?.stop();
  });
  const tlsSettings = (over: Partial<LdapSettingsInput>) => settings({ url: secure.url, ...over });

  it("signs in over StartTLS when the centre's CA is given", async () => {
    const user = await authenticateLdap(
      tlsSettings({ startTls: true, caCertPem: secure.caCertPem }),
      "hubert",
      USERS.hubert.password,
    );
    expect(user.userType).toBe("100");
  });

  it("signs in over ldaps:// when the centre's CA is given", async () => {
    const user = await authenticateLdap(
      tlsSettings({ url: secure.ldapsUrl, caCertPem: secure.caCertPem }),
      "hubert",
      USERS.hubert.password,
    );
    expect(user.userType).toBe("100");
  });

  it("refuses a certificate issued for another host name", async () => {
    // The certificate names 127.0.0.1 only; reaching the same server as "localhost" must fail the check.
    const error = await authenticateLdap(
      tlsSettings({ url: secure.url.replace("127.0.0.1", "localhost"), startTls: true, caCertPem: secure.caCertPem }),
      "hubert",
      USERS.hubert.password,
    ).catch((e: unknown) => e);
    expect(isLdapError(error) && error.code).toBe("LDAP_UNAVAILABLE");
    expect((error as Error).message).toMatch(/does not match/);
  });

  it("refuses a server certificate its CA does not vouch for", async () => {
    expect(await outcome(authenticateLdap(tlsSettings({ startTls: true }), "hubert", USERS.hubert.password))).toBe(
      "LDAP_UNAVAILABLE",
    );
    expect(
      await outcome(authenticateLdap(tlsSettings({ url: secure.ldapsUrl }), "hubert", USERS.hubert.password)),
    ).toBe("LDAP_UNAVAILABLE");
  });
});
