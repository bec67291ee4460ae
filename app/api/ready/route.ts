import { sql } from "drizzle-orm";
import { controlDb } from "@/server/db/control";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer: 200 while this instance reaches its database, 503 while it does
 * not (it stays alive, and serves again as soon as the database is back, without a restart).
 */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    await controlDb().execute(sql`select 1`);
    return Response.json({ ready: true, database: "up" }, { headers });
  } catch {
    return Response.json({ ready: false, database: "down" }, { status: 503, headers });
  }
}
