import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USER_PASSWORD } from "@/db/seed/demo-users";
import { authenticate } from "@/server/auth/login";
import { backupDownload, backupImport } from "@/server/console/backups";
import { LOCALE_COOKIE } from "@/server/i18n/locale";
import { resetEnvCache } from "@/server/env";
import { rootLogger } from "@/server/logger";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import { registry } from "@/server/areas";
import { backupJob } from "@/server/tenancy/backup-job";
import { backupDirOf, listBackups } from "@/server/tenancy/backup-store";
import { claimsFor } from "@/server/auth/session";
import { c, controlDb } from "@/server/db/control";
import { closePools, getPool } from "@/server/db/pool";
import { exportTenant, importTenant, verifyBackup } from "@/server/tenancy/backup";
import { codeTenantMigrations, migrateTenant } from "@/server/tenancy/migrations";
import { getTenant } from "@/server/tenancy/lifecycle";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle, tenantSchemaName } from "@/server/tenancy/tenant-db";
import { TENANT_SCHEMA_VERSION } from "@/server/tenancy/version";
import { uploadStorage } from "@/server/uploads/storage";
import { newClient } from "./factories";
import { appCodeOf, callerOn, centreHost, consoleHost, newCentre, newUser, uniqueSlug } from "./helpers";

const silentLog = rootLogger.child({ test: "backup" });

afterAll(closePools);

let dir: string;
let demo: Tenant;
let other: Tenant;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "entraide-backup-test-"));
  process.env.BACKUP_DIR = path.join(dir, "kept");
  resetEnvCache();
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

/** The centre's stored files (scanned documents): key → sha256 of the content. */
async function storedFiles(centre: string) {
  const storage = uploadStorage();
  const out: Record<string, string> = {};
  for await (const { key } of storage.list(centre)) {
    const hash = createHash("sha256");
    for await (const chunk of (await storage.get(centre, key)).stream) hash.update(chunk as Buffer);
    out[key] = hash.digest("hex");
  }
  return out;
}

/** The centre id a schema name `t_<32 hex>` stands for. */
const centreUuidOf = (schema: string) => schema.slice(2).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

const schemaExists = async (schema: string) =>
  (await getPool().query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount === 1;
const controlRow = async (slug: string) =>
  (await controlDb().select().from(c.tenants).where(eq(c.tenants.slug, slug)))[0];

describe("exporting a centre and importing it under another address", () => {
  it("gives the same rows in every table, fresh ids for new rows, and its users sign in on the new host", async () => {
    // Beside the demo's scanned documents, one of several megabytes (many lines in the file).
    const storage = uploadStorage();
    await storage.put(
      demo.id,
      storage.newKey(),
      (async function* () {
        yield randomBytes(3 * 1024 * 1024 + 17);
      })(),
    );
    const exported = await exportTenant(demo.slug, { dir });
    expect(exported.rows).toBeGreaterThan(2500);
    const files = await storedFiles(demo.id);
    expect(exported.files).toBe(Object.keys(files).length);
    expect(exported.files).toBeGreaterThan(1);
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
    // The scanned documents came along: the same keys (the rows name them) with the same bytes.
    expect(await storedFiles(copy.id)).toEqual(files);
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
    // A crash once the scanned documents are in place takes them away again.
    let centreId = "";
    const crashAfterFiles = (line: string) => {
      if (line.startsWith("creating schema")) centreId = line.split(" ")[2]!;
      if (line.startsWith("scanned documents:")) throw new Error("simulated crash");
    };
    await expect(importTenant(file, { as: slug, actor: "test", progress: crashAfterFiles })).rejects.toThrow();
    expect(await storedFiles(centreUuidOf(centreId))).toEqual({});
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

describe("backups in the operator console", () => {
  let cookie: string;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    const email = `${uniqueSlug("bak-op")}@entraide.test`;
    await createOperator({ email, name: "Backup Operator", password: "correct horse battery" }, "test");
    const token = await signOperatorSession(await authenticateOperator(email, "correct horse battery"));
    cookies = { [OPERATOR_COOKIE]: token };
    cookie = `${OPERATOR_COOKIE}=${token}`;
  });
  const onConsole = (url: string, init: RequestInit = {}, withCookie = true) =>
    new Request(`http://console.localhost${url}`, {
      ...init,
      headers: { host: "console.localhost", ...(withCookie ? { cookie } : {}), ...(init.headers ?? {}) },
      ...(init.body ? { duplex: "half" } : {}),
    } as RequestInit);

  it("makes a backup now, lists it with size and checksum, and downloads it", async () => {
    const caller = await callerOn(consoleHost, cookies);
    const made = await caller.console.backups.create({ slug: other.slug });
    const { backups, retentionDays } = await caller.console.backups.list({ slug: other.slug });
    expect(retentionDays).toBe(14);
    expect(backups[0]).toMatchObject({ name: made.name, bytes: made.bytes, sha256: made.sha256 });
    const res = await backupDownload(
      onConsole(`/api/operator/backups/${other.slug}/${made.name}`),
      other.slug,
      made.name,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(made.name);
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(made.sha256);
    expect(gunzipSync(body).toString("utf8")).toContain("Zzyzx-elsewhere");
  });

  it("never gives one centre's backup under another centre's address, nor a path outside its folder", async () => {
    const caller = await callerOn(consoleHost, cookies);
    const made = await caller.console.backups.create({ slug: other.slug });
    expect((await backupDownload(onConsole("/x"), demo.slug, made.name)).status).toBe(404);
    expect((await backupDownload(onConsole("/x"), other.slug, "../../etc/passwd")).status).toBe(404);
    expect((await caller.console.backups.list({ slug: demo.slug })).backups.map((b) => b.name)).not.toContain(
      made.name,
    );
  });

  it("imports an uploaded backup as a new centre, and refuses a damaged one in the operator's language", async () => {
    const { file } = await exportTenant(other.slug, { dir });
    const slug = uniqueSlug("bak-upload");
    const res = await backupImport(
      onConsole(`/api/operator/backups/import?as=${slug}`, { method: "POST", body: await readFile(file) }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ slug, status: "active" });
    const copy = await getTenant(slug);
    expect(await fingerprint(copy)).toEqual(await fingerprint(other));

    const bad = await backupImport(
      onConsole(`/api/operator/backups/import?as=${uniqueSlug("bak-bad")}`, {
        method: "POST",
        body: Buffer.from("not a backup"),
        headers: { cookie: `${cookie}; ${LOCALE_COOKIE}=de` },
      }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/keine gültige Sicherung/);
    // Without a choice made on the device, the browser's language.
    const dutch = await backupImport(
      onConsole(`/api/operator/backups/import?as=${uniqueSlug("bak-bad")}`, {
        method: "POST",
        body: Buffer.from("not a backup"),
        headers: { "accept-language": "nl-BE,nl;q=0.9" },
      }),
    );
    expect(((await dutch.json()) as { message: string }).message).toMatch(/geen geldige back-up/);
  });

  it("are for signed-in operators on the console only: never for centre users or on a centre's host", async () => {
    const anonymous = await callerOn(consoleHost);
    expect(await appCodeOf(anonymous.console.backups.list({ slug: other.slug }))).toBe("UNAUTHORIZED");
    expect(await appCodeOf(anonymous.console.backups.create({ slug: other.slug }))).toBe("UNAUTHORIZED");
    for (const type of ["100", "900"] as const) {
      const { claims } = await newUser(other, type);
      const centreUser = await callerOn(centreHost(other.slug), cookies, claims);
      expect(await appCodeOf(centreUser.console.backups.list({ slug: other.slug }))).toBe("NOT_FOUND");
      expect(await appCodeOf(centreUser.console.backups.create({ slug: other.slug }))).toBe("NOT_FOUND");
    }
    const made = await (await callerOn(consoleHost, cookies)).console.backups.create({ slug: other.slug });
    const onCentre = (withCookie: boolean) =>
      new Request(`http://${other.slug}.localhost/api/operator/backups/${other.slug}/${made.name}`, {
        headers: { host: `${other.slug}.localhost`, ...(withCookie ? { cookie } : {}) },
      });
    expect((await backupDownload(onCentre(true), other.slug, made.name)).status).toBe(404);
    expect((await backupDownload(onConsole("/x", {}, false), other.slug, made.name)).status).toBe(401);
    const upload = (req: Request) => backupImport(req).then((r) => r.status);
    const { file } = await exportTenant(other.slug, { dir });
    const body = await readFile(file);
    expect(
      await upload(
        new Request(`http://${other.slug}.localhost/api/operator/backups/import?as=x1`, {
          method: "POST",
          body,
          headers: { host: `${other.slug}.localhost`, cookie },
          duplex: "half",
        } as RequestInit),
      ),
    ).toBe(404);
    expect(await upload(onConsole("/api/operator/backups/import?as=x2", { method: "POST", body }, false))).toBe(401);
    // A page of another site posting to the console is refused as forged.
    expect(
      await upload(
        onConsole("/api/operator/backups/import?as=x3", {
          method: "POST",
          body,
          headers: { origin: `http://${other.slug}.localhost` },
        }),
      ),
    ).toBe(403);
    for (const slug of ["x1", "x2", "x3"]) expect(await controlRow(slug)).toBeUndefined();
  });
});

describe("nightly backups", () => {
  it("write one backup per run into the centre's folder and remove those past the retention", async () => {
    const centre = await newCentre("bak-nightly", "production");
    const run = () => backupJob.run(tenantHandle(centre), {}, { attempt: 0, log: silentLog, registry });
    await run();
    const [first] = await listBackups(centre.id);
    expect(first!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Made 20 days ago, past the 14 days kept.
    const old = new Date(Date.now() - 20 * 24 * 3600 * 1000);
    await utimes(path.join(backupDirOf(centre.id), first!.name), old, old);
    await new Promise((r) => setTimeout(r, 1100)); // a new file name (they carry the second)
    await run();
    const names = (await listBackups(centre.id)).map((b) => b.name);
    expect(names).toHaveLength(1);
    expect(names).not.toContain(first!.name);
  });

  it("are declared as a scheduled job of every centre", () => {
    expect(registry.jobs.find((j) => j.name === "jobs.backup")?.schedule).toBeTruthy();
  });
});
