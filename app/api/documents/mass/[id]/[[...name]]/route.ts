import { sessionClaims } from "@/server/auth/nextauth";
import { massPrintDownload } from "@/server/documents/routes";

/** A finished mass print's file, for the user who started it (server/documents/mass-print.ts); the name is for the browser. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return massPrintDownload(req, await sessionClaims(), id);
}
