import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** The platform's own schema: which centres exist, where they live, who operates them. */
export const control = pgSchema("control");

export const tenantKind = control.enum("tenant_kind", ["production", "training", "demo"]);
export const tenantStatus = control.enum("tenant_status", ["provisioning", "active", "suspended", "deleting"]);
export const migrationState = control.enum("migration_state", ["running", "ok", "failed"]);

/** Designation in the four UI languages; `fr` is always present (fallback order in lib/i18n). */
export type LocalizedText = { fr: string; nl?: string; de?: string; en?: string };
/** A text the centre wrote itself in some of the UI languages (none required). */
export type OptionalTexts = { fr?: string; nl?: string; de?: string; en?: string };

export const clusters = control.table("clusters", {
  id: text("id").primaryKey(),
  /** Name of the environment variable holding the connection string; never the secret itself. */
  urlEnv: text("url_env").notNull(),
  description: text("description").notNull().default(""),
});

export const tenants = control.table(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    /**
     * The welcome of the centre's home page per language, as the centre writes it ("Bienvenue au
     * CPAS de Châtelet"): articles and elision depend on the name, so no template can build it.
     */
    greetings: jsonb("greetings").$type<OptionalTexts>().notNull().default({}),
    defaultLocale: text("default_locale").notNull(),
    kind: tenantKind("kind").notNull().default("production"),
    status: tenantStatus("status").notNull().default("provisioning"),
    clusterId: text("cluster_id")
      .notNull()
      .default("default")
      .references(() => clusters.id),
    /** Derived from the immutable id at creation; a renamed slug never renames a schema. */
    schemaName: text("schema_name").notNull(),
    /** Number of tenant migrations applied to the schema (see db/migrate.ts). */
    schemaVersion: integer("schema_version").notNull().default(0),
    /**
     * The cluster a move is copying the centre to (server/tenancy/move.ts): meanwhile the centre
     * shows the maintenance page and nothing of it is written.
     */
    movingTo: text("moving_to"),
    /** Bumped to end every session of the centre at once (suspension, deletion). */
    sessionEpoch: integer("session_epoch").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug), uniqueIndex("tenants_schema_name_key").on(t.schemaName)],
);

export const domains = control.table(
  "domains",
  {
    host: text("host").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    isPrimary: boolean("is_primary").notNull().default(true),
  },
  (t) => [index("domains_tenant_idx").on(t.tenantId)],
);

export const tenantMigrations = control.table("tenant_migrations", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  state: migrationState("state").notNull(),
  version: integer("version").notNull().default(0),
  lastError: text("last_error"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const operators = control.table(
  "operators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sessionEpoch: integer("session_epoch").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("operators_email_key").on(sql`lower(${t.email})`)],
);

/** Console sessions ended by signing out before their token expired (swept once `expiresAt` passed). */
export const revokedOperatorSessions = control.table(
  "revoked_operator_sessions",
  {
    sid: uuid("sid").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_operator_sessions_expires_idx").on(t.expiresAt)],
);

/** What operators (or the CLI) did to the platform. Tenant ids are kept as text so rows outlive a deleted tenant. */
export const controlAudit = control.table(
  "audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    tenantId: text("tenant_id"),
    tenantSlug: text("tenant_slug"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_tenant_idx").on(t.tenantId, t.at)],
);

/**
 * Support access a centre's administrator grants to the operators, for a limited time (at most
 * 7 days). Operators cannot read a centre's data without an active grant (see server/support/).
 * The people named are centre users, kept as id and display name: the control plane has no
 * foreign key into a centre's schema.
 */
export const supportGrants = control.table(
  "support_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    grantedById: integer("granted_by_id").notNull(),
    grantedByName: text("granted_by_name").notNull(),
    reason: text("reason").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: integer("revoked_by_id"),
    revokedByName: text("revoked_by_name"),
  },
  (t) => [
    index("support_grants_tenant_idx").on(t.tenantId, t.endsAt),
    check(
      "support_grants_period",
      sql`${t.endsAt} > ${t.startsAt} AND ${t.endsAt} <= ${t.startsAt} + interval '7 days'`,
    ),
  ],
);

/** Single-use tokens the console issues to open a support session; a used `jti` is never accepted again. */
export const supportTokens = control.table(
  "support_tokens",
  {
    jti: uuid("jti").primaryKey(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => supportGrants.id, { onDelete: "cascade" }),
    operatorId: uuid("operator_id")
      .notNull()
      .references(() => operators.id, { onDelete: "cascade" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("support_tokens_grant_idx").on(t.grantId)],
);
