import { bigserial, index, jsonb, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";

/** One row per change, written in the same transaction as the change itself. */
export function auditTables(s: PgSchema) {
  const auditLog = s.table("audit_log", {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    actingFor: text("acting_for"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  }, (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId, t.at)]);

  return { auditLog };
}
