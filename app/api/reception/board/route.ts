import { boardResponse } from "@/server/reception/board";

export const dynamic = "force-dynamic";

/** The lounge board's live lines, for a display signed in by its token (server/reception/board.ts). */
export async function GET(req: Request) {
  return boardResponse(req);
}
