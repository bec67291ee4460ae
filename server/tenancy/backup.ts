import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { PassThrough } from "node:stream";
import { eq, sql } from "drizzle-orm";
import type { PoolClient } from "pg";
import { projectPath } from "@/lib/project-path";
import { applyMigrations, lockSchema, type Migration } from "@/db/migrate";
import { c, controlDb } from "@/server/db/control";
import { ensureExtensions } from "@/server/db/extensions";
import { getPool } from "@/server/db/pool";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { isFileLine, removeCentreFiles, restoreCentreFiles, writeCentreFiles, type FileLine } from "./backup-files";
import { codeTenantMigrations } from "./migrations";
import { findTenantBySlug, invalidateTenant, type Tenant } from "./registry";
import { validateSlug } from "./slug";
import { forgetTenantHandle, tenantSchemaName } from "./tenant-db";

/*
 * A centre's backup is one gzip file of JSON lines, readable on real PostgreSQL and on the embedded
 * database alike (no pg_dump, whose version must match the server's):
 *   1. a header: the control plane's rows (names, greetings, language, kind, status, session epoch,
 *      domains), the schema's applied migrations (its version) and its sequences;
 *   2. per table, a line naming the table and its columns, then one line per row as PostgreSQL's own
 *      row_to_json wrote it (read back by json_populate_recordset: every type round-trips, and Node
 *      never parses a row);
 *   3. the centre's scanned documents (`./backup-files.ts`), unless left out (a move keeps them in place);
 *   4. a trailer with the sha256 of every line before it.
 * See docs/operations.md.
 */

export const BACKUP_FORMAT = "entraide-centre-backup";
const FORMAT_VERSION = 1;
export const BACKUP_SUFFIX = ".entraide-backup.gz";
const FETCH_ROWS = 1000;
const INSERT_ROWS = 500;

interface Header {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  tenant: Pick<
    Tenant,
    "id" | "slug" | "names" | "greetings" | "defaultLocale" | "kind" | "status" | "sessionEpoch" | "schemaVersion"
  > & { createdAt: string };
  domains: { host: string; isPrimary: boolean }[];
  migrations: { tag: string; hash: string }[];
  sequences: { name: string; lastValue: string | null }[];
}
interface TableLine {
  table: string;
  columns: string[];
  rows: number;
}
interface Trailer {
  end: true;
  tables: number;
  rows: number;
  files?: number;
  sha256: string;
}

export interface BackupFile {
  file: string;
  bytes: number;
  /** sha256 of the whole file, as `sha256sum` prints it (also written beside it, in `<file>.sha256`). */
  sha256: string;
  tables: number;
  rows: number;
  files: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");

/** The schema's ordinary tables and the columns a row is saved with (generated ones are computed again). */
async function tablesOf(client: PoolClient, schema: string) {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> '__migrations'
      GROUP BY c.relname ORDER BY c.relname`,
    [schema],
  );
  return rows;
}

/**
 * Writes a consistent copy of one centre (its schema and its control-plane rows) to `out` (by
 * default a new file in `dir`), while the centre stays served: every table is read in one
 * REPEATABLE READ snapshot. Written to `<file>.part` and renamed, so a file that exists is complete.
 */
export async function exportTenant(
  slug: string,
  opts: { out?: string; dir?: string; progress?: (line: string) => void; files?: boolean } = {},
): Promise<BackupFile> {
  invalidateTenant(slug);
  const tenant = await findTenantBySlug(slug);
  if (!tenant || tenant.status === "provisioning" || tenant.status === "deleting")
    throw new AppError("TENANT_NOT_FOUND", { slug });
  const domains = await controlDb()
    .select({ host: c.domains.host, isPrimary: c.domains.isPrimary })
    .from(c.domains)
    .where(eq(c.domains.tenantId, tenant.id));
  const file = path.resolve(
    opts.out ?? path.join(opts.dir ?? projectPath(env().EXPORT_DIR), `${slug}-${stamp()}${BACKUP_SUFFIX}`),
  );
  await mkdir(path.dirname(file), { recursive: true });
  const part = `${file}.part`;

  const lines = new PassThrough();
  const contentHash = createHash("sha256");
  const written = pipeline(lines, createGzip(), createWriteStream(part));
  const write = async (line: string, hashed = true) => {
    const text = `${line}\n`;
    if (hashed) contentHash.update(text);
    if (!lines.write(text)) await new Promise((resolve) => lines.once("drain", resolve));
  };

  let tables = 0;
  let rows = 0;
  let files = 0;
  const client = await getPool(tenant.clusterId).connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL statement_timeout = 0");
    const { rows: migrations } = await client.query<{ tag: string; hash: string }>(
      `SELECT tag, hash FROM ${ident(tenant.schemaName)}."__migrations" ORDER BY tag`,
    );
    const { rows: sequences } = await client.query<{ name: string; lastValue: string | null }>(
      `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = $1 ORDER BY 1`,
      [tenant.schemaName],
    );
    const header: Header = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      tenant: {
        id: tenant.id,
        slug: tenant.slug,
        names: tenant.names,
        greetings: tenant.greetings,
        defaultLocale: tenant.defaultLocale,
        kind: tenant.kind,
        status: tenant.status,
        sessionEpoch: tenant.sessionEpoch,
        schemaVersion: migrations.length,
        createdAt: tenant.createdAt.toISOString(),
      },
      domains,
      migrations,
      sequences,
    };
    await write(JSON.stringify(header));
    for (const { table, columns } of await tablesOf(client, tenant.schemaName)) {
      const [{ n }] = (
        await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(tenant.schemaName)}.${ident(table)}`)
      ).rows as [{ n: number }];
      await write(JSON.stringify({ table, columns, rows: n } satisfies TableLine));
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${columns
          .map(ident)
          .join(", ")} FROM ${ident(tenant.schemaName)}.${ident(table)}) x`,
      );
      for (;;) {
        const batch = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const r of batch.rows) await write(r.j);
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE backup_rows");
      tables++;
      rows += n;
      opts.progress?.(`${table}: ${n} row(s)`);
    }
    await client.query("COMMIT");
    if (opts.files !== false) {
      files = await writeCentreFiles(tenant.id, write);
      opts.progress?.(`scanned documents: ${files} file(s)`);
    }
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    lines.destroy();
    await written.catch(() => undefined);
    await rm(part, { force: true });
    throw new AppError("EXPORT_FAILED", { slug }, (e as Error).message);
  } finally {
    client.release();
  }
  const trailer: Trailer = { end: true, tables, rows, files, sha256: contentHash.digest("hex") };
  await write(JSON.stringify(trailer), false);
  lines.end();
  await written;
  await rename(part, file);
  const sha256 = await fileSha256(file);
  await writeFile(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
  return { file, bytes: (await stat(file)).size, sha256, tables, rows, files };
}

export async function fileSha256(file: string) {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** The file's lines, one after another (gunzipped). */
function readLines(file: string) {
  const stream = createReadStream(file).pipe(createGunzip());
  return { lines: createInterface({ input: stream, crlfDelay: Infinity }), stream };
}

const invalid = (detail: string) => new AppError("BACKUP_INVALID", {}, detail);

/**
 * Reads the whole file once before anything is changed: its format, and the checksum of its
 * content against the trailer's. Returns its header.
 */
export async function verifyBackup(file: string): Promise<Header> {
  const { lines, stream } = readLines(file);
  const hash = createHash("sha256");
  let header: Header | undefined;
  let last: string | undefined;
  try {
    for await (const line of lines) {
      if (last !== undefined) hash.update(`${last}\n`);
      else {
        const parsed = JSON.parse(line) as Header;
        if (parsed.format !== BACKUP_FORMAT) throw invalid("not a centre backup");
        if (parsed.formatVersion !== FORMAT_VERSION) throw invalid(`format version ${parsed.formatVersion}`);
        header = parsed;
      }
      last = line;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid((e as Error).message);
  } finally {
    stream.destroy();
  }
  if (!header || last === undefined) throw invalid("empty file");
  let trailer: Partial<Trailer>;
  try {
    trailer = JSON.parse(last) as Partial<Trailer>;
  } catch {
    throw invalid("no trailer: the file is cut short");
  }
  if (trailer.end !== true) throw invalid("no trailer: the file is cut short");
  if (trailer.sha256 !== hash.digest("hex")) throw invalid("checksum mismatch");
  return header;
}

export type Progress = (step: string) => void;

/**
 * Creates a centre from a backup file, on `clusterId` (default: the default cluster), under its own
 * slug and identity or, with `as`, under a new slug and a new identity. Refuses a slug or identity
 * already present. The schema is migrated to the file's version, loaded, then migrated forward to
 * the code's, all in one transaction: a failure anywhere leaves neither schema nor control rows.
 */
export async function importTenant(
  file: string,
  opts: { as?: string; clusterId?: string; actor: string; progress?: Progress },
): Promise<Tenant> {
  const progress = opts.progress ?? (() => undefined);
  progress("verifying the file");
  const header = await verifyBackup(file);
  const slug = validateSlug(opts.as ?? header.tenant.slug);
  const id = opts.as ? randomUUID() : header.tenant.id;
  const schema = tenantSchemaName(id);
  const clusterId = opts.clusterId ?? "default";
  const plan = migrationPlan(header);

  invalidateTenant(slug);
  if (await findTenantBySlug(slug)) throw new AppError("SLUG_TAKEN", { slug });
  const [sameId] = await controlDb().select({ slug: c.tenants.slug }).from(c.tenants).where(eq(c.tenants.id, id));
  if (sameId) throw new AppError("BACKUP_CENTRE_EXISTS", { slug: sameId.slug });
  const pool = getPool(clusterId);
  const { rowCount } = await pool.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (rowCount) throw new AppError("BACKUP_CENTRE_EXISTS", { slug });

  // Registered first as `provisioning` (not served, its slug reserved), removed again on failure.
  const hosts = new Set([`${slug}.${env().BASE_DOMAIN}`]);
  if (!opts.as) for (const d of header.domains) hosts.add(d.host);
  await controlDb().transaction(async (tx) => {
    await tx.insert(c.tenants).values({
      id,
      slug,
      names: header.tenant.names,
      greetings: header.tenant.greetings,
      defaultLocale: header.tenant.defaultLocale,
      kind: header.tenant.kind,
      clusterId,
      schemaName: schema,
      status: "provisioning",
      sessionEpoch: header.tenant.sessionEpoch,
    });
    for (const host of hosts)
      await tx.insert(c.domains).values({ host, tenantId: id, isPrimary: host.startsWith(`${slug}.`) });
  });

  const restoredFiles: string[] = [];
  try {
    await ensureExtensions(pool);
    const version = await loadSchema(pool, schema, file, plan, progress);
    await restoreFiles(file, id, restoredFiles);
    if (restoredFiles.length) progress(`scanned documents: ${restoredFiles.length} file(s)`);
    const [tenant] = await controlDb().transaction(async (tx) => {
      await tx.insert(c.controlAudit).values({
        actor: opts.actor,
        action: "tenant.import",
        tenantId: id,
        tenantSlug: slug,
        details: { from: header.tenant.slug, exportedAt: header.exportedAt, fromVersion: plan.before.length, version },
      });
      return tx
        .update(c.tenants)
        .set({
          status: header.tenant.status === "suspended" ? "suspended" : "active",
          schemaVersion: version,
          updatedAt: sql`now()`,
        })
        .where(eq(c.tenants.id, id))
        .returning();
    });
    progress(`${slug} is ${tenant!.status}`);
    return tenant!;
  } catch (e) {
    await pool.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`).catch(() => undefined);
    await removeCentreFiles(id, restoredFiles).catch(() => undefined);
    forgetTenantHandle(schema);
    await controlDb().delete(c.tenants).where(eq(c.tenants.id, id));
    if (e instanceof AppError) throw e;
    throw new AppError("IMPORT_FAILED", { slug }, (e as Error).message);
  } finally {
    invalidateTenant(slug);
  }
}

/** Puts the backup's scanned documents (after its tables) into the storage of centre `id`. */
async function restoreFiles(file: string, id: string, written: string[]) {
  const { lines, stream } = readLines(file);
  const it = lines[Symbol.asyncIterator]();
  try {
    await it.next(); // the header
    for (;;) {
      const line = await it.next();
      if (line.done) return;
      const meta = JSON.parse(line.value) as TableLine | FileLine | Trailer;
      if ("end" in meta) return;
      if (isFileLine(meta)) return await restoreCentreFiles(id, meta, it, written);
      for (let i = 0; i < meta.rows; i++) await it.next();
    }
  } finally {
    stream.destroy();
  }
}

/** The code's migrations split into those the file's schema had, and those to apply after loading it. */
export function migrationPlan(header: Header): { before: Migration[]; after: Migration[] } {
  const code = codeTenantMigrations();
  const n = header.migrations.length;
  if (n > code.length) throw new AppError("BACKUP_TOO_NEW", { version: n, codeVersion: code.length });
  const fileTags = [...header.migrations].sort((a, b) => a.tag.localeCompare(b.tag));
  for (const [i, m] of fileTags.entries())
    if (code[i]!.tag !== m.tag || code[i]!.hash !== m.hash)
      throw new AppError("BACKUP_TOO_NEW", { version: n, codeVersion: code.length }, `migration ${m.tag} differs`);
  return { before: code.slice(0, n), after: code.slice(n) };
}

/**
 * One transaction: the schema as the file's version had it, emptied of what migrations seed, the
 * file's rows (foreign keys dropped meanwhile, so the order of tables and rows does not matter,
 * and checked again when they are restored), its sequences, then the later migrations.
 */
export async function loadSchema(
  pool: ReturnType<typeof getPool>,
  schema: string,
  file: string,
  plan: { before: Migration[]; after: Migration[] },
  progress: Progress,
) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SET LOCAL lock_timeout = 0");
    await lockSchema(client, schema);
    progress(`creating schema ${schema} at version ${plan.before.length}`);
    await applyMigrations(client, schema, plan.before);
    const present = new Map((await tablesOf(client, schema)).map((t) => [t.table, t.columns]));
    const { rows: foreignKeys } = await client.query<{ table: string; name: string; def: string }>(
      `SELECT cl.relname AS table, co.conname AS name, pg_get_constraintdef(co.oid) AS def
         FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname = $1 AND co.contype = 'f'`,
      [schema],
    );
    for (const fk of foreignKeys)
      await client.query(`ALTER TABLE ${ident(schema)}.${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
    if (present.size)
      await client.query(`TRUNCATE ${[...present.keys()].map((t) => `${ident(schema)}.${ident(t)}`).join(", ")}`);

    const { lines, stream } = readLines(file);
    let header: Header | undefined;
    let table: TableLine | undefined;
    let batch: string[] = [];
    let loaded = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      const cols = table.columns.map(ident).join(", ");
      const target = `${ident(schema)}.${ident(table.table)}`;
      await client.query(
        `INSERT INTO ${target} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${target}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      loaded += batch.length;
      batch = [];
    };
    try {
      for await (const line of lines) {
        if (!header) {
          header = JSON.parse(line) as Header;
          continue;
        }
        if (table && loaded < table.rows) {
          batch.push(line);
          if (batch.length >= INSERT_ROWS || loaded + batch.length === table.rows) await flush();
          continue;
        }
        if (table) progress(`${table.table}: ${loaded} row(s)`);
        const next = JSON.parse(line) as TableLine | FileLine | Trailer;
        if ("end" in next || isFileLine(next)) break;
        const columns = present.get(next.table);
        if (!columns || next.columns.some((col) => !columns.includes(col)))
          throw invalid(`table ${next.table} does not match version ${plan.before.length}`);
        table = next;
        loaded = 0;
      }
    } finally {
      stream.destroy();
    }
    for (const fk of foreignKeys)
      await client.query(`ALTER TABLE ${ident(schema)}.${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
    for (const s of header!.sequences)
      await client.query(
        `SELECT setval(format('%I.%I', $1::text, $2::text)::regclass, coalesce($3::bigint, 1), $3 IS NOT NULL)`,
        [schema, s.name, s.lastValue],
      );
    if (plan.after.length) progress(`migrating forward: ${plan.after.map((m) => m.tag).join(", ")}`);
    const { version } = await applyMigrations(client, schema, [...plan.before, ...plan.after]);
    await client.query("COMMIT");
    return version;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Every table of a schema with its row count and a checksum of its rows (whatever their order):
 * two schemas with the same fingerprint hold the same data. A move compares the copy with the original.
 */
export async function schemaFingerprint(pool: ReturnType<typeof getPool>, schema: string) {
  const client = await pool.connect();
  try {
    const out: Record<string, { rows: number; md5: string | null }> = {};
    for (const { table, columns } of await tablesOf(client, schema)) {
      const { rows } = await client.query<{ rows: number; md5: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(j, E'\\n' ORDER BY j)) AS md5
           FROM (SELECT row_to_json(x)::text AS j FROM (SELECT ${columns.map(ident).join(", ")}
                   FROM ${ident(schema)}.${ident(table)}) x) r`,
      );
      out[table] = rows[0]!;
    }
    return out;
  } finally {
    client.release();
  }
}
