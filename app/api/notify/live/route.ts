import { sessionClaims } from "@/server/auth/nextauth";
import { liveResponse } from "@/server/notify/stream";

export const dynamic = "force-dynamic";

/** The bell's live channel: the unseen count, pushed as server-sent events (server/notify/stream.ts). */
export async function GET(req: Request) {
  return liveResponse(req, await sessionClaims({ touch: false }));
}
