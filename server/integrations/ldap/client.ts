import { isIP } from "node:net";
import type { ConnectionOptions } from "node:tls";
import {
  AndFilter,
  Client,
  EqualityFilter,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  type Entry,
  type Filter,
} from "ldapts";
import type { UserType } from "@/server/auth/user-types";
import { describeError, LdapError } from "./errors";
import { ldapSettingsSchema, mapUserType, type LdapSettings, type LdapSettingsInput } from "./settings";

export { isLdapError, LdapError, type LdapErrorCode } from "./errors";
export {
  ldapSettingsSchema,
  mapUserType,
  normaliseDn,
  type LdapGroupMapping,
  type LdapSettings,
  type LdapSettingsInput,
} from "./settings";

export type LdapUser = {
  dn: string;
  /** The directory's spelling of the user name, which may differ in case from what was typed. */
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The user's groups as the directory lists them (memberOf). */
  groups: string[];
  userType: UserType;
};

export type LdapTestResult = {
  bindOk: boolean;
  userCount: number;
  /** One row per mapping; empty when the service bind failed. */
  groups: { groupDn: string; userType: string; members: number; found: boolean }[];
  error?: string;
};

const MAX_USERNAME_LENGTH = 64;
const MAX_PASSWORD_LENGTH = 1024;

/** Signs a user in against the centre's directory; throws LdapError on every refusal. */
export async function authenticateLdap(
  input: LdapSettingsInput,
  username: string,
  password: string,
): Promise<LdapUser> {
  const name = checkUsername(username);
  // An empty password makes a simple bind "unauthenticated", which many servers (AD among them)
  // accept as an anonymous success: it must never reach the directory.
  if (typeof password !== "string" || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw new LdapError("INVALID_CREDENTIALS", "empty or oversized password");
  }
  const s = parseSettings(input);
  const secrets = [s.bindPassword, password];

  const entry = await withClient(s, secrets, async (client) => {
    const found = await searchUser(client, s, name);
    if (!found.ok) throw new LdapError("INVALID_CREDENTIALS", found.reason);
    return found.entry;
  });

  // A separate connection, so the user's bind cannot change what the service account's session may do.
  await withClient(s, secrets, async (client) => {
    try {
      await client.bind(entry.dn, password);
    } catch (e) {
      if (e instanceof InvalidCredentialsError)
        throw new LdapError("INVALID_CREDENTIALS", "wrong password", { cause: e });
      throw e;
    }
  });

  const user = toLdapUser(s, entry, name);
  if (!user) throw new LdapError("LDAP_NO_ACCESS", `${entry.dn} is in no mapped group`);
  return user;
}

export type DirectoryLookup = { state: "present"; user: LdapUser } | { state: "gone" | "disabled" | "no_access" };

/**
 * What the directory says now about an account that signed in earlier, through the service
 * account (no password): still there with a mapped group, gone, disabled (Active Directory's
 * ACCOUNTDISABLE flag, or an OpenLDAP password-policy lock), or in no mapped group any more.
 * Throws LdapError LDAP_UNAVAILABLE when the directory cannot be asked.
 */
export async function lookupDirectoryUser(input: LdapSettingsInput, username: string): Promise<DirectoryLookup> {
  const name = checkUsername(username);
  const s = parseSettings(input);
  return withClient(s, [s.bindPassword], async (client) => {
    const found = await searchUser(client, s, name);
    if (!found.ok) return { state: "gone" };
    const { entry } = found;
    const accountControl = Number(first(entry, "userAccountControl")) || 0;
    if (accountControl & AD_ACCOUNT_DISABLED || first(entry, "pwdAccountLockedTime")) return { state: "disabled" };
    const user = toLdapUser(s, entry, name);
    return user ? { state: "present", user } : { state: "no_access" };
  });
}

/** Active Directory's userAccountControl bit for a disabled account. */
const AD_ACCOUNT_DISABLED = 0x2;

/** The one entry of a user name, found with the service account. */
async function searchUser(
  client: Client,
  s: LdapSettings,
  name: string,
): Promise<{ ok: true; entry: Entry } | { ok: false; reason: string }> {
  await serviceBind(client, s);
  const { searchEntries } = await client.search(s.baseDn, {
    scope: "sub",
    sizeLimit: 2,
    timeLimit: Math.ceil(s.operationTimeoutMs / 1000),
    // Filter objects are sent as BER values, never as text, so `*)(uid=*` stays a literal name.
    filter: new AndFilter({
      filters: [userClassFilter(s), new EqualityFilter({ attribute: s.usernameAttribute, value: name })],
    }),
    attributes: [
      s.usernameAttribute,
      "givenName",
      "sn",
      "mail",
      "memberOf",
      "cn",
      "userAccountControl",
      "pwdAccountLockedTime",
    ],
  });
  const [only] = searchEntries;
  if (!only || searchEntries.length > 1)
    return { ok: false, reason: searchEntries.length ? "ambiguous user name" : "no such user" };
  return { ok: true, entry: only };
}

/** The account as Entraide keeps it, or null when none of its groups maps to a user type. */
function toLdapUser(s: LdapSettings, entry: Entry, name: string): LdapUser | null {
  const groups = values(entry, "memberOf");
  const userType = mapUserType(s.groupMappings, groups);
  if (!userType) return null;
  const cn = first(entry, "cn");
  return {
    dn: entry.dn,
    username: first(entry, s.usernameAttribute) || name,
    firstName: first(entry, "givenName"),
    lastName: first(entry, "sn") || cn,
    email: first(entry, "mail"),
    groups,
    userType,
  };
}

/** The admin's "test connection": what the service account sees. Never throws. */
export async function testLdapConnection(input: LdapSettingsInput): Promise<LdapTestResult> {
  let s: LdapSettings;
  try {
    s = parseSettings(input);
  } catch (e) {
    return { bindOk: false, userCount: 0, groups: [], error: describeError(e) };
  }
  let bindOk = false;
  try {
    return await withClient(s, [s.bindPassword], async (client) => {
      await serviceBind(client, s);
      bindOk = true;
      const userCount = await countEntries(client, s, userClassFilter(s));
      const groups: LdapTestResult["groups"] = [];
      for (const { groupDn, userType } of s.groupMappings) {
        const found = await entryExists(client, groupDn);
        // Counting users by memberOf counts exactly whom sign-in would map, and avoids AD's ranged `member` values.
        const members = found
          ? await countEntries(
              client,
              s,
              new AndFilter({
                filters: [userClassFilter(s), new EqualityFilter({ attribute: "memberOf", value: groupDn })],
              }),
            )
          : 0;
        groups.push({ groupDn, userType, members, found });
      }
      return { bindOk, userCount, groups };
    });
  } catch (e) {
    return { bindOk, userCount: 0, groups: [], error: describeError(e, [s.bindPassword]) };
  }
}

function checkUsername(username: string): string {
  // Control characters are refused, not trimmed: a name with a NUL or newline is never a typo to forgive.
  if (typeof username !== "string" || /\p{Cc}/u.test(username)) throw new LdapError("LDAP_INVALID_USERNAME");
  const name = username.trim();
  if (!name || name.length > MAX_USERNAME_LENGTH) throw new LdapError("LDAP_INVALID_USERNAME");
  return name;
}

function parseSettings(input: LdapSettingsInput): LdapSettings {
  const parsed = ldapSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Paths and messages only: zod issues could otherwise echo the submitted values.
  const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new LdapError("LDAP_UNAVAILABLE", `invalid LDAP settings (${issues})`);
}

async function serviceBind(client: Client, s: LdapSettings): Promise<void> {
  try {
    await client.bind(s.bindDn, s.bindPassword);
  } catch (e) {
    // The centre's configuration is wrong, not the user's password: never INVALID_CREDENTIALS here.
    if (e instanceof InvalidCredentialsError)
      throw new LdapError("LDAP_UNAVAILABLE", `service account ${s.bindDn} refused`, { cause: e });
    throw e;
  }
}

const userClassFilter = (s: LdapSettings): Filter =>
  new EqualityFilter({ attribute: "objectClass", value: s.userObjectClass });

/**
 * Runs `fn` on a fresh connection (upgraded with StartTLS when configured) and always unbinds.
 * Anything but an LdapError means the directory is not usable: LDAP_UNAVAILABLE.
 */
async function withClient<T>(s: LdapSettings, secrets: string[], fn: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(s.url);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const tls: ConnectionOptions = s.caCertPem ? { ca: [s.caCertPem] } : {};
  const client = new Client({
    url: s.url,
    connectTimeout: s.connectTimeoutMs,
    timeout: s.operationTimeoutMs,
    // ldapts switches to implicit TLS whenever tlsOptions holds a value, even for ldap:// URLs,
    // so StartTLS options go to startTLS() only.
    tlsOptions: url.protocol === "ldaps:" ? tls : undefined,
  });
  try {
    if (s.startTls) {
      // `host` drives certificate name checks on the upgraded socket; SNI takes names, not IPs.
      const upgrade = client.startTLS({ ...tls, host, servername: isIP(host) ? undefined : host });
      await withTimeout(upgrade, s.connectTimeoutMs + s.operationTimeoutMs, "StartTLS handshake timed out");
    }
    return await fn(client);
  } catch (e) {
    if (e instanceof LdapError) throw e;
    throw new LdapError("LDAP_UNAVAILABLE", `${s.url}: ${describeError(e, secrets)}`, { cause: e });
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
    promise.catch(() => undefined); // the loser's rejection is expected once the socket is closed
  }
}

async function countEntries(client: Client, s: LdapSettings, filter: Filter): Promise<number> {
  let count = 0;
  const pages = client.searchPaginated(s.baseDn, {
    scope: "sub",
    filter,
    attributes: ["1.1"],
    paged: { pageSize: 500 },
    timeLimit: Math.ceil(s.operationTimeoutMs / 1000),
  });
  for await (const page of pages) count += page.searchEntries.length;
  return count;
}

async function entryExists(client: Client, dn: string): Promise<boolean> {
  try {
    return (await client.search(dn, { scope: "base", attributes: ["1.1"] })).searchEntries.length === 1;
  } catch (e) {
    if (e instanceof NoSuchObjectError || e instanceof InvalidDNSyntaxError) return false;
    throw e;
  }
}

/** Attribute values as strings; servers choose the attribute's case, so match it loosely. */
function values(entry: Entry, attribute: string): string[] {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const raw = key === undefined ? [] : entry[key];
  return (Array.isArray(raw) ? raw : [raw]).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v)));
}

const first = (entry: Entry, attribute: string) => values(entry, attribute)[0] ?? "";
