import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USER_PASSWORD } from "@/db/seed/demo-users";
import { authenticate } from "@/server/auth/login";
import { claimsFor } from "@/server/auth/session";
import { c, controlDb } from "@/server/db/control";
import { closePools, getPool } from "@/server/db/pool";
import { exportTenant, importTenant, verifyBackup } from "@/server/tenancy/backup";
import { codeTenantMigrations, migrateTenant } from "@/server/tenancy/migrations";
import { getTenant } from "@/server/tenancy/lifecycle";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle, tenantSchemaName } from "@/server/tenancy/tenant-db";
import { TENANT_SCHEMA_VERSION } from "@/server/tenancy/version";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, newCentre, uniqueSlug } from "./helpers";

afterAll(closePools);

let dir: string;
let demo: Tenant;
let other: Tenant;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "entraide-backup-test-"));
  demo = await newCentre("bak-demo", "demo");
  other = await newCentre("bak-other", "production");
  // A row only the other centre has: it must never travel in the demo centre's file.
  await newClient(other, { lastName: "Zzyzx-elsewhere" });
});

/** Every table of a schema with its row count and a checksum of its rows (order-independent). */
async function fingerprint(tenant: Pick<Tenant, "schemaName" | "clusterId">) {
  const pool = getPool(tenant.clusterId);
  const { rows: tables } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' and table_name <> '__migrations' order by 1`,
    [tenant.schemaName],
  );
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ rows: number; md5: string | null }>(
      `select count(*)::int as rows, md5(string_agg(j, E'\\n' order by j)) as md5
         from (select row_to_json(x)::text as j from "${tenant.schemaName}"."${name}" x) r`,
    );
    out[name] = rows[0]!;
  }
  return out;
}

const schemaExists = async (schema: string) =>
  (await getPool().query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount === 1;
const controlRow = async (slug: string) =>
  (await controlDb().select().from(c.tenants).where(eq(c.tenants.slug, slug)))[0];

describe("exporting a centre and importing it under another address", () => {
  it("gives the same rows in every table, fresh ids for new rows, and its users sign in on the new host", async () => {
    const exported = await exportTenant(demo.slug, { dir });
    expect(exported.rows).toBeGreaterThan(2500);
    expect(readFileSync(`${exported.file}.sha256`, "utf8")).toBe(
      `${exported.sha256}  ${path.basename(exported.file)}\n`,
    );

    const slug = uniqueSlug("bak-copy");
    const copy = await importTenant(exported.file, { as: slug, actor: "test" });
    expect(copy).toMatchObject({ slug, status: "active", kind: "demo", schemaVersion: TENANT_SCHEMA_VERSION });
    expect(copy.id).not.toBe(demo.id);
    expect(copy.names).toEqual(demo.names);
    const original = await fingerprint(demo);
    expect(Object.keys(original).length).toBeGreaterThan(20);
    expect(await fingerprint(copy)).toEqual(original);
    const [domain] = await controlDb().select().from(c.domains).where(eq(c.domains.tenantId, copy.id));
    expect(domain?.host).toBe(`${slug}.localhost`);

    // A demo user signs in on the copy's host and works there; a new row gets an id of its own.
    const user = await authenticate(tenantHandle(copy), {
      username: "hubert",
      password: DEMO_USER_PASSWORD,
      ip: "192.0.2.1",
    });
    const caller = await callerOn(centreHost(slug), {}, claimsFor(copy, user));
    const page = await caller.resources.list({
      resource: "clients.clients",
      state: { page: 1, pageSize: 5, q: "" } as never,
    });
    expect(page.total).toBeGreaterThan(0);
    const created = await newClient(copy, { lastName: "Après-import" });
    const { t, db } = tenantHandle(copy);
    const ids = (await db.select({ id: t.partners.id }).from(t.partners)).map((r) => r.id);
    expect(ids.filter((id) => id === created)).toHaveLength(1);
    expect(created).toBeGreaterThan(Math.max(...ids.filter((id) => id !== created)));
  });

  it("contains nothing of another centre", async () => {
    const exported = await exportTenant(demo.slug, { dir });
    const text = gunzipSync(await readFile(exported.file)).toString("utf8");
    expect(text).toContain(demo.slug);
    expect(text).not.toContain("Zzyzx-elsewhere");
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(other.schemaName);
  });

  it("restores a centre under its own address and identity once the original is gone", async () => {
    const centre = await newCentre("bak-restore", "production");
    const clientId = await newClient(centre, { lastName: "Restauré" });
    const { file } = await exportTenant(centre.slug, { dir });
    const before = await fingerprint(centre);
    await getPool().query(`drop schema "${centre.schemaName}" cascade`);
    await controlDb().delete(c.tenants).where(eq(c.tenants.id, centre.id));

    const restored = await importTenant(file, { actor: "test" });
    expect(restored).toMatchObject({ id: centre.id, slug: centre.slug, schemaName: centre.schemaName });
    expect(await fingerprint(restored)).toEqual(before);
    const { db, t } = tenantHandle(restored);
    expect((await db.select().from(t.partners).where(eq(t.partners.id, clientId)))[0]?.lastName).toBe("Restauré");
  });
});

describe("an import that cannot be done", () => {
  it("refuses an address or an identity that exists, and changes nothing", async () => {
    const { file } = await exportTenant(other.slug, { dir });
    expect(await appCodeOf(importTenant(file, { actor: "test" }))).toBe("SLUG_TAKEN");
    expect(await appCodeOf(importTenant(file, { as: demo.slug, actor: "test" }))).toBe("SLUG_TAKEN");
    expect(await appCodeOf(importTenant(file, { as: "console", actor: "test" }))).toBe("SLUG_RESERVED");
    expect((await getTenant(other.slug)).id).toBe(other.id);
  });

  it("refuses a damaged or cut file before touching anything", async () => {
    const { file } = await exportTenant(other.slug, { dir });
    const text = gunzipSync(await readFile(file)).toString("utf8");
    const damaged = path.join(dir, "damaged.gz");
    await writeFile(damaged, gzipSync(text.replace("Zzyzx-elsewhere", "Zzyzx-elsewherf")));
    const cut = path.join(dir, "cut.gz");
    await writeFile(cut, gzipSync(text.slice(0, Math.floor(text.length / 2))));
    const notGzip = path.join(dir, "plain.txt");
    await writeFile(notGzip, "hello");
    for (const f of [damaged, cut, notGzip]) {
      const slug = uniqueSlug("bak-bad");
      expect(await appCodeOf(importTenant(f, { as: slug, actor: "test" }))).toBe("BACKUP_INVALID");
      expect(await controlRow(slug)).toBeUndefined();
    }
  });

  it("leaves neither schema nor control rows when it fails midway", async () => {
    const { file } = await exportTenant(demo.slug, { dir });
    const slug = uniqueSlug("bak-crash");
    let schema = "";
    const crashMidway = (line: string) => {
      if (line.startsWith("creating schema")) schema = line.split(" ")[2]!;
      if (line.startsWith("partners:")) throw new Error("simulated crash");
    };
    await expect(importTenant(file, { as: slug, actor: "test", progress: crashMidway })).rejects.toThrow();
    expect(schema).toMatch(/^t_/);
    expect(await schemaExists(schema)).toBe(false);
    expect(await controlRow(slug)).toBeUndefined();
    // The same file then imports fine.
    expect((await importTenant(file, { as: slug, actor: "test" })).status).toBe("active");
  });
});

describe("a backup from an older schema version", () => {
  it("is migrated forward on import, keeping its rows", async () => {
    const older = TENANT_SCHEMA_VERSION - 3;
    const id = crypto.randomUUID();
    const slug = uniqueSlug("bak-old");
    const [tenant] = await controlDb()
      .insert(c.tenants)
      .values({
        id,
        slug,
        names: { fr: "CPAS ancien" },
        defaultLocale: "fr",
        schemaName: tenantSchemaName(id),
        status: "active",
      })
      .returning();
    await migrateTenant(tenant!, codeTenantMigrations().slice(0, older));
    await getPool().query(
      `insert into "${tenant!.schemaName}".users (username, first_name, last_name) values ('ancien', 'Anne', 'Ancienne')`,
    );
    const { file } = await exportTenant(slug, { dir });
    expect((await verifyBackup(file)).tenant.schemaVersion).toBe(older);

    const copy = await importTenant(file, { as: uniqueSlug("bak-new"), actor: "test" });
    expect(copy.schemaVersion).toBe(TENANT_SCHEMA_VERSION);
    const { db, t } = tenantHandle(copy);
    expect((await db.select().from(t.users)).map((u) => u.username)).toContain("ancien");
  });

  it("refuses a file from a newer version than the code", async () => {
    const { file } = await exportTenant(other.slug, { dir });
    const lines = gunzipSync(await readFile(file))
      .toString("utf8")
      .split("\n");
    const header = JSON.parse(lines[0]!);
    header.migrations.push({ tag: "9999_future", hash: "x" });
    lines[0] = JSON.stringify(header);
    // A correct checksum: the file is sound, only newer.
    const body = lines
      .slice(0, -2)
      .map((l) => `${l}\n`)
      .join("");
    const trailer = JSON.parse(lines.at(-2)!);
    trailer.sha256 = createHash("sha256").update(body).digest("hex");
    const newer = path.join(dir, "newer.gz");
    await writeFile(newer, gzipSync(`${body}${JSON.stringify(trailer)}\n`));
    const slug = uniqueSlug("bak-newer");
    expect(await appCodeOf(importTenant(newer, { as: slug, actor: "test" }))).toBe("BACKUP_TOO_NEW");
    expect(await controlRow(slug)).toBeUndefined();
  });
});
