import { sessionClaims } from "@/server/auth/nextauth";
import { reportDownload } from "@/server/integ/reports/download";

/** Downloads of the integration reports (XLSX, PDF); see server/integ/reports/download.ts for the checks. */
export async function GET(req: Request) {
  return reportDownload(req, await sessionClaims());
}
