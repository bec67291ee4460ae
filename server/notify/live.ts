import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { onNotification } from "@/server/db/notifications";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * The NOTIFY channel telling every app instance what changed in a centre: whose unseen
 * notifications (`u`), or which shared topic (`k`, e.g. the waiting room) with its detail (`d`).
 */
const CHANNEL = "entraide_live";
const announcement = z.object({
  t: z.uuid(),
  u: z.array(z.number().int()).max(1000).optional(),
  k: z.string().max(40).optional(),
  d: z.record(z.string(), z.unknown()).optional(),
});

type Tx = Pick<TenantHandle["db"], "execute">;

/**
 * Tells every app instance, when `tx` commits, that these users of the centre have new or newly
 * seen notifications. Travelling through the database, it reaches a user connected to any instance.
 */
export async function announce(tx: Tx, tenantId: string, userIds: number[]) {
  if (userIds.length === 0) return;
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ t: tenantId, u: [...new Set(userIds)] })})`);
}

/** Tells every app instance, when `tx` commits, that a topic of the centre changed (`detail` goes to its watchers). */
export async function announceTopic(tx: Tx, tenantId: string, topic: string, detail: Record<string, unknown> = {}) {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ t: tenantId, k: topic, d: detail })})`);
}

// One hub per process, whichever copy of this module (pages, routes) subscribes.
type Hub = { emitter: EventEmitter; clusters: Map<string, Promise<unknown>> };
const g = globalThis as unknown as { __entraideLiveHub?: Hub };
const hub: Hub = (g.__entraideLiveHub ??= { emitter: new EventEmitter(), clusters: new Map() });
hub.emitter.setMaxListeners(0);

const userKey = (tenantId: string, userId: number) => `${tenantId}:${userId}`;
const topicKey = (tenantId: string, topic: string) => `${tenantId}#${topic}`;

/** Subscribes `listener` to `key`, once this process listens to the centre's cluster; returns how to stop. */
async function watch(clusterId: string, key: string, listener: (detail: Record<string, unknown>) => void) {
  let listening = hub.clusters.get(clusterId);
  if (!listening) {
    listening = onNotification(clusterId, CHANNEL, (payload) => {
      let parsed;
      try {
        parsed = announcement.parse(JSON.parse(payload));
      } catch {
        return; // not ours
      }
      for (const u of parsed.u ?? []) hub.emitter.emit(userKey(parsed.t, u), {});
      if (parsed.k) hub.emitter.emit(topicKey(parsed.t, parsed.k), parsed.d ?? {});
    });
    hub.clusters.set(clusterId, listening);
  }
  hub.emitter.on(key, listener);
  await listening;
  return () => void hub.emitter.off(key, listener);
}

/** Calls `onChange` whenever the user's notifications change; returns how to stop. */
export const watchNotifications = (tenant: { id: string; clusterId: string }, userId: number, onChange: () => void) =>
  watch(tenant.clusterId, userKey(tenant.id, userId), () => onChange());

/** Calls `onChange` with the announcement's detail whenever the centre's topic changes; returns how to stop. */
export const watchTopic = (
  tenant: { id: string; clusterId: string },
  topic: string,
  onChange: (detail: Record<string, unknown>) => void,
) => watch(tenant.clusterId, topicKey(tenant.id, topic), onChange);

/** How many live connections this process holds (the bench reports memory per connection). */
export const liveConnections = () =>
  hub.emitter.eventNames().reduce((n, name) => n + hub.emitter.listenerCount(name), 0);
