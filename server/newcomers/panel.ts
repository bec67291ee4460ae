import { eq } from "drizzle-orm";
import { isAppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import { CLIENT_STATE } from "@/server/clients/choices";
import { availableCoaches, type AvailableCoach } from "./available";

export interface AvailableCoachesPanel {
  clientId: number;
  /** Assigning is offered only while the client waits for a coach. */
  newcomer: boolean;
  coaches: AvailableCoach[];
  /** Why no list can be made (no faculty, nobody competent): an error code under `errors.*`. */
  error?: { code: string; params: Record<string, string | number> };
}

/** "Available coaches" on a client's Coaches tab (domain-people §9.1), for newcomers operators. */
export async function availableCoachesPanel(ctx: ResourceCtx, clientId: number): Promise<AvailableCoachesPanel> {
  const p = ctx.handle.t.partners;
  const [client] = await ctx.handle.db.select({ state: p.clientState }).from(p).where(eq(p.id, clientId));
  const newcomer = client?.state === CLIENT_STATE.newcomer;
  try {
    const { coaches } = await availableCoaches(ctx.handle, ctx.locale, { clientId });
    return { clientId, newcomer, coaches };
  } catch (e) {
    if (!isAppError(e) || e.code === "NOT_FOUND") throw e;
    return { clientId, newcomer, coaches: [], error: { code: e.code, params: e.params } };
  }
}
