import { AsyncLocalStorage } from "node:async_hooks";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";

/**
 * How many connections of the shared pool one centre may hold at once. A centre whose requests all
 * wait (a held row lock, a slow report) then fills its share, not the pool: the other centres keep
 * being served. A request beyond the share waits for one of the centre's own connections, as long as
 * a checkout may wait, then is answered "temporarily unavailable".
 */
export class CentreShare {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    /** 0: wait without limit (the embedded database's single connection). */
    private readonly timeoutMs: number,
  ) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve(); // the releasing caller handed its place over: `active` is unchanged
      };
      const timer =
        this.timeoutMs > 0
          ? setTimeout(() => {
              this.waiting.splice(this.waiting.indexOf(turn), 1);
              // Worded as pg words its own checkout timeout, which server/db/errors.ts reads as "unavailable".
              reject(new Error("timeout exceeded when trying to connect (the centre's share of the pool is in use)"));
            }, this.timeoutMs)
          : undefined;
      this.waiting.push(turn);
    });
  }

  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Connections the centre holds now (for tests and the benchmark). */
  get inUse() {
    return this.active;
  }
}

/** The shares in which the running transaction already holds a place (see `holdShareInTransactions`). */
const heldByTransaction = new AsyncLocalStorage<ReadonlySet<CentreShare>>();

/**
 * The shared pool as one centre sees it: the same connections, taken within the centre's share.
 * It stays a `pg.Pool` to its users (drizzle opens transactions only on something that is one).
 * Work started inside one of the centre's transactions takes its connection without queueing for
 * the share: the transaction already holds a place, and the requests queued for the share may be
 * waiting for that very transaction (a row it locked), so queueing behind them could never end.
 */
export function sharedPool(pool: pg.Pool, share: CentreShare): pg.Pool {
  const view = Object.create(pool) as pg.Pool;
  const nested = () => heldByTransaction.getStore()?.has(share) === true;
  const query = (async (...args: Parameters<pg.Pool["query"]>) => {
    if (nested()) return (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
    await share.acquire();
    try {
      return await (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
    } finally {
      share.release();
    }
  }) as pg.Pool["query"];
  const connect = (async () => {
    if (nested()) return pool.connect();
    await share.acquire();
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      share.release();
      throw e;
    }
    // pg-pool gives each checkout a fresh `release`; ours gives the centre's place back once.
    const release = client.release.bind(client);
    let released = false;
    client.release = (err?: Error | boolean) => {
      if (!released) {
        released = true;
        share.release();
      }
      release(err);
    };
    return client;
  }) as pg.Pool["connect"];
  return Object.assign(view, { query, connect });
}

/**
 * Makes `db.transaction` (drizzle over `sharedPool(…, share)`) mark what runs inside it as holding a
 * place in `share`, so that work it starts on `db` itself does not queue for the share again.
 */
export function holdShareInTransactions(db: NodePgDatabase, share: CentreShare): NodePgDatabase {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    transaction((tx) => {
      const held = heldByTransaction.getStore();
      return heldByTransaction.run(new Set([...(held ?? []), share]), () => work(tx));
    }, config)) as typeof db.transaction;
  return db;
}
