import type { ResourceCtx } from "@/server/resources/define";
import { can } from "@/server/resources/access";
import { rowTitles } from "@/server/resources/ref-options";
import { noNamedRows, rowsNamedBy, type RowTitles } from "./describe";

type Changes = Parameters<typeof rowsNamedBy>[2];

/**
 * The titles of the rows a page of audit rows refers to, in the reader's language: one query per
 * referenced resource, whatever the number of rows (a resource's `presentPage`). A ref field's
 * value is named as the audited resource's grid names it in that column; rows listed by table (a
 * merge's) only when the reader may see that resource. Everything is read in the reader's centre.
 */
export async function titlesNamedIn(ctx: ResourceCtx, entity: string, changes: unknown[]): Promise<RowTitles> {
  const named = noNamedRows();
  const reader = { resources: ctx.registry.resources, tables: ctx.handle.t };
  for (const c of changes) rowsNamedBy(reader, entity, c as Changes, named);
  const wanted = new Map(named.byField);
  for (const [resource, ids] of named.byTable) {
    if (!can(ctx.registry.resources.get(resource)!, "view", ctx.user)) continue;
    wanted.set(resource, new Set([...(wanted.get(resource) ?? []), ...ids]));
  }
  // One after the other: an export reads them on its cursor's one connection.
  const titles = new Map<string, ReadonlyMap<string, string>>();
  for (const [resource, ids] of wanted) {
    const target = ctx.registry.resources.get(resource);
    if (target) titles.set(resource, await rowTitles(ctx, target, [...ids]));
  }
  return titles;
}
