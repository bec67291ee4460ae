import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
  type PgSchema,
} from "drizzle-orm/pg-core";

/** Centre staff, how they sign in, and the record of every sign-in attempt. */
/** `coachingTypes` is typed loosely: the coachings area refers back to users. */
/** `partners` likewise: the contacts area's partners refer to users through other areas. */
export function userTables(s: PgSchema, deps: { coachingTypes: { id: AnyPgColumn }; partners: { id: AnyPgColumn } }) {
  const authMethod = s.enum("auth_method", ["local", "ldap"]);

  const users = s.table(
    "users",
    {
      id: serial("id").primaryKey(),
      username: text("username").notNull(),
      firstName: text("first_name").notNull().default(""),
      lastName: text("last_name").notNull().default(""),
      initials: text("initials").notNull().default(""),
      email: text("email").notNull().default(""),
      language: text("language").notNull().default("fr"),
      /** A Lino user type code ("100", "910", …); null means no access. */
      userType: text("user_type"),
      startDate: date("start_date"),
      endDate: date("end_date"),
      /** Deactivated accounts cannot sign in, whatever their dates. */
      active: boolean("active").notNull().default(true),
      remarks: text("remarks").notNull().default(""),
      authMethod: authMethod("auth_method").notNull().default("local"),
      passwordHash: text("password_hash"),
      ldapDn: text("ldap_dn"),
      /** The user's own person record (§1.1 `partner`): how the user is invited as a guest (§10.3). */
      partnerId: integer("partner_id").references(() => deps.partners.id, { onDelete: "set null" }),
      /** The person record was created for the user: it follows the user's name, e-mail and language. */
      partnerFromUser: boolean("partner_from_user").notNull().default(false),
      // Coaching settings (domain-people §1.1).
      /** The service of the coachings this user takes on; new coachings default to it. */
      coachingTypeId: integer("coaching_type_id").references(() => deps.coachingTypes.id, { onDelete: "set null" }),
      coachingSupervisor: boolean("coaching_supervisor").notNull().default(false),
      /** How notifications reach the user by e-mail (domain-people §16; server/notify/choices.ts). */
      mailMode: text("mail_mode").notNull().default("often"),
      /** Whether the user is told about their own changes too. */
      notifyMyself: boolean("notify_myself").notNull().default(false),
      newcomerQuota: integer("newcomer_quota").notNull().default(0),
      newcomerConsultations: boolean("newcomer_consultations").notNull().default(false),
      newcomerAppointments: boolean("newcomer_appointments").notNull().default(false),
      // Calendar settings.
      accessClass: text("access_class").notNull().default("public"),
      // Two-factor (local accounts): the secret is encrypted at rest.
      totpSecret: text("totp_secret"),
      /** Set while the user scans the code and before they confirm it with a first code. */
      totpPendingSecret: text("totp_pending_secret"),
      totpLastStep: integer("totp_last_step"),
      recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default([]),
      /** Bumped to end every session of the user at once ("log out everywhere", deactivation). */
      sessionEpoch: integer("session_epoch").notNull().default(0),
      /** When the directory last confirmed this (LDAP) account; sessions re-check it every few minutes. */
      directoryCheckedAt: timestamp("directory_checked_at", { withTimezone: true }),
      version: integer("version").notNull().default(1),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [uniqueIndex("users_username_key").on(sql`lower(${t.username})`)],
  );

  /** Failed attempts per account name and per client address, for throttling and lockout. */
  const loginThrottle = s.table("login_throttle", {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  });

  const loginAudit = s.table(
    "login_audit",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
      username: text("username").notNull(),
      userId: integer("user_id"),
      ip: text("ip").notNull().default(""),
      method: text("method").notNull(),
      outcome: text("outcome").notNull(),
    },
    (t) => [index("login_audit_user_idx").on(t.userId, t.at)],
  );

  /**
   * Sessions ended by signing out before their token expired: a captured cookie of one is refused.
   * A row is needed only until `expiresAt`, when the token is dead anyway; sign-outs sweep older rows.
   */
  const revokedSessions = s.table(
    "revoked_sessions",
    {
      sid: uuid("sid").primaryKey(),
      expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    },
    (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
  );

  /** Procuration: `userId` lets `authorizedId` act in their name, optionally until a date. */
  const authorities = s.table(
    "authorities",
    {
      id: serial("id").primaryKey(),
      userId: integer("user_id")
        .notNull()
        .references(() => users.id),
      authorizedId: integer("authorized_id")
        .notNull()
        .references(() => users.id),
      validUntil: date("valid_until"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      uniqueIndex("authorities_pair_key").on(t.userId, t.authorizedId),
      check("authorities_not_self", sql`${t.userId} <> ${t.authorizedId}`),
    ],
  );

  return { authMethod, users, loginThrottle, loginAudit, revokedSessions, authorities };
}
