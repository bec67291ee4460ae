import { eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { defineTimelineSource } from "@/server/history/timeline";
import { LOCALES, type Locale } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { localizedText, qualified as q } from "@/server/resources/query";
import { userNameOf } from "@/server/users/sql";

/** The document's language by its own name ("Deutsch"), as the language menus write it. */
const languageName = (t: TenantTables, locale: Locale) => {
  const tr = translatorFor(locale);
  const named = LOCALES.map((l) => sql`when ${l} then ${tr(`languages.${l}`)}`);
  return sql`case ${t.excerpts.language} ${sql.join(named, sql` `)} else ${t.excerpts.language} end`;
};

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
    summary: languageName(t, ctx.locale),
    author: userNameOf(t, q(t.excerpts.userId)),
  }),
});
