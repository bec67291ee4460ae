import { eidCardPanel } from "@/server/clients/panels/eid";
import { clientOverviewPanel } from "@/server/clients/panels/overview";
import { similarClientsPanel } from "@/server/clients/panels/similar";
import { AppError } from "@/server/errors";
import { anyOf, assertCan } from "./access";
import type { ResourceCtx, ResourceDef } from "./define";
import { inScope } from "./service";

/**
 * The data of each detail panel (see `PanelDef`), by key; the browser renders it with the
 * component registered under the same key (app/_components/panels). An area adds its loader here.
 */
const LOADERS: Record<string, (ctx: ResourceCtx, id: number) => Promise<unknown>> = {
  similarClients: similarClientsPanel,
  eidCard: eidCardPanel,
  clientOverview: clientOverviewPanel,
};
export const PANEL_KEYS = Object.keys(LOADERS);

/**
 * A panel of one row: only a panel the resource declares, for a user allowed to see it, on a row
 * in the user's scope (NOT_FOUND otherwise, e.g. another centre's id).
 */
export async function loadPanel(ctx: ResourceCtx, def: ResourceDef, id: string | number, key: string): Promise<unknown> {
  const load = panelLoader(ctx, def, key);
  if (!(await inScope(ctx, def, id))) throw new AppError("NOT_FOUND");
  return load(ctx, Number(id));
}

/**
 * The loader of a panel the resource declares and the user may see (INVALID_INPUT or FORBIDDEN
 * otherwise); the caller makes sure the row is in the user's scope before calling it.
 */
export function panelLoader(ctx: ResourceCtx, def: ResourceDef, key: string): (ctx: ResourceCtx, id: number) => Promise<unknown> {
  assertCan(def, "view", ctx.user);
  const panel = def.detail.flatMap((tab) => tab.panels ?? []).find((p) => p.key === key);
  const load = LOADERS[key];
  if (!panel || !load) throw new AppError("INVALID_INPUT", { field: "panel" });
  if (panel.roles && !anyOf(ctx.user, panel.roles)) throw new AppError("FORBIDDEN");
  return load;
}
