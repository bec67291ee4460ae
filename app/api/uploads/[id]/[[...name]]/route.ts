import { sessionClaims } from "@/server/auth/nextauth";
import { downloadGet } from "@/server/uploads/routes";

/** An upload's file, streamed to a reader who may see it (see server/uploads/routes.ts); the name is only for the browser. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return downloadGet(req, await sessionClaims(), (await params).id);
}
