import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { getPool, clusterUrl } from "@/server/db/pool";
import { AppError } from "@/server/errors";
import type { Tenant } from "./registry";

const run = promisify(execFile);

export interface SchemaExport {
  file: string;
  format: "pg_dump" | "json";
}

/**
 * Writes a centre's schema to a file before it is dropped: pg_dump (plain SQL) when it can read the
 * server, otherwise — e.g. the embedded demo database, newer than the local pg_dump — a JSON dump of
 * every table. Throws, and so keeps the data, if neither works.
 */
export async function exportSchema(tenant: Tenant, dir: string): Promise<SchemaExport> {
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const base = path.resolve(dir, `${tenant.slug}-${tenant.id}-${stamp}`);
  try {
    const file = `${base}.sql`;
    await run("pg_dump", [
      "--schema",
      tenant.schemaName,
      "--no-owner",
      "--no-privileges",
      "--file",
      file,
      "--dbname",
      clusterUrl(tenant.clusterId),
    ]);
    return { file, format: "pg_dump" };
  } catch (dumpError) {
    try {
      return { file: await exportJson(tenant, `${base}.json`), format: "json" };
    } catch (e) {
      throw new AppError(
        "EXPORT_FAILED",
        { slug: tenant.slug },
        `${(dumpError as Error).message}; ${(e as Error).message}`,
      );
    }
  }
}

async function exportJson(tenant: Tenant, file: string) {
  const pool = getPool(tenant.clusterId);
  const { rows: tables } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
    [tenant.schemaName],
  );
  const out = createWriteStream(file);
  out.write(
    `{"schema":${JSON.stringify(tenant.schemaName)},"tenant":${JSON.stringify({ id: tenant.id, slug: tenant.slug })},"tables":{`,
  );
  for (const [i, { name }] of tables.entries()) {
    const { rows } = await pool.query(`SELECT * FROM "${tenant.schemaName}"."${name.replace(/"/g, '""')}"`);
    out.write(`${i ? "," : ""}${JSON.stringify(name)}:${JSON.stringify(rows)}`);
  }
  out.write("}}\n");
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return file;
}
