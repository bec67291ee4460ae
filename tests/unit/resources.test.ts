import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { tenantTables } from "@/db/tenant/tables";
import { listStateSchema } from "@/lib/resources";
import { rolesOf } from "@/server/auth/user-types";
import { RENAMED_RESOURCES, renamedResourceRedirects } from "@/lib/renamed-resources";
import { registry } from "@/server/areas";
import { choiceLabelKey } from "@/server/resources/choices";
import { orderByOf, resolveState, whereOf, type ResolvedState } from "@/server/resources/query";
import type { ResourceCtx } from "@/server/resources/define";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const RESOURCES = registry.resources;
const places = RESOURCES.get("geo.places")!;
const t = tenantTables("t_unit");
const dialect = new PgDialect();
const ctx = { user: { roles: rolesOf("110") }, locale: "de" } as unknown as ResourceCtx;
const state = (over: object) => listStateSchema.parse(over);
const render = (s: ResolvedState) => dialect.sqlToQuery(whereOf(places, s, t, ctx)!);

describe("list state → SQL", () => {
  it("refuses sort and filter names that are not declared, whatever they contain", () => {
    for (const field of ["version", "names", "1; drop table x", "__id", "constructor"]) {
      expect(() => resolveState(places, state({ sort: [{ field, dir: "asc" }] }))).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }),
      );
      expect(() => resolveState(places, state({ filters: { [field]: "x" } }))).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }),
      );
    }
    expect(() => resolveState(places, state({ filters: { kind: ["city"] } }))).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(() => resolveState(places, state({ master: { field: "country_code", value: "BE" } }))).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });

  it("binds filter values as parameters, never as SQL text", () => {
    const evil = "x' or 1=1 --";
    const q = render(resolveState(places, state({ filters: { province: evil, kind: evil } })));
    expect(q.sql).not.toContain(evil);
    expect(q.params).toContain(evil);
    expect(q.params).toContain(`%${evil}%`);
  });

  it("escapes LIKE wildcards in search text", () => {
    const q = render(resolveState(places, state({ q: "10%_" })));
    expect(q.params).toContain("10\\%\\_%");
  });

  it("sorts localized names in the reader's language and order, then the declared default, with the key as tie-breaker", () => {
    const { sql } = dialect.sqlToQuery(dialectJoin(orderByOf(places, resolveState(places, state({})).sort, t, "de")));
    expect(sql.indexOf("'de'")).toBeLessThan(sql.indexOf("'fr'"));
    expect(sql).toMatch(/collate "und-x-icu" asc/);
    expect(sql).toMatch(/"id" asc$/);
    const desc = dialect.sqlToQuery(dialectJoin(orderByOf(places, [{ field: "zipCode", dir: "desc" }], t, "fr"))).sql;
    expect(desc).toMatch(/"zip_code"\) collate "und-x-icu" desc nulls last/);
  });
});

describe("declarations", () => {
  const catalogues = { fr, nl, de, en } as Record<string, unknown>;
  const has = (messages: unknown, key: string) =>
    key.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages) !== undefined;

  it("name only declared fields in columns, layouts, filters and inserts", () => {
    for (const def of RESOURCES.values()) {
      const named = [
        ...def.columns,
        ...(def.hiddenColumns ?? []),
        def.titleField,
        ...def.detail.flatMap((tab) => tab.groups.flatMap((g) => g.fields)),
        ...(def.insert?.fields ?? []),
        ...def.defaultSort.map((s) => s.field),
      ];
      for (const name of named) expect([def.id, name, !!def.fields[name]]).toEqual([def.id, name, true]);
      for (const slave of def.detail.flatMap((tab) => tab.slaves ?? []))
        expect(RESOURCES.get(slave.resource)?.fields[slave.masterField]).toBeDefined();
      if (def.insert || Object.values(def.fields).some((f) => f.input))
        expect([def.id, !!def.version]).toEqual([def.id, true]);
    }
  });

  it("have every label in the four languages", () => {
    const keys = new Set<string>();
    for (const def of RESOURCES.values()) {
      keys.add(def.title);
      for (const f of Object.values(def.fields)) {
        keys.add(f.label);
        for (const v of f.choices?.values ?? []) keys.add(choiceLabelKey(f.choices!, v));
      }
      for (const f of Object.values(def.filters ?? {})) keys.add(f.label);
      for (const tab of def.detail) keys.add(tab.label);
      for (const f of Object.values(def.fields)) if (f.help) keys.add(f.help);
      for (const step of [...(def.workflow?.transitions ?? []), ...(def.actions ?? [])]) {
        keys.add(step.label);
        for (const f of Object.values(step.params ?? {})) keys.add(f.label);
      }
    }
    const missing = [...keys].flatMap((key) =>
      Object.entries(catalogues)
        .filter(([, m]) => !has(m, key))
        .map(([l]) => `${l}:${key}`),
    );
    expect(missing).toEqual([]);
  });
});

function dialectJoin(parts: ReturnType<typeof orderByOf>) {
  return parts.reduce((acc, p, i) => (i === 0 ? p : (acc.append(sqlComma), acc.append(p), acc)));
}
import { sql as drizzleSql } from "drizzle-orm";

const sqlComma = drizzleSql`, `;

describe("renamed resource ids", () => {
  it("point to resources that exist, never to another old id, and free no id for reuse", () => {
    for (const [old, current] of Object.entries(RENAMED_RESOURCES)) {
      expect(RESOURCES.has(current), `${old} → ${current}`).toBe(true);
      expect(RESOURCES.has(old), `${old} is in use again`).toBe(false);
    }
  });

  it("redirect the grid, detail and print addresses of an old id, keeping what follows", () => {
    const redirects = renamedResourceRedirects();
    expect(redirects).toContainEqual({
      source: "/pcsw/coachings",
      destination: "/coachings/coachings",
      permanent: true,
    });
    expect(redirects).toContainEqual({
      source: "/contacts/clients/:rest*",
      destination: "/clients/clients/:rest*",
      permanent: true,
    });
  });
});
