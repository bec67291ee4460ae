import { eq } from "drizzle-orm";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * The client's photo as read from the eID card (`partner_photos`), or null: for the page beside the
 * eID info box and for the printed eID sheet. The caller checks that the client may be seen.
 */
export async function cardPhotoOf(
  db: TenantHandle["db"],
  t: TenantHandle["t"],
  clientId: number,
): Promise<{ contentType: string; content: Buffer } | null> {
  const [row] = await db
    .select({ contentType: t.partnerPhotos.contentType, content: t.partnerPhotos.content })
    .from(t.partnerPhotos)
    .where(eq(t.partnerPhotos.partnerId, clientId))
    .limit(1);
  return row ? { contentType: row.contentType, content: Buffer.from(row.content) } : null;
}
