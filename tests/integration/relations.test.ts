// The areas' declared relations (server/resources/relations.ts) against a real centre's catalogue:
// every foreign key of the schema is declared, with the action its policy needs (NO ACTION for
// `protect`, `volatile` and `part`, so that nothing cascades behind the application's back; SET NULL for
// `clear`), and every declared relation exists. A new foreign key fails here until its area says
// what a deletion does to its rows.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "@/server/areas";
import { closePools } from "@/server/db/pool";
import { tableNamed } from "@/server/resources/deletion";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { newCentre } from "./helpers";

afterAll(closePools);

let centre: Tenant;
beforeAll(async () => {
  centre = await newCentre("relations");
});

/** PostgreSQL's confdeltype: a NO ACTION, r RESTRICT, c CASCADE, n SET NULL, d SET DEFAULT. */
const ACTION = { protect: "a", volatile: "a", part: "a", clear: "n" } as const;

describe("declared relations and the database's foreign keys", () => {
  it("declares every foreign key of a centre with the action its policy needs, and declares none that does not exist", async () => {
    const h = tenantHandle(centre);
    const { rows } = await h.db.execute<{
      ref: string;
      target: string;
      target_column: string;
      action: string;
      columns: number;
    }>(sql`
      select cl.relname || '.' || a.attname as ref, tc.relname as target, ta.attname as target_column, c.confdeltype as action, cardinality(c.conkey) as columns
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_class tc on tc.oid = c.confrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute ta on ta.attrelid = c.confrelid and ta.attnum = c.confkey[1]
      where c.contype = 'f' and n.nspname = ${h.schema}
      order by 1`);
    expect(rows.length).toBeGreaterThan(40);
    expect(
      rows.filter((r) => Number(r.columns) !== 1).map((r) => r.ref),
      "foreign keys over several columns",
    ).toEqual([]);
    const inDatabase = rows.map((r) => `${r.ref} → ${r.target} ${r.action}`).sort();
    const declared = registry.relations
      .filter((r) => !r.ownerType)
      .map((r) => `${r.from} → ${r.to} ${ACTION[r.onDelete]}`)
      .sort();
    expect(inDatabase).toEqual(declared);
    // The deletion follows a reference to the primary key of the table it names.
    for (const r of rows) expect([r.ref, r.target_column]).toEqual([r.ref, tableNamed(h.t, r.target).pk?.name]);
  });

  it("declares each relation once, and owner references on columns that exist, next to an owner type, without a foreign key", async () => {
    const h = tenantHandle(centre);
    const froms = registry.relations.map((r) => `${r.from}${r.ownerType ? `#${r.ownerType}` : ""}`);
    expect(
      froms.filter((f, i) => froms.indexOf(f) !== i),
      "declared twice",
    ).toEqual([]);
    const owners = registry.relations.filter((r) => r.ownerType);
    expect(owners.length).toBeGreaterThan(0);
    for (const r of owners) {
      const [table, column] = r.from.split(".") as [string, string];
      const info = tableNamed(h.t, table);
      expect([r.from, info.columns.has(column), info.columns.has("owner_type"), !!tableNamed(h.t, r.to).pk]).toEqual([
        r.from,
        true,
        true,
        true,
      ]);
    }
  });

  it("names every table a deletion may take rows from with a one-column primary key", () => {
    const h = tenantHandle(centre);
    for (const r of registry.relations.filter((rel) => rel.onDelete !== "protect")) {
      expect([r.from, !!tableNamed(h.t, r.from.split(".")[0]!).pk]).toEqual([r.from, true]);
    }
  });
});
