import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "@/db/control/schema";
import { releasingFailedBegins } from "./failed-begin";
import { getPool } from "./pool";

export type ControlDb = NodePgDatabase<typeof schema>;

let db: ControlDb | undefined;
let dbPool: unknown;

/** The control plane lives on the default cluster. */
export function controlDb(): ControlDb {
  const pool = getPool("default");
  if (!db || dbPool !== pool) {
    db = drizzle(releasingFailedBegins(pool), { schema });
    dbPool = pool;
  }
  return db;
}

export { schema as c };
