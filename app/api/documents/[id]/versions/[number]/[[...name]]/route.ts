import { sessionClaims } from "@/server/auth/nextauth";
import { versionDownload } from "@/server/documents/dav/download";

/** A version of an edited printed document (see server/documents/dav/download.ts); the name is only for the browser. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number } = await params;
  return versionDownload(req, await sessionClaims(), id, number);
}
