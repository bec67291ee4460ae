import type { ResourceCtx } from "@/server/resources/define";
import { infoBox, photoOf } from "@/server/eid/service";

export type EidCardPanel = Awaited<ReturnType<typeof infoBox>> & { photo: string | null };

/** Panel "eID card" of a client's Person tab (domain-people §7): the photo and the eID info box. */
export async function eidCardPanel(ctx: ResourceCtx, clientId: number): Promise<EidCardPanel> {
  // The info box checks that the client is visible; if not, it throws and the photo read beside it is dropped.
  const [info, picture] = await Promise.all([infoBox(ctx, { clientId }), photoOf(ctx, clientId)]);
  return { ...info, photo: picture.dataUrl };
}
