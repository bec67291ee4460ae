import { eq, sql } from "drizzle-orm";
import { brusselsMoment, defineTimelineSource } from "@/server/history/timeline";
import { localizedText, qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/** The client's appointments in their timeline, at their start: "Evaluation · Follow-up interview". */
export const entriesSource = defineTimelineSource({
  kind: "calendar.entries",
  label: "timeline.kinds.appointments",
  tone: "indigo",
  resource: "calendar.byClient",
  table: (t) => t.calendarEntries,
  id: (t) => t.calendarEntries.id,
  client: (t, clientId) => eq(t.calendarEntries.clientId, clientId),
  at: (t) => brusselsMoment(t.calendarEntries.startDate, t.calendarEntries.startTime),
  show: (t, ctx) => ({
    title: sql`concat_ws(' · ', (select nullif(${localizedText(t.entryTypes.names, ctx.locale)}, '') from ${t.entryTypes} where ${q(t.entryTypes.id)} = ${q(t.calendarEntries.typeId)}), nullif(${t.calendarEntries.summary}, ''))`,
    summary: sql`left(${t.calendarEntries.description}, 1000)`,
    author: userNameOf(t, q(t.calendarEntries.userId)),
    dateOnly: sql`${t.calendarEntries.startTime} is null`,
  }),
});
