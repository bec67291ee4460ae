import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import type { SessionUser } from "@/server/auth/session";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** Who made a change: the real user, and the user they acted for when acting under procuration. */
export interface Actor {
  actor: string;
  actingFor: string | null;
}

export function actorOf(user: SessionUser): Actor {
  return user.realUser
    ? { actor: `user:${user.realUser.id}`, actingFor: `user:${user.id}` }
    : { actor: `user:${user.id}`, actingFor: null };
}

/** For changes made by the system itself (directory sync, seeds). */
export const systemActor = (name: string): Actor => ({ actor: name, actingFor: null });

/** An operator in a support session, or at the console: `operator:<email>`. */
export const operatorActor = (email: string): Actor => ({ actor: `operator:${email}`, actingFor: null });

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** One line of the audit log: what happened (`action`) to which row (`entity`, usually a resource id, and `id`). */
export interface AuditEntry {
  action: string;
  entity: string;
  id: string | number;
  changes?: Changes;
}

/** Beyond this many rows, one statement over arrays: building a many-row INSERT costs more than running it. */
const BULK_ROWS = 50;

/**
 * The one writer of the audit log. It writes in the caller's transaction (or connection), so that
 * a change and its record stand or fall together.
 */
export async function writeAudit(
  db: Pick<TenantHandle["db"], "insert"> & Partial<Pick<TenantHandle["db"], "execute">>,
  t: Pick<TenantTables, "auditLog">,
  who: Actor,
  ...entries: AuditEntry[]
) {
  if (entries.length === 0) return;
  if (entries.length > BULK_ROWS && "execute" in db) {
    // Many rows (a generated series): one statement over arrays, which costs the same to build for any count.
    const a = t.auditLog;
    await (db as Pick<TenantHandle["db"], "execute">).execute(
      sql`insert into ${a} (${sql.identifier(a.actor.name)}, ${sql.identifier(a.actingFor.name)}, ${sql.identifier(a.action.name)}, ${sql.identifier(a.entity.name)}, ${sql.identifier(a.entityId.name)}, ${sql.identifier(a.changes.name)})
        select ${who.actor}::text, ${who.actingFor}::text, action, entity, entity_id, changes
        from unnest(${sql.param(entries.map((e) => e.action))}::text[], ${sql.param(entries.map((e) => e.entity))}::text[],
          ${sql.param(entries.map((e) => String(e.id)))}::text[],
          ${sql.param(entries.map((e) => JSON.stringify(e.changes ?? {})))}::jsonb[])
          as x(action, entity, entity_id, changes)`,
    );
    return;
  }
  await db.insert(t.auditLog).values(
    entries.map((e) => ({
      ...who,
      action: e.action,
      entity: e.entity,
      entityId: String(e.id),
      changes: e.changes ?? {},
    })),
  );
}

/** A change to a row of a declared resource: the action is `<resource>.<verb>` (create, update, delete, transition.refuse…). */
export const rowChange = (entity: string, verb: string, id: string | number, changes: Changes = {}): AuditEntry => ({
  action: `${entity}.${verb}`,
  entity,
  id,
  changes,
});

/** The audit entry of a new row: every value, from nothing. */
export const created = (values: Record<string, unknown>): Changes =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { from: null, to: v }]));

/** The audit entry of an edit: each field of `patch` whose value differs from `before`. */
export function changedFields<T extends object>(before: T, patch: Partial<T>): Changes {
  return Object.fromEntries(
    Object.entries(patch)
      .filter(([k, v]) => before[k as keyof T] !== v)
      .map(([k, v]) => [k, { from: before[k as keyof T], to: v }]),
  );
}
