import type pg from "pg";

const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const textOf = (args: unknown[]) =>
  typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");

/**
 * A pool as drizzle should see it. drizzle-orm 0.45 never gives back a connection whose `begin`
 * failed (its release is in a `try` that starts after it): after a database outage the pool would
 * lose a connection (and a centre a place of its share) at each such failure. Through this view such
 * a connection goes back, as broken; a later second release is ignored.
 */
export function releasingFailedBegins(pool: pg.Pool): pg.Pool {
  const view = Object.create(pool) as pg.Pool;
  const connect = (async () => {
    const client = await pool.connect();
    const own = Object.hasOwn(client, "query");
    const query = client.query as (...a: unknown[]) => unknown;
    const release = client.release.bind(client);
    let released = false;
    client.release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      // The connection goes back to the pool as it came.
      if (own) client.query = query as typeof client.query;
      else delete (client as { query?: unknown }).query;
      release(err);
    };
    client.query = ((...args: unknown[]) => {
      const result = query.apply(client, args);
      if (result instanceof Promise && BEGIN.test(textOf(args))) result.catch((err: Error) => client.release(err));
      return result;
    }) as typeof client.query;
    return client;
  }) as pg.Pool["connect"];
  // pg's own `query` checks out through `this.connect` with a callback: it stays the pool's.
  return Object.assign(view, { query: pool.query.bind(pool) as pg.Pool["query"], connect });
}
