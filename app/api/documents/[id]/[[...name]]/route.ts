import { sessionClaims } from "@/server/auth/nextauth";
import { excerptDownload } from "@/server/documents/routes";

/**
 * A printed document's file, for a reader who may see it (see server/documents/routes.ts); the name
 * is only for the browser, except that a name ending in ".pdf" asks for its PDF.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; name?: string[] }> }) {
  const { id, name } = await params;
  return excerptDownload(req, await sessionClaims(), id, name?.at(-1)?.endsWith(".pdf") ? "pdf" : "docx");
}
