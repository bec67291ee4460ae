import { backupImport } from "@/server/console/backups";

/** A backup file uploaded from the operator console becomes a centre (server/console/backups.ts). */
export async function POST(req: Request) {
  return backupImport(req);
}
