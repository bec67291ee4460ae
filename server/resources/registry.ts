import type { Registry, ResourceExtension } from "@/server/area";
import { AppError } from "@/server/errors";
import type { ResourceDef } from "./define";

/** The declaration of a resource id; NOT_FOUND for an id nobody declared (e.g. a made-up address). */
export function resourceOf(registry: Pick<Registry, "resources">, id: string): ResourceDef {
  const def = registry.resources.get(id);
  if (!def) throw new AppError("NOT_FOUND");
  return def;
}

/**
 * Builds the registry from the areas' declarations and checks, at start-up rather than at the
 * first click, what they promise each other: unique ids, and every resource named by a ref field,
 * a ref filter, a slave grid or a variant exists.
 */
export function createRegistry({
  extensions = [],
  ...parts
}: { resources: readonly ResourceDef[]; extensions?: readonly ResourceExtension[] } & Omit<
  Registry,
  "resources"
>): Registry {
  const resources = new Map<string, ResourceDef>();
  parts = { ...parts, resources: parts.resources.map((def) => extended(def, extensions)) };
  for (const def of parts.resources) {
    if (resources.has(def.id)) throw new Error(`resource ${def.id} is declared twice`);
    resources.set(def.id, def);
  }
  const named = (where: string, id: string | undefined) => {
    if (id !== undefined && !resources.has(id)) throw new Error(`${where} names the unknown resource ${id}`);
  };
  for (const ext of extensions) named("an extension", ext.resource);
  for (const def of parts.resources) {
    for (const [name, field] of Object.entries(def.fields)) named(`${def.id}.${name}`, field.ref?.resource);
    for (const [name, filter] of Object.entries(def.filters ?? {})) named(`${def.id} filter ${name}`, filter.ref);
    for (const tab of def.detail)
      for (const slave of tab.slaves ?? []) named(`${def.id} tab ${tab.key}`, slave.resource);
    named(`${def.id} (variant)`, def.variantOf);
  }
  const merged = new Set<string>();
  for (const reference of (parts.clientMerge ?? []).flatMap((step) => step.handles)) {
    if (merged.has(reference)) throw new Error(`the client merge of ${reference} is declared twice`);
    merged.add(reference);
  }
  const checkers = new Set<string>();
  for (const checker of parts.checkers) {
    if (checkers.has(checker.id)) throw new Error(`checker ${checker.id} is declared twice`);
    checkers.add(checker.id);
  }
  const jobs = new Set<string>();
  for (const job of parts.jobs) {
    if (jobs.has(job.name)) throw new Error(`job ${job.name} is declared twice`);
    jobs.add(job.name);
  }
  const kinds = new Set<string>();
  for (const source of parts.timeline) {
    if (kinds.has(source.kind)) throw new Error(`timeline kind ${source.kind} is declared twice`);
    kinds.add(source.kind);
    named(`timeline kind ${source.kind}`, source.resource);
  }
  return { ...parts, resources };
}

/** The resource with what other areas add to it, or to the resource it is a variant of (`Area.extends`). */
function extended(def: ResourceDef, extensions: readonly ResourceExtension[]): ResourceDef {
  const own = extensions.filter((e) => e.resource === def.id || e.resource === def.variantOf);
  if (!own.length) return def;
  let detail = def.detail;
  let filters = def.filters;
  for (const ext of own) {
    for (const name of Object.keys(ext.filters ?? {}))
      if (filters && Object.hasOwn(filters, name)) throw new Error(`${def.id}: filter ${name} is declared twice`);
    filters = { ...filters, ...ext.filters };
    if (!ext.tabs) continue;
    const at = detail.findIndex((tab) => tab.key === ext.tabs!.after);
    const cut = at < 0 ? detail.length : at + 1;
    detail = [...detail.slice(0, cut), ...ext.tabs.tabs, ...detail.slice(cut)];
  }
  return { ...def, detail, filters };
}
