import { sessionClaims } from "@/server/auth/nextauth";
import { cardPost } from "@/server/eid/endpoint";
import { createContext } from "@/server/trpc/context";

/** The reader helper posts a card read here (see server/clients/eid/endpoint.ts). */
export async function POST(req: Request) {
  return cardPost(req, await createContext({ req, claims: await sessionClaims() }));
}
