import { sessionClaims } from "@/server/auth/nextauth";
import { uploadPost } from "@/server/uploads/routes";

/** A scanned document arrives, streamed (see server/uploads/routes.ts for the checks). */
export async function POST(req: Request) {
  return uploadPost(req, await sessionClaims());
}
