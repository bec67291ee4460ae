import type { ResourceCtx } from "@/server/resources/define";
import { infoBox, photo } from "@/server/eid/service";

export type EidCardPanel = Awaited<ReturnType<typeof infoBox>> & { photo: string | null };

/** Panel "eID card" of a client's Person tab (domain-people §7): the photo and the eID info box. */
export async function eidCardPanel(ctx: ResourceCtx, clientId: number): Promise<EidCardPanel> {
  const [info, picture] = await Promise.all([infoBox(ctx, { clientId }), photo(ctx, { clientId })]);
  return { ...info, photo: picture.dataUrl };
}
