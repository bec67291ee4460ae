import { sql } from "drizzle-orm";
import type { LdapSettings } from "@/server/integrations/ldap/settings";
import { boolean, check, integer, jsonb, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";

/** Directory settings without the bind password, which is stored encrypted beside them. */
export type StoredLdapSettings = Omit<LdapSettings, "bindPassword">;

/** One row of centre-wide settings that its administrators manage. */
export function settingsTables(s: PgSchema) {
  const siteSettings = s.table(
    "site_settings",
    {
      id: integer("id").primaryKey().default(1),
      /** Which sign-in methods the centre accepts. */
      allowLocal: boolean("allow_local").notNull().default(true),
      allowLdap: boolean("allow_ldap").notNull().default(false),
      totpRequired: boolean("totp_required").notNull().default(false),
      idleTimeoutMinutes: integer("idle_timeout_minutes").notNull().default(480),
      ldap: jsonb("ldap").$type<StoredLdapSettings>(),
      ldapBindPasswordEnc: text("ldap_bind_password_enc"),
      /** Field sets of the client file this centre uses beyond the common ones: "eupen", "chatelet". */
      clientFieldSets: text("client_field_sets")
        .array()
        .notNull()
        .default(sql`'{}'::text[]`),
      /** The largest file a user may upload, in megabytes (server/uploads/receive.ts). */
      uploadMaxMegabytes: integer("upload_max_megabytes").notNull().default(50),
      version: integer("version").notNull().default(1),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [check("site_settings_single_row", sql`${t.id} = 1`)],
  );
  return { siteSettings };
}
