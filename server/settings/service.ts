import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { StoredLdapSettings } from "@/db/tenant/settings";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { writeAudit, type Actor } from "@/server/audit";
import { CLIENT_FIELD_SETS } from "@/server/clients/field-set-names";
import { AppError } from "@/server/errors";
import { ldapSettingsSchema, testLdapConnection, type LdapSettingsInput } from "@/server/integrations/ldap/client";
import { findById, type TenantHandle } from "@/server/tenancy/tenant-db";

const bindPasswordContext = (tenantId: string) => `${tenantId}:ldap.bindPassword`;

export async function getSiteSettings(h: TenantHandle) {
  const row = await findById(h, h.t.siteSettings, 1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The directory settings ready for the LDAP client, bind password decrypted; null when none are configured. */
export async function ldapSettingsOf(h: TenantHandle): Promise<LdapSettingsInput | null> {
  const s = await getSiteSettings(h);
  if (!s.ldap || !s.ldapBindPasswordEnc) return null;
  return { ...s.ldap, bindPassword: decryptSecret(s.ldapBindPasswordEnc, bindPasswordContext(h.tenantId)) };
}

/** What an administrator sees: everything but the bind password, which never leaves the server. */
export async function settingsForAdmin(h: TenantHandle) {
  const { ldapBindPasswordEnc, ...rest } = await getSiteSettings(h);
  return { ...rest, hasLdapBindPassword: Boolean(ldapBindPasswordEnc) };
}

export const settingsPatch = z
  .object({
    allowLocal: z.boolean(),
    allowLdap: z.boolean(),
    totpRequired: z.boolean(),
    idleTimeoutMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    /** The largest scanned document a user may upload (server/uploads/receive.ts). */
    uploadMaxMegabytes: z.number().int().min(1).max(2048),
    /** Optional field sets of the client file the centre uses (Eupen's, Châtelet's). */
    clientFieldSets: z
      .array(z.enum(CLIENT_FIELD_SETS))
      .max(CLIENT_FIELD_SETS.length)
      .transform((sets) => [...new Set(sets)].sort()),
    /** Directory settings without the bind password (validated by the LDAP client's own schema). */
    ldap: z.record(z.string(), z.unknown()).nullable(),
    /** Omitted: keep the stored one. */
    ldapBindPassword: z.string().min(1).max(512).optional(),
  })
  .partial();

/**
 * Saves settings edited on `version`, refusing a stale edit; audited with the secret left out.
 * `adminId` is the account of the administrator making the change (the real person, also while
 * acting for someone): making two-factor mandatory is refused until that account has it, since
 * the rule would otherwise lock the administrator out of these very settings.
 */
export async function updateSiteSettings(
  h: TenantHandle,
  who: Actor,
  version: number,
  raw: z.input<typeof settingsPatch>,
  adminId: number,
) {
  const { ldapBindPassword, ldap: ldapRaw, ...patch } = settingsPatch.parse(raw);
  // The schema requires a bind password; it is stored apart, so a placeholder stands in for validation.
  const ldap = ldapRaw
    ? (({ bindPassword: _, ...rest }) => rest)(ldapSettingsSchema.parse({ ...ldapRaw, bindPassword: "-" }))
    : ldapRaw;
  return h.db.transaction(async (tx) => {
    const [before] = await tx.select().from(h.t.siteSettings).where(eq(h.t.siteSettings.id, 1)).for("update");
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== version) throw new AppError("STALE_EDIT");
    if (patch.totpRequired && !before.totpRequired) {
      const [admin] = await tx
        .select({ authMethod: h.t.users.authMethod, totpSecret: h.t.users.totpSecret })
        .from(h.t.users)
        .where(eq(h.t.users.id, adminId));
      if (admin?.authMethod === "local" && !admin.totpSecret) throw new AppError("TOTP_ENROLL_FIRST");
    }
    const [after] = await tx
      .update(h.t.siteSettings)
      .set({
        ...patch,
        ldap: ldap === undefined ? before.ldap : (ldap as StoredLdapSettings | null),
        ...(ldapBindPassword
          ? { ldapBindPasswordEnc: encryptSecret(ldapBindPassword, bindPasswordContext(h.tenantId)) }
          : {}),
        version: sql`${h.t.siteSettings.version} + 1`,
        modifiedAt: sql`now()`,
      })
      .where(eq(h.t.siteSettings.id, 1))
      .returning();
    const changed = [...Object.keys(patch), ...(ldap === undefined ? [] : ["ldap"])];
    const changes: Record<string, { from: unknown; to: unknown }> = Object.fromEntries(
      changed.map((k) => [k, { from: before[k as keyof typeof before], to: after![k as keyof typeof after] }]),
    );
    if (ldapBindPassword) changes.ldapBindPassword = { from: "(secret)", to: "(changed)" };
    await writeAudit(tx, h.t, who, { action: "settings.update", entity: "site_settings", id: 1, changes });
    return after!;
  });
}

/** The administrator's "test connection" button. */
export async function testDirectory(h: TenantHandle) {
  const settings = await ldapSettingsOf(h);
  if (!settings) throw new AppError("LDAP_NOT_CONFIGURED");
  return testLdapConnection(settings);
}
