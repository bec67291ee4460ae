import { bouncePost } from "@/server/outbox/bounce-route";

export const dynamic = "force-dynamic";

/** Returned mails, forwarded by the centre's mail system (server/outbox/bounces.ts). */
export async function POST(req: Request) {
  return bouncePost(req);
}
