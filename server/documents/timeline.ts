import { eq, sql } from "drizzle-orm";
import { defineTimelineSource } from "@/server/history/timeline";
import { localizedText, qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/** What was printed for the client, when: "File sheet · aktenblatt-16.docx", in the document's language. */
export const excerptsSource = defineTimelineSource({
  kind: "documents.excerpts",
  label: "timeline.kinds.excerpts",
  tone: "slate",
  resource: "documents.byClient",
  table: (t) => t.excerpts,
  id: (t) => t.excerpts.id,
  client: (t, clientId) => eq(t.excerpts.clientId, clientId),
  at: (t) => t.excerpts.buildTime,
  show: (t, ctx) => ({
    title: sql`concat_ws(' · ', (select nullif(${localizedText(t.excerptTypes.names, ctx.locale)}, '') from ${t.excerptTypes} where ${q(t.excerptTypes.id)} = ${q(t.excerpts.typeId)}), ${t.excerpts.fileName})`,
    summary: sql`upper(${t.excerpts.language})`,
    author: userNameOf(t, q(t.excerpts.userId)),
  }),
});
