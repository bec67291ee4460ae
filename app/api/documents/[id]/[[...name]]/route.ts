import { sessionClaims } from "@/server/auth/nextauth";
import { excerptDownload } from "@/server/documents/routes";

/** A printed document's file, for a reader who may see it (see server/documents/routes.ts); the name is only for the browser. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return excerptDownload(req, await sessionClaims(), (await params).id);
}
