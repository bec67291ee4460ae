import { and, eq } from "drizzle-orm";
import type { ClientMergeStep } from "@/server/clients/merge/step";

/**
 * Merging two clients: problems the checkers found on the duplicate as a partner go with it (the
 * checkers find again on the kept client whatever still holds there); problems recorded about it as
 * a client are the kept client's.
 */
export const dataProblemsMerge: ClientMergeStep = {
  handles: ["data_problems.owner_id"],
  async run(tx, t, from, to) {
    const d = t.dataProblems;
    const moved = await tx
      .update(d)
      .set({ ownerId: to })
      .where(and(eq(d.ownerType, "client"), eq(d.ownerId, from)))
      .returning({ id: d.id });
    return { moved: { data_problems: moved.map((p) => Number(p.id)) } };
  },
};
