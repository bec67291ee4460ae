import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { dateRangeSchema } from "@/server/resources/fields";
import type { FilterDef, ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { mayReadNotes } from "./resource";

/** What the notes area gives the client file: its important notes and a filter of the client lists. */

export interface ImportantNote {
  id: number;
  date: string;
  subject: string;
}

/** How many important notes a client's overview lists (the newest). */
export const IMPORTANT_NOTES_SHOWN = 5;

/**
 * The client's important notes, newest first, for its overview (shown in red, domain-people §12):
 * one query on the notes' client index; none for a user who may not read notes.
 */
export async function importantNotesOf(ctx: ResourceCtx, clientId: number): Promise<ImportantNote[]> {
  if (!mayReadNotes(ctx)) return [];
  const { db, t } = ctx.handle;
  return db
    .select({ id: t.notes.id, date: t.notes.date, subject: t.notes.subject })
    .from(t.notes)
    .where(and(eq(t.notes.clientId, clientId), eq(t.notes.important, true)))
    .orderBy(desc(t.notes.date), sql`${t.notes.time} desc nulls last`, t.notes.id)
    .limit(IMPORTANT_NOTES_SHOWN);
}

/** Clients with a note of type `typeId` dated within the period (either end may be open). */
export function clientHasNoteOfType(t: TenantTables, typeId: number, period: { from?: string; to?: string }): SQL {
  const n = t.notes;
  const from = period.from ? sql` and ${q(n.date)} >= ${period.from}` : sql``;
  const to = period.to ? sql` and ${q(n.date)} <= ${period.to}` : sql``;
  return sql`exists (select 1 from ${n} where ${q(n.clientId)} = ${q(t.partners.id)} and ${q(n.typeId)} = ${typeId}${from}${to})`;
}

/**
 * The client lists' filter "has notes of type T" in the list's period (any date when it has none).
 * Whoever may not read notes learns nothing from it: it then keeps no client.
 */
export const clientNoteFilters: Record<string, FilterDef> = {
  noteType: {
    label: "resources.clients.noteType",
    summary: "resources.clients.noteTypeSummary",
    widget: "ref",
    ref: "notes.noteTypes",
    schema: z.number().int(),
    where: (v: number, t, ctx, all) => {
      if (!mayReadNotes(ctx)) return sql`false`;
      const period = dateRangeSchema.safeParse(all.period ?? {});
      return clientHasNoteOfType(t, v, period.success ? period.data : {});
    },
  },
};
