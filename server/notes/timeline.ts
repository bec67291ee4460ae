import { eq, sql } from "drizzle-orm";
import { brusselsMoment, defineTimelineSource, htmlSummary } from "@/server/history/timeline";
import { localizedText, qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/** The client's notes in their timeline: "Phone call · Rent arrears", then the body's first words. */
export const notesSource = defineTimelineSource({
  kind: "notes.notes",
  label: "timeline.kinds.notes",
  tone: "sky",
  resource: "notes.notes",
  table: (t) => t.notes,
  id: (t) => t.notes.id,
  client: (t, clientId) => eq(t.notes.clientId, clientId),
  at: (t) => brusselsMoment(t.notes.date, t.notes.time),
  show: (t, ctx) => ({
    title: sql`concat_ws(' · ', (select nullif(${localizedText(t.noteEventTypes.names, ctx.locale)}, '') from ${t.noteEventTypes} where ${q(t.noteEventTypes.id)} = ${q(t.notes.eventTypeId)}), nullif(${t.notes.subject}, ''))`,
    summary: htmlSummary(t.notes.body),
    author: userNameOf(t, q(t.notes.userId)),
    dateOnly: sql`${t.notes.time} is null`,
  }),
});
