import { sessionClaims } from "@/server/auth/nextauth";
import { waitingRoomResponse } from "@/server/reception/live";

export const dynamic = "force-dynamic";

/** The waiting room's live channel for its lists and widgets (server/reception/live.ts). */
export async function GET(req: Request) {
  return waitingRoomResponse(req, await sessionClaims({ touch: false }));
}
