import { sessionClaims } from "@/server/auth/nextauth";
import { exportResponse } from "@/server/resources/export/response";

/** Downloads of a grid (CSV, XLSX, PDF); see server/resources/export/response.ts for the checks. */
export async function GET(req: Request) {
  return exportResponse(req, await sessionClaims());
}
