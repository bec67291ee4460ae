import { and, eq, sql } from "drizzle-orm";
import { qualified as q } from "@/server/resources/query";
import { actionText, changesText, readerFor } from "./describe";
import { actorName } from "./resources";
import { defineTimelineSource } from "./timeline";
import { titlesNamedIn } from "./titles";

const CLIENTS = "clients.clients";

/** Changes of the client's own fields and state, life-cycle transitions included (domain-people §17). */
export const clientChangesSource = defineTimelineSource({
  kind: "history.changes",
  label: "timeline.kinds.changes",
  tone: "slate",
  resource: "history.clientChanges",
  table: (t) => t.auditLog,
  id: (t) => t.auditLog.id,
  client: (t, clientId) => and(eq(t.auditLog.entity, CLIENTS), eq(t.auditLog.entityId, String(clientId)))!,
  at: (t) => t.auditLog.at,
  show: (t) => ({
    title: sql`''`,
    summary: sql`''`,
    author: actorName(t, q(t.auditLog.actor)),
    raw: sql`jsonb_build_object('action', ${t.auditLog.action}, 'changes', ${t.auditLog.changes})`,
  }),
  // In the reader's words, as the changes grid says them: "Changed", "Phone: 087 … → 087 …".
  present: async (rows, ctx) => {
    const raws = rows.map((r) => r.raw as { action: string; changes: Parameters<typeof changesText>[2] });
    const titles = await titlesNamedIn(
      ctx,
      CLIENTS,
      raws.map((r) => r.changes),
    );
    const reader = readerFor(ctx.locale, ctx.handle.t, ctx.registry, titles);
    rows.forEach((row, i) => {
      row.title = actionText(reader, CLIENTS, raws[i]!.action);
      row.summary = changesText(reader, CLIENTS, raws[i]!.changes);
    });
  },
});
