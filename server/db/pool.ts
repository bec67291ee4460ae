import pg from "pg";
import { env } from "@/server/env";

// Dates stay strings: a `date` has no time zone and must not shift through JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

type Pools = Map<string, pg.Pool>;
const g = globalThis as unknown as { __entraidePools?: Pools };
const pools: Pools = (g.__entraidePools ??= new Map());

/** Connection string of a database cluster: `default` is DATABASE_URL, others DATABASE_URL_<ID>. */
export function clusterUrl(clusterId: string): string {
  if (clusterId === "default") return env().DATABASE_URL;
  const url = process.env[`DATABASE_URL_${clusterId.toUpperCase()}`];
  if (!url) throw new Error(`no connection string for database cluster "${clusterId}"`);
  return url;
}

/** One shared pool per cluster; tenant handles never open pools of their own. */
export function getPool(clusterId = "default"): pg.Pool {
  let pool = pools.get(clusterId);
  if (!pool) {
    const e = env();
    pool = new pg.Pool({
      connectionString: clusterUrl(clusterId),
      max: e.DB_POOL_MAX,
      idleTimeoutMillis: e.DB_POOL_IDLE_MS,
      // Idle connections do not keep a script's process alive (the server has its own listener).
      allowExitOnIdle: true,
      // "Today" in SQL (current_date, now()::date) is Brussels' day, as the readers' is: between
      // midnight in Brussels and midnight UTC the two differ (a coaching begun "today" was not yet active).
      options: "-c timezone=Europe/Brussels",
      // A stuck statement or a held row lock of one centre must not hold a request (and a connection) for long.
      ...(e.DB_STATEMENT_TIMEOUT_MS ? { statement_timeout: e.DB_STATEMENT_TIMEOUT_MS } : {}),
      ...(e.DB_LOCK_TIMEOUT_MS ? { lock_timeout: e.DB_LOCK_TIMEOUT_MS } : {}),
      ...(e.DB_CHECKOUT_TIMEOUT_MS ? { connectionTimeoutMillis: e.DB_CHECKOUT_TIMEOUT_MS } : {}),
    });
    pool.on("error", () => undefined); // an idle client's error is retried on next checkout
    pools.set(clusterId, pool);
  }
  return pool;
}

export async function closePools() {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end()));
}
