import { sql } from "drizzle-orm";
import { z } from "zod";
import type { ActionDef } from "@/server/resources/define";
import { rowKey } from "@/server/resources/fields";
import { mergeClients } from "./service";

/**
 * "Merge into this client…" on a client: the duplicate to absorb and why. For administrators only
 * (domain-people §0 "admin-only action"; Lino's eupen.rst: pcsw.Clients.merge_row visible for admin
 * 910). The parameters are read only through `run`; their `expr` is never queried.
 */
export const mergeClientAction: ActionDef = {
  name: "mergeInto",
  label: "merge.action",
  roles: ["SiteAdmin"],
  confirm: true,
  params: {
    merged: {
      type: "ref",
      label: "merge.merged",
      required: true,
      expr: () => sql`null`,
      input: rowKey,
      ref: { resource: "clients.clients", display: () => sql`null` },
    },
    reason: { type: "longtext", label: "merge.reason", expr: () => sql`null`, input: z.string().trim().max(2000) },
  },
  run: async (ctx, id, params, version) => {
    await mergeClients(ctx, Number(id), version, Number(params.merged), String(params.reason ?? ""));
  },
};
