import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { ResourceCtx, ResourceDef } from "./define";

/** A change of a declared resource's row, as it was audited. */
export interface RowChangeEvent {
  resource: ResourceDef;
  /** `create`, `update` or `transition.<name>`. */
  verb: string;
  id: string | number;
  changes: Changes;
}

/** What an area does after each audited change of a declared row, in the saving transaction. */
export type ChangeListener = (tx: TenantHandle["db"], ctx: ResourceCtx, change: RowChangeEvent) => Promise<void>;

/**
 * Records a change of a declared row: the audit row (under the base resource for a variant, one
 * history per row) and whatever the areas do about it (a notification), all in `tx`.
 */
export async function recordChange(
  tx: TenantHandle["db"],
  ctx: ResourceCtx,
  def: ResourceDef,
  verb: string,
  id: string | number,
  changes: Changes,
) {
  await writeAudit(tx, ctx.handle.t, actorOf(ctx.user), rowChange(def.variantOf ?? def.id, verb, id, changes));
  for (const listener of ctx.registry.changeListeners) await listener(tx, ctx, { resource: def, verb, id, changes });
}
