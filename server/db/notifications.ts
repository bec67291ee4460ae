import { EventEmitter } from "node:events";
import pg from "pg";
import { rootLogger } from "@/server/logger";
import { clusterUrl, getPool } from "./pool";

/**
 * PostgreSQL's NOTIFY, heard by this process: how a change saved by one app instance reaches the
 * browsers connected to another. One connection per cluster listens for the whole process and
 * reconnects when it drops.
 *
 * The embedded database (PGlite) has a single session shared by every socket connection: a
 * notification comes back on whichever connection committed, so there the pool's own connections
 * listen and pass what they hear on.
 */
type Channels = { emitter: EventEmitter; listening: Map<string, Promise<void>> };
const g = globalThis as unknown as { __entraideNotifications?: Channels };
const channels: Channels = (g.__entraideNotifications ??= { emitter: new EventEmitter(), listening: new Map() });
channels.emitter.setMaxListeners(0);

const RECONNECT_MS = 1_000;

function listenDedicated(clusterId: string, channel: string): Promise<void> {
  const log = rootLogger.child({ clusterId, channel });
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: clusterUrl(clusterId), keepAlive: true });
    let gone = false;
    // Once per connection, whichever of its error, its end or a failed connect comes first.
    const retry = () => {
      if (gone) return;
      gone = true;
      client.removeAllListeners();
      client.on("error", () => undefined); // what the dead connection still reports
      void client.end().catch(() => undefined);
      setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS).unref();
    };
    client.on("notification", (m) => channels.emitter.emit(`${clusterId}:${m.channel}`, m.payload ?? ""));
    client.on("error", (err) => {
      log.warn({ err }, "notification listener lost its connection");
      retry();
    });
    client.on("end", retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      log.warn({ err }, "notification listener could not connect");
      retry();
    }
  };
  return connect();
}

async function listenEmbedded(clusterId: string, channel: string): Promise<void> {
  const pool = getPool(clusterId);
  const hear = (client: pg.PoolClient | pg.Client) => {
    client.on("notification", (m) => channels.emitter.emit(`${clusterId}:${m.channel}`, m.payload ?? ""));
  };
  pool.on("connect", (client) => {
    hear(client);
    void client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
  });
  const client = await pool.connect(); // the one connection of the process, already open or new
  try {
    if (client.listenerCount("notification") === 0) hear(client);
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } finally {
    client.release();
  }
}

/** Calls `listener` with the payload of every NOTIFY on `channel` in the cluster's database. */
export async function onNotification(
  clusterId: string,
  channel: string,
  listener: (payload: string) => void,
): Promise<() => void> {
  const key = `${clusterId}:${channel}`;
  let listening = channels.listening.get(key);
  if (!listening) {
    listening =
      process.env.DB_EMBEDDED === "1" ? listenEmbedded(clusterId, channel) : listenDedicated(clusterId, channel);
    channels.listening.set(key, listening);
  }
  channels.emitter.on(key, listener);
  await listening;
  return () => channels.emitter.off(key, listener);
}
