import { describe, expect, it } from "vitest";
import { loadMigrations, MIGRATIONS_DIR, rewriteStatement } from "@/db/migrate";

describe("rewriteStatement", () => {
  it("moves every qualified name from the sentinel schema to the centre's", () => {
    const sql = `ALTER TABLE "tenant_template"."places" ADD CONSTRAINT "fk" FOREIGN KEY ("c") REFERENCES "tenant_template"."countries"("iso_code")`;
    expect(rewriteStatement(sql, "t_abc")).toBe(
      `ALTER TABLE "t_abc"."places" ADD CONSTRAINT "fk" FOREIGN KEY ("c") REFERENCES "t_abc"."countries"("iso_code")`,
    );
  });

  it("turns the sentinel's CREATE SCHEMA into an idempotent one for the target", () => {
    expect(rewriteStatement(`CREATE SCHEMA "tenant_template";`, "t_abc")).toBe(`CREATE SCHEMA IF NOT EXISTS "t_abc"`);
  });

  it.each([
    `CREATE TYPE "public"."status" AS ENUM('a')`,
    `ALTER TABLE "tenant_template"."x" ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES public.users(id)`,
    `CREATE TABLE "PUBLIC"."x" (id int)`,
  ])("refuses SQL naming the public schema: %s", (sql) => {
    expect(() => rewriteStatement(sql, "t_abc")).toThrow(/public schema/);
  });

  it("does not mistake a column called public_note for the public schema", () => {
    const sql = `ALTER TABLE "tenant_template"."notes" ADD COLUMN "public_note" text`;
    expect(rewriteStatement(sql, "t_abc")).toBe(`ALTER TABLE "t_abc"."notes" ADD COLUMN "public_note" text`);
  });

  it.each(["T_ABC", "t-abc", 'x"; drop schema control; --', ""])("refuses the schema name %j", (schema) => {
    expect(() => rewriteStatement(`SELECT 1`, schema)).toThrow(/invalid schema name/);
  });

  it("rewrites every shipped tenant migration without touching public", () => {
    const statements = loadMigrations(MIGRATIONS_DIR.tenant).flatMap((m) => m.statements);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(rewriteStatement(s, "t_abc")).not.toContain("tenant_template");
  });
});
