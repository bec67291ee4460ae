import { z } from "zod";
import { compileTrustedProxies } from "./http/forwarded";

const DEV_SECRET = "entraide-development-secret-not-for-production-use";
const DEV_MASTER_KEY = "entraide-development-master-key-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    BASE_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/, "lower-case host name")
      .default("localhost"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().default("0.0.0.0"),
    /** Signs operator sessions (and, from the identity issue on, centre sessions). */
    SESSION_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Encrypts secrets at rest (directory passwords, certificates, two-factor seeds). Keep it out of the database. */
    MASTER_KEY: z.string().min(32).default(DEV_MASTER_KEY),
    /** Whether cookies get the Secure flag; on in production behind TLS. */
    SECURE_COOKIES: z.stringbool().optional(),
    /**
     * Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (comma-separated
     * addresses or CIDR ranges, or `loopback`); from anyone else those headers are ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .refine((v) => {
        try {
          compileTrustedProxies(v);
          return true;
        } catch {
          return false;
        }
      }, "comma-separated IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal)"),
    EXPORT_DIR: z.string().default(".data/exports"),
    /** Where centres' backups are kept, one folder per centre id: the scheduled ones and the console's (server/tenancy/backup-store.ts). */
    BACKUP_DIR: z.string().min(1).default(".data/backups"),
    /** Days a backup is kept in BACKUP_DIR; 0 turns the nightly backups of every centre off. */
    BACKUP_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(14),
    /** Where the demo's mail server keeps the mails it catches, one folder per centre (server/integrations/mail/sink.ts). */
    MAILBOX_DIR: z.string().default(".data/mailbox"),
    /** Where the demo's SMS provider keeps the messages it catches, one folder per centre (server/integrations/sms/fake.ts). */
    SMS_DIR: z.string().default(".data/sms"),
    /**
     * Where scanned documents are kept, one folder per centre (server/uploads/storage.ts). Outside
     * the web root: files leave only through the download route, which checks who asks.
     */
    UPLOADS_DIR: z
      .string()
      .min(1)
      .default(".data/uploads")
      .refine((v) => !/(^|[\\/])public([\\/]|$)/.test(v), "must not be inside the web root (public/)"),
    /** "off" offers printed documents as Word files only, even where LibreOffice is installed (server/documents/pdf). */
    PDF_CONVERTER: z.enum(["auto", "off"]).default("auto"),
    /** How long the warm LibreOffice may take for one document before it is killed and started again. */
    PDF_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    // How long an unused pooled connection stays open. PostgreSQL fills each connection's catalogue
    // caches as statements name tables: a new connection plans the client detail (its row read names
    // about 35 tables) in 10-20 ms instead of 1.5 ms. pg's own default (10 s) closed them between two
    // clicks of a quiet centre.
    DB_POOL_IDLE_MS: z.coerce.number().int().min(1_000).default(300_000),
    // How many of the pool's connections one centre may hold at once (default: all of the pool
    // but two), so that one busy or stuck centre cannot take every connection from the others.
    DB_CENTRE_MAX: z.coerce.number().int().min(1).max(200).optional(),
    // How long one statement, one wait for a row lock and one wait for a free connection may take
    // before the request is answered "temporarily unavailable" (0: no limit). Migrations and bulk
    // scripts set their own.
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
    DB_CHECKOUT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  })
  .refine((e) => e.NODE_ENV !== "production" || e.SESSION_SECRET !== DEV_SECRET, {
    message: "SESSION_SECRET must be set in production",
    path: ["SESSION_SECRET"],
  })
  .refine((e) => e.NODE_ENV !== "production" || e.MASTER_KEY !== DEV_MASTER_KEY, {
    message: "MASTER_KEY must be set in production",
    path: ["MASTER_KEY"],
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated environment, read on first use so scripts and tests can set variables before. */
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests and the demo launcher, which set variables after a first read. */
export function resetEnvCache() {
  cached = undefined;
}
