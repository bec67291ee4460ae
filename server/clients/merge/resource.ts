import { sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { defineResource } from "@/server/resources/define";
import { datetime, integer, longText, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";
import { changesText, readerFor, valueText } from "@/server/history/describe";
import { clientNameOf } from "../sql";

const m = (t: TenantTables) => t.clientMerges;

/** The merges of duplicate clients, to review who merged which client into which and what moved (read-only). */
export const clientMergesResource = defineResource({
  id: "clients.merges",
  title: "resources.clientMerges.title",
  table: m,
  pk: (t) => t.clientMerges.id,
  fields: {
    id: integer("fields.id", (t) => t.clientMerges.id, { editable: false, plain: true, width: 7 }),
    at: datetime("resources.history.at", (t) => t.clientMerges.at),
    user: {
      type: "text",
      label: "resources.history.who",
      width: 20,
      expr: (t) => userNameOf(t, q(t.clientMerges.userId)),
    },
    actingFor: {
      type: "text",
      label: "resources.history.actingFor",
      width: 20,
      expr: (t) => sql`coalesce(${userNameOf(t, q(t.clientMerges.actingForId))}, '')`,
    },
    kept: {
      type: "ref",
      label: "resources.clientMerges.kept",
      width: 26,
      expr: (t) => t.clientMerges.keptId,
      ref: { resource: "clients.clients", display: (t) => clientNameOf(t, q(t.clientMerges.keptId)) },
    },
    mergedName: text("resources.clientMerges.merged", (t) => t.clientMerges.mergedName, { editable: false, width: 26 }),
    // "Coachings: 3, 5; Addresses: 8" and "Phone: 087 55 66 77", in the reader's words (server/history/describe.ts).
    moved: {
      type: "longtext",
      label: "resources.clientMerges.moved",
      width: 40,
      sortable: false,
      expr: (t) => t.clientMerges.moved,
      present: (moved, ctx) =>
        moved && Object.keys(moved).length
          ? valueText(readerFor(ctx.locale, ctx.handle.t, ctx.registry), undefined, moved)
          : "",
    },
    filled: {
      type: "longtext",
      label: "resources.clientMerges.filled",
      width: 40,
      sortable: false,
      expr: (t) => t.clientMerges.filled,
      present: (filled, ctx) =>
        changesText(
          readerFor(ctx.locale, ctx.handle.t, ctx.registry),
          "clients.clients",
          filled as Parameters<typeof changesText>[2],
        ),
    },
    reason: longText("merge.reason", (t) => t.clientMerges.reason, { editable: false }),
  },
  columns: ["at", "user", "kept", "mergedName", "reason"],
  hiddenColumns: ["id", "actingFor", "moved", "filled"],
  titleField: "mergedName",
  defaultSort: [{ field: "at", dir: "desc" }],
  // Whoever may merge may review merges: administrators (domain-people §0, Lino's merge_row).
  access: { view: ["SiteAdmin"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["at", "user", "actingFor", "kept", "mergedName", "reason"] },
        { fields: ["moved", "filled"] },
      ],
    },
  ],
});
