import { bigserial, index, jsonb, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";

/** One row of a deleted record's snapshot: its table's SQL name and every column, as PostgreSQL's `to_jsonb` wrote it. */
export interface SnapshotRow {
  table: string;
  row: Record<string, unknown>;
}

/** A column emptied by a deletion (a `clear` relation): put back on restore if the row is still there and the column still empty. */
export interface ClearedColumn {
  table: string;
  id: string | number;
  column: string;
  value: string | number;
}

/** One row per change, written in the same transaction as the change itself. */
export function auditTables(s: PgSchema) {
  const auditLog = s.table(
    "audit_log",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
      actor: text("actor").notNull(),
      actingFor: text("acting_for"),
      action: text("action").notNull(),
      entity: text("entity").notNull(),
      entityId: text("entity_id").notNull(),
      changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
    },
    (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId, t.at)],
  );

  /**
   * What a deletion took away, kept 30 days so that an administrator can restore it: the deleted
   * row and the volatile rows that went with it (server/resources/deletion.ts). Rows older than
   * that are purged, since they hold personal data.
   */
  const deletedRows = s.table(
    "deleted_rows",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
      actor: text("actor").notNull(),
      actingFor: text("acting_for"),
      /** The resource the row was deleted through (its base resource for a variant) and the row's id. */
      entity: text("entity").notNull(),
      entityId: text("entity_id").notNull(),
      /** The row's title when it was deleted, e.g. "DUBOIS Marie (123)" (a localized title in every language). */
      title: jsonb("title").$type<LocalizedText>().notNull(),
      /** The list it was deleted from (the resource's title) and what went with it ("2 addresses, 1 photo"), in each language. */
      kind: jsonb("kind").$type<LocalizedText>().notNull(),
      withIt: jsonb("with_it").$type<LocalizedText>().notNull(),
      /** The deleted row first, then its volatile rows, parents before children: the order of a restore. */
      rows: jsonb("rows").$type<SnapshotRow[]>().notNull(),
      cleared: jsonb("cleared").$type<ClearedColumn[]>().notNull().default([]),
      restoredAt: timestamp("restored_at", { withTimezone: true }),
      restoredBy: text("restored_by"),
    },
    (t) => [
      index("deleted_rows_deleted_at_idx").on(t.deletedAt),
      index("deleted_rows_entity_idx").on(t.entity, t.entityId),
    ],
  );

  return { auditLog, deletedRows };
}
