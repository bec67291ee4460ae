import { AppError } from "@/server/errors";
import { anyOf, assertCan } from "./access";
import type { ResourceCtx, ResourceDef } from "./define";
import { inScope } from "./service";

/**
 * A panel of one row: only a panel the resource declares, for a user allowed to see it, on a row
 * in the user's scope (NOT_FOUND otherwise, e.g. another centre's id).
 */
export async function loadPanel(
  ctx: ResourceCtx,
  def: ResourceDef,
  id: string | number,
  key: string,
): Promise<unknown> {
  const load = panelLoader(ctx, def, key);
  if (!(await inScope(ctx, def, id))) throw new AppError("NOT_FOUND");
  return load(ctx, Number(id));
}

/**
 * The loader of a panel the resource declares and the user may see (INVALID_INPUT or FORBIDDEN
 * otherwise); the caller makes sure the row is in the user's scope before calling it.
 */
export function panelLoader(
  ctx: ResourceCtx,
  def: ResourceDef,
  key: string,
): (ctx: ResourceCtx, id: number) => Promise<unknown> {
  assertCan(def, "view", ctx.user);
  const panel = def.detail.flatMap((tab) => tab.panels ?? []).find((p) => p.key === key);
  if (!panel) throw new AppError("INVALID_INPUT", { field: "panel" });
  if (panel.roles && !anyOf(ctx.user, panel.roles)) throw new AppError("FORBIDDEN");
  return panel.load;
}
