import { tokenCardPost } from "@/server/eid/endpoint";
import { createContext } from "@/server/trpc/context";

/** The reader helper hands over a card for an open read (see server/clients/eid/pickup.ts); no session. */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return tokenCardPost(req, await createContext({ req, claims: null }), (await params).token);
}
