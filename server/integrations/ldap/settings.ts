import { z } from "zod";
import { USER_TYPES, type UserType } from "@/server/auth/user-types";

// Attribute and object-class names go into search filters; restricting them to the LDAP
// "descr" syntax keeps a mistyped or malicious setting from changing the filter's meaning.
const ldapName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, "not an LDAP attribute name");
const dn = z
  .string()
  .trim()
  .min(3)
  .max(1024)
  .regex(/^[^=,]+=.+/, "not a distinguished name");

/** ldap://host[:port] or ldaps://host[:port]; ldapts takes no path, query or credentials. */
const ldapUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const u = new URL(value);
      return (
        (u.protocol === "ldap:" || u.protocol === "ldaps:") &&
        u.hostname !== "" &&
        !u.username &&
        !u.password &&
        (u.pathname === "" || u.pathname === "/") &&
        !u.search
      );
    } catch {
      return false;
    }
  }, "expected ldap://host[:port] or ldaps://host[:port]");

export const groupMappingSchema = z.object({
  groupDn: dn,
  // "000" is the anonymous type: mapping a group to it would let nobody in.
  userType: z.enum(USER_TYPES).exclude(["000"]),
});

export const ldapSettingsSchema = z
  .object({
    url: ldapUrl,
    startTls: z.boolean().default(false),
    /** The centre's own CA (PEM); when set it replaces the public CA list for this directory. */
    caCertPem: z
      .string()
      .trim()
      .regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, "not a PEM certificate")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    bindDn: dn,
    // An empty password would make the service bind an anonymous one.
    bindPassword: z.string().min(1).max(1024),
    baseDn: dn,
    usernameAttribute: ldapName,
    userObjectClass: ldapName.default("person"),
    /** Order is priority: a user's first matching group decides the user type. */
    groupMappings: z.array(groupMappingSchema).max(50),
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(5000),
    operationTimeoutMs: z.number().int().min(100).max(120_000).default(5000),
  })
  .refine((s) => !(s.startTls && s.url.toLowerCase().startsWith("ldaps:")), {
    path: ["startTls"],
    message: "StartTLS is for ldap:// URLs; ldaps:// is already encrypted",
  });

/** Settings as stored and used (defaults applied). */
export type LdapSettings = z.output<typeof ldapSettingsSchema>;
/** Settings as typed in the admin form (defaults optional). */
export type LdapSettingsInput = z.input<typeof ldapSettingsSchema>;
export type LdapGroupMapping = z.output<typeof groupMappingSchema>;

/** First mapping (in priority order) whose group the user belongs to. */
export function mapUserType(mappings: readonly LdapGroupMapping[], memberOf: readonly string[]): UserType | undefined {
  const mine = new Set(memberOf.map(normaliseDn));
  return mappings.find((m) => mine.has(normaliseDn(m.groupDn)))?.userType;
}

/** Directories differ in case and in spaces after commas ("CN=x, OU=y"); neither is significant. */
export function normaliseDn(dn: string): string {
  return dn
    .trim()
    .replace(/(?<!\\),\s+/g, ",")
    .toLowerCase();
}
