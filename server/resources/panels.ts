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
  params?: unknown,
): Promise<unknown> {
  const load = panelLoader(ctx, def, key);
  if (!(await inScope(ctx, def, id))) throw new AppError("NOT_FOUND");
  return load(ctx, Number(id), params);
}

/**
 * The loader of a panel the resource declares and the user may see (INVALID_INPUT or FORBIDDEN
 * otherwise); the caller makes sure the row is in the user's scope before calling it. What the
 * browser asks is parsed by the panel's `params` (INVALID_INPUT naming the parameter when refused);
 * a panel without them takes nothing.
 */
export function panelLoader(
  ctx: ResourceCtx,
  def: ResourceDef,
  key: string,
): (ctx: ResourceCtx, id: number, params?: unknown) => Promise<unknown> {
  assertCan(def, "view", ctx.user);
  const panel = def.detail.flatMap((tab) => tab.panels ?? []).find((p) => p.key === key);
  if (!panel) throw new AppError("INVALID_INPUT", { field: "panel" });
  if (panel.roles && !anyOf(ctx.user, panel.roles)) throw new AppError("FORBIDDEN");
  return (ctx, id, params) => {
    if (!panel.params) {
      if (params !== undefined) throw new AppError("INVALID_INPUT", { field: "params" });
      return panel.load(ctx, id);
    }
    const parsed = panel.params.safeParse(params);
    if (!parsed.success)
      throw new AppError("INVALID_INPUT", { field: String(parsed.error.issues[0]?.path.join(".") || "params") });
    return panel.load(ctx, id, parsed.data);
  };
}
