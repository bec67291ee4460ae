import { backupDownload } from "@/server/console/backups";

/** A centre's backup, downloaded from the operator console (server/console/backups.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string; name: string }> }) {
  const { slug, name } = await params;
  return backupDownload(req, slug, name);
}
