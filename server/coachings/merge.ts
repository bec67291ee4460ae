import { and, eq } from "drizzle-orm";
import type { ClientMergeStep } from "@/server/clients/merge/step";

/** Merging two clients: the duplicate's coachings move; the kept client's primary coaching stays the only primary one. */
export const coachingsMerge: ClientMergeStep = {
  handles: ["coachings.client_id"],
  async run(tx, t, from, to) {
    const c = t.coachings;
    const [primary] = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.clientId, to), eq(c.primary, true)))
      .limit(1);
    if (primary) await tx.update(c).set({ primary: false }).where(eq(c.clientId, from));
    const moved = await tx.update(c).set({ clientId: to }).where(eq(c.clientId, from)).returning({ id: c.id });
    return { moved: { coachings: moved.map((r) => r.id) } };
  },
};
