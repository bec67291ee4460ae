import { and, eq } from "drizzle-orm";
import type { ClientMergeStep } from "@/server/clients/merge/step";

/** Merging two clients: the duplicate's addresses move; never two primary ones. */
export const addressesMerge: ClientMergeStep = {
  handles: ["addresses.partner_id"],
  async run(tx, t, from, to) {
    const a = t.addresses;
    const [primary] = await tx
      .select({ id: a.id })
      .from(a)
      .where(and(eq(a.partnerId, to), eq(a.primary, true)))
      .limit(1);
    if (primary) await tx.update(a).set({ primary: false }).where(eq(a.partnerId, from));
    const moved = await tx.update(a).set({ partnerId: to }).where(eq(a.partnerId, from)).returning({ id: a.id });
    return { moved: { addresses: moved.map((r) => r.id) } };
  },
};
