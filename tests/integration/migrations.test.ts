import { createHash } from "node:crypto";
import { eq, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { tenantTables } from "@/db/tenant/tables";
import type { PoolClient } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadMigrations, migrateSchema, MIGRATIONS_DIR, type Migration } from "@/db/migrate";
import { c, controlDb } from "@/server/db/control";
import { closePools, getPool } from "@/server/db/pool";
import { getTenant } from "@/server/tenancy/lifecycle";
import { migrateTenant } from "@/server/tenancy/migrations";
import { availability } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { appCodeOf, newCentre, uniqueSlug } from "./helpers";

afterAll(closePools);

const real = loadMigrations(MIGRATIONS_DIR.tenant);
const extra = (tag: string, statements: string[]): Migration => ({
  tag,
  statements,
  hash: createHash("sha256").update(statements.join("\n")).digest("hex"),
});

async function withClient<T>(fn: (client: PoolClient) => Promise<T>) {
  const client = await getPool().connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

const tablesOf = async (schema: string) =>
  (
    await getPool().query<{ t: string }>(
      "select table_name t from information_schema.tables where table_schema=$1 order by 1",
      [schema],
    )
  ).rows.map((r) => r.t);
const columnsOf = async (schema: string, table: string) =>
  (
    await getPool().query<{ c: string }>(
      "select column_name c from information_schema.columns where table_schema=$1 and table_name=$2",
      [schema, table],
    )
  ).rows.map((r) => r.c);

describe("tenant migration runner", () => {
  it("creates the schema once and applies nothing on a second run", async () => {
    const schema = `t_${uniqueSlug("idem").replace(/-/g, "_")}`;
    const first = await withClient((cl) => migrateSchema(cl, schema, real));
    const second = await withClient((cl) => migrateSchema(cl, schema, real));
    expect(first.applied).toEqual(real.map((m) => m.tag));
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(real.length);
    // Exactly the tables the code declares, no more, no fewer.
    const declared = (Object.values(tenantTables(schema)) as unknown[])
      .filter((x): x is PgTable => is(x, PgTable))
      .map((table) => getTableConfig(table).name);
    expect(await tablesOf(schema)).toEqual(["__migrations", ...declared].sort());
  });

  it("lets two runners race on one schema: one applies, the other finds it done", async () => {
    const schema = `t_${uniqueSlug("race").replace(/-/g, "_")}`;
    const results = await Promise.all([
      withClient((cl) => migrateSchema(cl, schema, real)),
      withClient((cl) => migrateSchema(cl, schema, real)),
    ]);
    const applied = results.map((r) => r.applied.length).sort();
    expect(applied).toEqual([0, real.length]);
    const { rows } = await getPool().query(`select tag from "${schema}".__migrations`);
    expect(rows).toHaveLength(real.length);
  });

  it("refuses a migration whose SQL changed after it was applied", async () => {
    const schema = `t_${uniqueSlug("hash").replace(/-/g, "_")}`;
    await withClient((cl) => migrateSchema(cl, schema, real));
    const tampered = real.map((m, i) => (i === 0 ? { ...m, hash: "0".repeat(64) } : m));
    await expect(withClient((cl) => migrateSchema(cl, schema, tampered))).rejects.toThrow(
      /changed after it was applied/,
    );
  });

  it("refuses SQL naming the public schema and leaves nothing behind", async () => {
    const schema = `t_${uniqueSlug("pub").replace(/-/g, "_")}`;
    const bad = [...real, extra("0999_bad", [`CREATE TABLE "public"."leak" (id int)`])];
    await expect(withClient((cl) => migrateSchema(cl, schema, bad))).rejects.toThrow(/public schema/);
    expect(await tablesOf(schema)).toEqual([]);
    expect(await tablesOf("public")).not.toContain("leak");
  });
});

describe("a migration failing on one centre", () => {
  it("leaves the others served, that one unchanged and in maintenance, and completes on a re-run", async () => {
    const good = await newCentre("mig-good");
    const bad = await newCentre("mig-bad");
    // Data only the second centre has makes the new constraint fail there.
    const h = tenantHandle(bad);
    await h.db
      .insert(h.t.places)
      .values({ kind: "city", zipCode: "12345", names: { fr: "Nowhere" }, countryCode: "BE" });
    const next = [
      ...real,
      extra("0100_zip_check", [
        `ALTER TABLE "tenant_template"."places" ADD COLUMN "checked" boolean DEFAULT false NOT NULL`,
        `ALTER TABLE "tenant_template"."places" ADD CONSTRAINT "places_zip_len" CHECK (length(zip_code) <= 4)`,
      ]),
    ];

    await migrateTenant(good, next);
    expect(await appCodeOf(migrateTenant(bad, next))).toBe("MIGRATION_FAILED");

    const [goodNow, badNow] = [await getTenant(good.slug), await getTenant(bad.slug)];
    expect(availability(goodNow, next.length)).toBe("served");
    expect(availability(badNow, next.length)).toBe("maintenance");
    expect(await columnsOf(bad.schemaName, "places")).not.toContain("checked"); // nothing half-applied
    const [status] = await controlDb().select().from(c.tenantMigrations).where(eq(c.tenantMigrations.tenantId, bad.id));
    expect(status?.state).toBe("failed");
    expect(status?.lastError).toMatch(/places_zip_len/);

    await h.db.delete(h.t.places).where(eq(h.t.places.zipCode, "12345"));
    const rerun = await migrateTenant(badNow, next);
    expect(rerun.applied).toEqual(["0100_zip_check"]);
    expect(availability(await getTenant(bad.slug), next.length)).toBe("served");
  });
});

describe("migration 0013: resource ids that start with their area", () => {
  it("rewrites the audit trail and saved grid layouts kept under the old ids, and nothing else", async () => {
    const schema = `t_${uniqueSlug("ids").replace(/-/g, "_")}`;
    const upTo = real.findIndex((m) => m.tag.startsWith("0013_"));
    await withClient((cl) => migrateSchema(cl, schema, real.slice(0, upTo)));
    const q = (text: string, values: unknown[] = []) => getPool().query(text.replaceAll("$S", `"${schema}"`), values);
    await q(`insert into $S.audit_log (actor, action, entity, entity_id) values
      ('user:1', 'contacts.clients.update', 'contacts.clients', '7'),
      ('user:1', 'pcsw.coachings.transition.end', 'pcsw.coachings', '3'),
      ('user:1', 'user.language', 'users', '1'),
      ('user:1', 'contacts.persons.update', 'contacts.persons', '9')`);
    await q(
      `insert into $S.user_preferences (user_id, key, value) values (1, 'grid:pcsw.coachings', '{}'), (1, 'grid:geo.places', '{}'), (1, 'dashboard', '{}')`,
    );
    await withClient((cl) => migrateSchema(cl, schema, real));
    const audit = (await q(`select entity, action from $S.audit_log order by id`)).rows;
    expect(audit).toEqual([
      { entity: "clients.clients", action: "clients.clients.update" },
      { entity: "coachings.coachings", action: "coachings.coachings.transition.end" },
      { entity: "users.users", action: "user.language" },
      { entity: "contacts.persons", action: "contacts.persons.update" },
    ]);
    const keys = (await q(`select key from $S.user_preferences order by key`)).rows.map((r) => r.key);
    expect(keys).toEqual(["dashboard", "grid:coachings.coachings", "grid:geo.places"]);
  });
});

describe("migration user_persons: every user has a person record", () => {
  it("gives one to each user without one, from the user's names, e-mail and language; again, nothing", async () => {
    const schema = `t_${uniqueSlug("persons").replace(/-/g, "_")}`;
    // Found by name: the lead renumbers migrations when merging.
    const at = real.findIndex((m) => m.tag.endsWith("_user_persons"));
    await withClient((cl) => migrateSchema(cl, schema, real.slice(0, at)));
    const q = (text: string, values: unknown[] = []) => getPool().query(text.replaceAll("$S", `"${schema}"`), values);
    // A centre as it was: a person linked by hand, two users without a person (one without any name).
    const linked = (
      await q(`insert into $S.partners (kind, name, first_name, last_name) values
      ('person', 'Lambert Luc', 'Luc', 'Lambert') returning id`)
    ).rows[0].id as number;
    await q(
      `insert into $S.users (username, first_name, last_name, email, language, partner_id) values
      ('luc', 'Luc', 'Lambert', 'luc@example.com', 'fr', $1),
      ('hubert', 'Hubert', 'Huppertz', 'hubert@example.com', 'de', null),
      ('robot', '', '', '', 'nl', null)`,
      [linked],
    );
    await withClient((cl) => migrateSchema(cl, schema, real));
    const persons = async () =>
      (
        await q(
          `select u.username, u.partner_id = $1 as kept, u.partner_from_user, p.kind, p.name, p.first_name,
          p.last_name, p.email, p.language from $S.users u join $S.partners p on p.id = u.partner_id order by u.username`,
          [linked],
        )
      ).rows;
    const expected = [
      {
        username: "hubert",
        kept: false,
        partner_from_user: true,
        kind: "person",
        name: "Huppertz Hubert",
        first_name: "Hubert",
        last_name: "Huppertz",
        email: "hubert@example.com",
        language: "de",
      },
      {
        username: "luc",
        kept: true,
        partner_from_user: false,
        kind: "person",
        name: "Lambert Luc",
        first_name: "Luc",
        last_name: "Lambert",
        email: "",
        language: "fr",
      },
      {
        username: "robot",
        kept: false,
        partner_from_user: true,
        kind: "person",
        name: "robot",
        first_name: "",
        last_name: "robot",
        email: "",
        language: "nl",
      },
    ];
    expect(await persons()).toEqual(expected);
    // The data part run again (a centre migrated twice, an import) makes no second person.
    const handWritten = real[at]!.statements.find((s) => s.includes("-- hand-written"))!;
    await q(handWritten.replaceAll(`"tenant_template"`, `"${schema}"`));
    expect(await persons()).toEqual(expected);
    expect((await q(`select count(*)::int n from $S.partners`)).rows[0].n).toBe(3);
  });
});

describe("migration esf_result_choice: the ESF result becomes Lino's ParticipationCertificates", () => {
  it("keeps a free text naming the one certificate as its value '10', drops any other text, never fails", async () => {
    const schema = `t_${uniqueSlug("esfres").replace(/-/g, "_")}`;
    // Found by name: the lead renumbers migrations when merging.
    const at = real.findIndex((m) => m.tag.endsWith("_esf_result_choice"));
    await withClient((cl) => migrateSchema(cl, schema, real.slice(0, at)));
    const q = (text: string, values: unknown[] = []) => getPool().query(text.replaceAll("$S", `"${schema}"`), values);
    const texts = [
      "Epreuve d’évaluation réussie sans titre spécifique", // Lino's text, typographic apostrophe
      "  ÉPREUVE D'ÉVALUATION RÉUSSIE SANS TITRE SPÉCIFIQUE ", // capitals, spaces around
      "Evaluierungsprüfung bestanden, ohne spezifischen Abschluss",
      "evaluatieproef geslaagd, zonder specifiek diploma",
      "10",
      "Prüfung bestanden", // a text naming no certificate
      "", // the old default
    ];
    const client = (
      await q(`insert into $S.partners (kind, name, first_name, last_name) values
      ('person', 'Esser Pia', 'Pia', 'Esser') returning id`)
    ).rows[0].id as number;
    for (const [i, text] of texts.entries())
      await q(`insert into $S.esf_summaries (client_id, year, result) values ($1, $2, $3)`, [client, 2001 + i, text]);
    await withClient((cl) => migrateSchema(cl, schema, real));
    const results = async () =>
      (await q(`select year, result, version from $S.esf_summaries order by year`)).rows.map((r) => [
        r.year,
        r.result,
        r.version,
      ]);
    // A row whose result changed is a new version (an edit opened before the migration is refused as stale).
    const expected = [
      [2001, "10", 2],
      [2002, "10", 2],
      [2003, "10", 2],
      [2004, "10", 2],
      [2005, "10", 1],
      [2006, null, 2],
      [2007, null, 2],
    ];
    expect(await results()).toEqual(expected);
    // Run again (a centre migrated twice): nothing changes.
    const handWritten = real[at]!.statements.find((s) => s.includes("-- hand-written"))!;
    await q(handWritten.replaceAll(`"tenant_template"`, `"${schema}"`));
    expect(await results()).toEqual(expected);
    // New rows start without a result.
    await q(`insert into $S.esf_summaries (client_id, year) values ($1, 2020)`, [client]);
    expect((await q(`select result from $S.esf_summaries where year = 2020`)).rows[0].result).toBeNull();
  });
});
