import { eq, sql } from "drizzle-orm";
import { defineTimelineSource } from "@/server/history/timeline";
import { localizedText, qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/** The client's scanned documents in their timeline, when uploaded: "Residence permit · permit.pdf". */
export const uploadsSource = defineTimelineSource({
  kind: "uploads.uploads",
  label: "timeline.kinds.uploads",
  tone: "amber",
  resource: "uploads.uploads",
  table: (t) => t.uploads,
  id: (t) => t.uploads.id,
  client: (t, clientId) => eq(t.uploads.clientId, clientId),
  at: (t) => t.uploads.createdAt,
  show: (t, ctx) => ({
    title: sql`concat_ws(' · ', (select nullif(${localizedText(t.uploadTypes.names, ctx.locale)}, '') from ${t.uploadTypes} where ${q(t.uploadTypes.id)} = ${q(t.uploads.typeId)}), ${t.uploads.fileName})`,
    summary: sql`concat_ws(' · ', nullif(${t.uploads.description}, ''), nullif(${t.uploads.remark}, ''))`,
    author: userNameOf(t, q(t.uploads.userId)),
  }),
});
