import { asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { pickLocalized } from "@/lib/format";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import { documentDate, type DocumentLanguage } from "@/server/documents/language";
import type { TemplateData } from "@/server/documents/render";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { cvLanguages } from "./choices";
import { languageKnowledgeText } from "./rules";

type Tx = TenantHandle["db"];
type Names = Record<string, string> | null;

/**
 * The tags of a client's CV document (templates/cv), every word and date in the document's language
 * (the client's): languages in their text form, then studies, trainings and experiences in time order.
 */
export async function cvDocumentData(
  tx: Tx,
  ctx: Pick<ResourceCtx, "handle">,
  clientId: number,
  language: DocumentLanguage,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const tr = translatorFor(language);
  const [client] = await tx
    .select({
      first: t.partners.firstName,
      last: t.partners.lastName,
      street: t.partners.street,
      streetNo: t.partners.streetNo,
      zipCode: t.partners.zipCode,
      placeNames: sql<Names>`(select ${t.places.names} from ${t.places} where ${t.places.id} = ${t.partners.placeId})`,
    })
    .from(t.partners)
    .where(eq(t.partners.id, clientId));
  if (!client) throw new AppError("NOT_FOUND");
  const names = (table: "cvStudyTypes" | "cvFunctions", id: SQLWrapper) =>
    sql<Names>`(select ${t[table].names} from ${t[table]} where ${t[table].id} = ${id})`;
  const lk = t.cvLanguageKnowledge;
  const [knowledge, studies, trainings, experiences] = await Promise.all([
    tx
      .select()
      .from(lk)
      .where(eq(lk.clientId, clientId))
      .orderBy(sql`${lk.native} desc`, asc(lk.id)),
    tx
      .select({
        start: t.cvStudies.startDate,
        end: t.cvStudies.endDate,
        content: t.cvStudies.content,
        type: names("cvStudyTypes", t.cvStudies.typeId),
        school: t.cvStudies.school,
      })
      .from(t.cvStudies)
      .where(eq(t.cvStudies.clientId, clientId))
      .orderBy(asc(t.cvStudies.startDate)),
    tx
      .select({
        start: t.cvTrainings.startDate,
        end: t.cvTrainings.endDate,
        content: t.cvTrainings.content,
        type: names("cvStudyTypes", t.cvTrainings.typeId),
        function: names("cvFunctions", t.cvTrainings.functionId),
      })
      .from(t.cvTrainings)
      .where(eq(t.cvTrainings.clientId, clientId))
      .orderBy(asc(t.cvTrainings.startDate)),
    tx
      .select({
        start: t.cvExperiences.startDate,
        end: t.cvExperiences.endDate,
        company: t.cvExperiences.company,
        title: t.cvExperiences.title,
        function: names("cvFunctions", t.cvExperiences.functionId),
      })
      .from(t.cvExperiences)
      .where(eq(t.cvExperiences.clientId, clientId))
      .orderBy(asc(t.cvExperiences.startDate)),
  ]);
  const words = {
    motherTongue: tr("cv.text.motherTongue"),
    spokenAndWritten: tr("cv.text.spokenAndWritten"),
    spoken: tr("cv.text.spoken"),
    written: tr("cv.text.written"),
  };
  // A language the centre added to the list has no message: its code stands for it.
  const languageName = (code: string) =>
    (cvLanguages.values as readonly string[]).includes(code) ? tr(`choices.cvLanguages.${code}`) : code;
  const period = (start: string | null, end: string | null) =>
    [documentDate(start, language), documentDate(end, language)].filter(Boolean).join(" – ");
  const local = (n: Names) => pickLocalized(n ?? {}, language);
  const place = local(client.placeNames);
  return {
    clientName: `${client.last.toLocaleUpperCase(language)} ${client.first}`.trim(),
    address: [
      [client.street, client.streetNo].filter(Boolean).join(" "),
      [client.zipCode, place].filter(Boolean).join(" "),
    ]
      .filter(Boolean)
      .join(", "),
    languages: knowledge.map((k) => ({ text: languageKnowledgeText(languageName(k.language), k, words) })),
    studies: studies.map((s) => ({
      period: period(s.start, s.end),
      what: [local(s.type), s.content].filter(Boolean).join(": "),
      where: s.school,
    })),
    trainings: trainings.map((s) => ({
      period: period(s.start, s.end),
      what: [local(s.type), s.content].filter(Boolean).join(": "),
      function: local(s.function),
    })),
    experiences: experiences.map((e) => ({
      period: period(e.start, e.end),
      company: e.company,
      function: local(e.function) || e.title,
    })),
  };
}
