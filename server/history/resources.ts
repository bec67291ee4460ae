import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { clientNameOf } from "@/server/clients/sql";
import { userNameOf } from "@/server/users/sql";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource, type FieldDef } from "@/server/resources/define";
import { RESTORE_DAYS, restoreRecord } from "@/server/resources/deletion";
import { choice, dateRangeSchema, datetime, integer } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { actionText, changesText, readerFor, type RowTitles } from "./describe";
import { titlesNamedIn } from "./titles";

/** Accountability (issue 5 §8): what changed on a client, and who opened which client file. */

/** "Hubert Huppertz" for `user:12`; other actors (operators, the system) as recorded. */
export const actorName = (t: TenantTables, actor: SQL) =>
  sql<string>`coalesce((select trim(${q(t.users.firstName)} || ' ' || ${q(t.users.lastName)}) from ${t.users} where 'user:' || ${q(t.users.id)} = ${actor}), ${actor})`;
type SQL = ReturnType<typeof sql>;
const clientRef = (expr: (t: TenantTables) => SQL, id: (t: TenantTables) => SQL): FieldDef => ({
  type: "ref",
  label: "resources.history.client",
  width: 26,
  expr,
  ref: { resource: "clients.clients", display: (t) => clientNameOf(t, id(t)) },
});
const onDay = (col: (t: TenantTables) => AnyPgColumn) => ({
  label: "resources.history.period",
  widget: "dateRange" as const,
  schema: dateRangeSchema,
  where: (v: { from?: string; to?: string }, t: TenantTables) =>
    sql`(${col(t)} at time zone 'Europe/Brussels')::date between coalesce(${v.from ?? null}::date, '-infinity') and coalesce(${v.to ?? null}::date, 'infinity')`,
});

const CLIENTS = "clients.clients";

/** Every recorded change of a client's own fields and state, newest first. */
export const clientChangesResource = defineResource({
  id: "history.clientChanges",
  title: "resources.history.changesTitle",
  table: (t) => t.auditLog,
  pk: (t) => t.auditLog.id,
  // An export of the client list is audited on the list ("*"): no change of a client.
  scope: (t) => sql`${t.auditLog.entity} = ${CLIENTS} and ${t.auditLog.entityId} <> '*'`,
  fields: {
    at: datetime("resources.history.at", (t) => t.auditLog.at),
    who: {
      type: "text",
      label: "resources.history.who",
      width: 20,
      expr: (t) => actorName(t, sql`${q(t.auditLog.actor)}`),
    },
    actingFor: {
      type: "text",
      label: "resources.history.actingFor",
      width: 20,
      expr: (t) =>
        sql`case when ${q(t.auditLog.actingFor)} is null then '' else ${actorName(t, sql`${q(t.auditLog.actingFor)}`)} end`,
    },
    // Stored as codes and JSON; read in the reader's words (server/history/describe.ts), in lists and exports alike.
    action: {
      type: "text",
      label: "resources.history.action",
      width: 18,
      expr: (t) => t.auditLog.action,
      present: (action, ctx) => actionText(readerFor(ctx.locale, ctx.handle.t, ctx.registry), CLIENTS, String(action)),
    },
    changes: {
      type: "longtext",
      label: "resources.history.changes",
      width: 60,
      sortable: false,
      expr: (t) => t.auditLog.changes,
      // Rows it refers to by their names ("Country: Belgium → Germany"), read once for the page (presentPage).
      present: (changes, ctx, titles) =>
        changesText(
          readerFor(ctx.locale, ctx.handle.t, ctx.registry, titles as RowTitles | undefined),
          CLIENTS,
          changes as Parameters<typeof changesText>[2],
        ),
    },
    // A hand-written audit row with another kind of id must not break the list.
    client: clientRef(
      (t) => sql`${t.auditLog.entityId}`,
      (t) => sql`case when ${q(t.auditLog.entityId)} ~ '^[0-9]+$' then ${q(t.auditLog.entityId)}::int end`,
    ),
  },
  presentPage: (raws, ctx) =>
    titlesNamedIn(
      ctx,
      CLIENTS,
      raws.map((r) => r.changes),
    ),
  columns: ["at", "who", "actingFor", "action", "changes"],
  hiddenColumns: ["client"],
  titleField: "action",
  filters: { period: onDay((t) => t.auditLog.at) },
  defaultSort: [{ field: "at", dir: "desc" }],
  // Read on a client; the list of all changes is for administrators (Lino's Explorer).
  access: { view: ["SimpleContactsUser"], listAll: ["SiteAdmin"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["at", "who", "actingFor", "action", "client", "changes"] }],
    },
  ],
});

const openings = defineChoiceList("accessKinds", ["detail", "print", "download"]);

/** Who opened which client file, for the security advisor (910) only. */
export const accessLogResource = defineResource({
  id: "history.accessLog",
  title: "resources.history.accessTitle",
  table: (t) => t.accessLog,
  pk: (t) => t.accessLog.id,
  fields: {
    id: integer("fields.id", (t) => t.accessLog.id, { editable: false, plain: true, width: 8 }),
    at: datetime("resources.history.at", (t) => t.accessLog.at),
    user: {
      type: "text",
      label: "resources.history.who",
      width: 20,
      expr: (t) => userNameOf(t, q(t.accessLog.userId)),
    },
    actingFor: {
      type: "text",
      label: "resources.history.actingFor",
      width: 20,
      expr: (t) => sql`coalesce(${userNameOf(t, q(t.accessLog.actingForId))}, '')`,
    },
    client: clientRef(
      (t) => sql`${t.accessLog.partnerId}`,
      (t) => sql`${q(t.accessLog.partnerId)}`,
    ),
    what: choice("resources.history.what", (t) => t.accessLog.what, openings, { editable: false, width: 10 }),
  },
  columns: ["at", "user", "actingFor", "client", "what"],
  hiddenColumns: ["id"],
  titleField: "client",
  filters: {
    user: {
      label: "resources.history.who",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t) => sql`${t.accessLog.userId} = ${v}`,
    },
    client: {
      label: "resources.history.client",
      widget: "ref",
      ref: "clients.clients",
      schema: z.number().int(),
      where: (v: number, t) => sql`${t.accessLog.partnerId} = ${v}`,
    },
    period: onDay((t) => t.accessLog.at),
  },
  defaultSort: [{ field: "at", dir: "desc" }],
  access: { view: ["SecurityAdvisor"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["at", "user", "actingFor", "client", "what"] }],
    },
  ],
});

const localizedColumn = (label: string, expr: FieldDef["expr"], width = 24): FieldDef => ({
  type: "localized",
  label,
  width,
  expr,
});

/**
 * Records deleted in the last RESTORE_DAYS days, with what went with them (server/resources/deletion.ts),
 * for administrators, who may restore one (Explorer → System). Older snapshots are purged.
 */
export const deletedRecordsResource = defineResource({
  id: "history.deleted",
  title: "resources.deleted.title",
  table: (t) => t.deletedRows,
  pk: (t) => t.deletedRows.id,
  fields: {
    id: integer("fields.id", (t) => t.deletedRows.id, { editable: false, plain: true, width: 8 }),
    deletedAt: datetime("resources.deleted.deletedAt", (t) => t.deletedRows.deletedAt),
    who: {
      type: "text",
      label: "resources.deleted.who",
      width: 20,
      expr: (t) => actorName(t, sql`${q(t.deletedRows.actor)}`),
    },
    actingFor: {
      type: "text",
      label: "resources.history.actingFor",
      width: 20,
      expr: (t) =>
        sql`case when ${q(t.deletedRows.actingFor)} is null then '' else ${actorName(t, sql`${q(t.deletedRows.actingFor)}`)} end`,
    },
    kind: localizedColumn("resources.deleted.list", (t) => t.deletedRows.kind, 16),
    title: localizedColumn("resources.deleted.record", (t) => t.deletedRows.title, 26),
    withIt: { ...localizedColumn("resources.deleted.withIt", (t) => t.deletedRows.withIt, 30), sortable: false },
    restorableUntil: {
      type: "datetime",
      label: "resources.deleted.restorableUntil",
      width: 17,
      expr: (t) => sql`${t.deletedRows.deletedAt} + make_interval(days => ${RESTORE_DAYS})`,
    },
    restoredAt: datetime("resources.deleted.restoredAt", (t) => t.deletedRows.restoredAt),
    restoredBy: {
      type: "text",
      label: "resources.deleted.restoredBy",
      width: 20,
      expr: (t) => sql`coalesce(${actorName(t, sql`${q(t.deletedRows.restoredBy)}`)}, '')`,
    },
  },
  columns: ["deletedAt", "who", "kind", "title", "withIt", "restorableUntil", "restoredAt"],
  hiddenColumns: ["id", "actingFor", "restoredBy"],
  titleField: "title",
  filters: { period: onDay((t) => t.deletedRows.deletedAt) },
  defaultSort: [{ field: "deletedAt", dir: "desc" }],
  // Lino's Explorer is site staff's; restoring puts back personal data others deleted.
  access: { view: ["SiteAdmin"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["kind", "title", "withIt"] },
        { fields: ["deletedAt", "who", "actingFor", "restorableUntil", "restoredAt", "restoredBy"] },
      ],
    },
  ],
  actions: [
    {
      name: "restore",
      label: "resources.deleted.restore",
      roles: ["SiteAdmin"],
      confirm: true,
      // Once restored, the record has nothing left to restore (a second try is refused anyway).
      onlyWhileEmpty: "restoredAt",
      run: (ctx, id) => restoreRecord(ctx, Number(id)),
    },
  ],
});
