import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { onNotification } from "@/server/db/notifications";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The NOTIFY channel telling every app instance whose unseen notifications changed. */
const CHANNEL = "entraide_live";
const announcement = z.object({ t: z.uuid(), u: z.array(z.number().int()).max(1000) });

/**
 * Tells every app instance, when `tx` commits, that these users of the centre have new or newly
 * seen notifications. Travelling through the database, it reaches a user connected to any instance.
 */
export async function announce(tx: Pick<TenantHandle["db"], "execute">, tenantId: string, userIds: number[]) {
  if (userIds.length === 0) return;
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ t: tenantId, u: [...new Set(userIds)] })})`);
}

// One hub per process, whichever copy of this module (pages, routes) subscribes.
type Hub = { emitter: EventEmitter; clusters: Map<string, Promise<unknown>> };
const g = globalThis as unknown as { __entraideLiveHub?: Hub };
const hub: Hub = (g.__entraideLiveHub ??= { emitter: new EventEmitter(), clusters: new Map() });
hub.emitter.setMaxListeners(0);

const keyOf = (tenantId: string, userId: number) => `${tenantId}:${userId}`;

/** Calls `onChange` whenever the user's notifications change; returns how to stop. */
export async function watchNotifications(
  tenant: { id: string; clusterId: string },
  userId: number,
  onChange: () => void,
): Promise<() => void> {
  let listening = hub.clusters.get(tenant.clusterId);
  if (!listening) {
    listening = onNotification(tenant.clusterId, CHANNEL, (payload) => {
      let parsed;
      try {
        parsed = announcement.parse(JSON.parse(payload));
      } catch {
        return; // not ours
      }
      for (const u of parsed.u) hub.emitter.emit(keyOf(parsed.t, u));
    });
    hub.clusters.set(tenant.clusterId, listening);
  }
  const key = keyOf(tenant.id, userId);
  hub.emitter.on(key, onChange);
  await listening;
  return () => hub.emitter.off(key, onChange);
}

/** How many live connections this process holds (the bench reports memory per connection). */
export const liveConnections = () =>
  hub.emitter.eventNames().reduce((n, name) => n + hub.emitter.listenerCount(name), 0);
