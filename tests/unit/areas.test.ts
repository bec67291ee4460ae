import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AREAS } from "@/server/areas";
import type { Area } from "@/server/area";

/** The module graph as the sources write it: value imports only (`import type` is erased). */
const root = path.resolve(import.meta.dirname, "../..");
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(IMPORT)]
    .map((m) => resolve(file, m[1]!))
    .filter((f): f is string => f !== null);

/** Every module reachable from `start` by value imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...importsOf(file));
  }
  return seen;
}

const rel = (file: string) => path.relative(root, file);
const filesUnder = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

describe("the list of areas", () => {
  it("names each area after its folder, and each resource id starts with its area's id", () => {
    for (const area of AREAS as readonly Area[]) {
      expect(existsSync(path.join(root, "server", area.id, "area.ts")), area.id).toBe(true);
      for (const def of area.resources ?? [])
        expect(def.id.startsWith(`${area.id}.`), `${def.id} in area ${area.id}`).toBe(true);
      for (const source of area.timeline ?? [])
        expect(source.kind.startsWith(`${area.id}.`), `timeline kind ${source.kind} in area ${area.id}`).toBe(true);
    }
  });

  it("is never imported by an area's own modules (the registry reaches them through their context)", () => {
    const list = path.join(root, "server/areas.ts");
    for (const area of AREAS) {
      const importers = [...reachable(path.join(root, "server", area.id, "area.ts"))].filter((f) =>
        importsOf(f).includes(list),
      );
      expect(importers.map(rel), area.id).toEqual([]);
    }
  });

  it("keeps the shared machinery free of areas: server/resources imports platform modules only", () => {
    const areaFolders = new Set<string>(AREAS.map((a) => a.id));
    const offending = filesUnder("server/resources").flatMap((file) =>
      importsOf(file)
        .filter((dep) => areaFolders.has(rel(dep).split(path.sep)[1]!) && rel(dep).startsWith("server"))
        .map((dep) => `${rel(file)} → ${rel(dep)}`),
    );
    expect(offending).toEqual([]);
  });

  it("keeps the client timeline free of areas: it reads the sources the areas declare from the registry", () => {
    const areaFolders = new Set<string>(AREAS.map((a) => a.id).filter((id) => id !== "history"));
    const reached = [...reachable(path.join(root, "server/history/timeline.ts"))].map(rel);
    expect(reached.filter((f) => f.startsWith("server") && areaFolders.has(f.split(path.sep)[1]!))).toEqual([]);
  });
});

describe("one way to write the audit log", () => {
  it("goes through writeAudit (server/audit.ts): no other module inserts into audit_log itself", () => {
    const writers = [...filesUnder("server"), ...filesUnder("app"), ...filesUnder("db/seed")]
      .filter((file) => /\.insert\([^)]*auditLog\)/.test(readFileSync(file, "utf8")))
      .map(rel);
    expect(writers).toEqual(["server/audit.ts"]);
  });
});
