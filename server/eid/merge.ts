import { eq } from "drizzle-orm";
import type { ClientMergeStep } from "@/server/clients/merge/step";

/** Merging two clients: the duplicate's photo, when the kept client has none (else it goes with the duplicate). */
export const photoMerge: ClientMergeStep = {
  handles: ["partner_photos.partner_id"],
  async run(tx, t, from, to) {
    const p = t.partnerPhotos;
    const [own] = await tx.select({ id: p.partnerId }).from(p).where(eq(p.partnerId, to)).limit(1);
    if (own) return {};
    const moved = await tx.update(p).set({ partnerId: to }).where(eq(p.partnerId, from)).returning({ id: p.partnerId });
    return { moved: { partner_photos: moved.length ? [from] : [] } };
  },
};
