import { feedGet } from "@/server/feeds/route";

export const dynamic = "force-dynamic";

/** A user's calendar feed, `/api/feeds/<secret>.ics` (server/feeds/feed.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  return feedGet(req, (await params).file);
}
