import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { pickLocalized } from "@/lib/format";
import type { Seed } from "@/server/area";
import { clientNameOf } from "@/server/clients/sql";
import { documentDate, type DocumentLanguage } from "@/server/documents/language";
import { printRecord, type PrintCtx } from "@/server/documents/print";
import type { TemplateData } from "@/server/documents/render";
import { PRINTERS } from "@/server/documents/resources";
import { AppError } from "@/server/errors";
import { translatorFor } from "@/server/i18n/translator";
import type { ActionDef, ResourceCtx } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { questionsOf, responseOf } from "./answers";

type Tx = TenantHandle["db"];

/**
 * A client's response printed (its answer sheet): the poll, the client, the date and author, then
 * each question with the choices given and the remark, headings as they stand; the choices' names
 * in the document's language (domain-integ-money §2.11).
 */
export async function answerSheetData(
  tx: Tx,
  ctx: PrintCtx,
  responseId: number,
  language: DocumentLanguage,
): Promise<TemplateData> {
  const { t } = ctx.handle;
  const tr = translatorFor(language);
  const response = await responseOf(tx, t, responseId);
  const [head] = await tx
    .select({
      ref: t.polls.ref,
      title: t.polls.title,
      client: clientNameOf(t, q(t.pollResponses.partnerId)),
      author: sql<string>`(select concat_ws(' ', ${t.users.firstName}, ${t.users.lastName}) from ${t.users} where ${t.users.id} = ${t.pollResponses.userId})`,
      remark: t.pollResponses.remark,
    })
    .from(t.pollResponses)
    .innerJoin(t.polls, eq(t.polls.id, t.pollResponses.pollId))
    .where(eq(t.pollResponses.id, responseId));
  const { questions, choices } = await questionsOf(tx, t, response.pollId);
  const [chosen, remarks] = await Promise.all([
    tx
      .select({ questionId: t.pollAnswerChoices.questionId, choiceId: t.pollAnswerChoices.choiceId })
      .from(t.pollAnswerChoices)
      .where(eq(t.pollAnswerChoices.responseId, responseId)),
    tx
      .select({ questionId: t.pollAnswerRemarks.questionId, remark: t.pollAnswerRemarks.remark })
      .from(t.pollAnswerRemarks)
      .where(eq(t.pollAnswerRemarks.responseId, responseId)),
  ]);
  const nameOf = new Map(choices.map((c) => [c.id, pickLocalized(c.names, language)]));
  const order = new Map(choices.map((c, i) => [c.id, i]));
  return {
    poll: [head?.ref, head?.title].filter(Boolean).join(" "),
    clientName: head?.client ?? "",
    date: documentDate(response.date, language),
    interviewer: head?.author ?? "",
    state: tr(`choices.pollResponseStates.${response.state}`),
    remark: head?.remark ?? "",
    questions: questions.map((question) => {
      const given = chosen
        .filter((a) => a.questionId === question.id)
        .sort((a, b) => (order.get(a.choiceId) ?? 0) - (order.get(b.choiceId) ?? 0))
        .map((a) => nameOf.get(a.choiceId) ?? "");
      return {
        heading: question.isHeading,
        number: question.number,
        title: question.title,
        answer: question.isHeading ? "" : given.join(", ") || "—",
        comment: remarks.find((r) => r.questionId === question.id)?.remark ?? "",
      };
    }),
  };
}

/** Prints a response's answer sheet with the primary document type of poll responses, in the client's language (§14.2). */
export const printAnswerSheet = (ctx: ResourceCtx, responseId: number) =>
  printRecord(ctx, {
    contentType: "pollResponse",
    id: responseId,
    load: async (tx) => {
      const { t } = ctx.handle;
      const [row] = await tx
        .select({ clientId: t.pollResponses.partnerId, language: t.partners.language })
        .from(t.pollResponses)
        .innerJoin(t.partners, eq(t.partners.id, t.pollResponses.partnerId))
        .where(eq(t.pollResponses.id, responseId));
      if (!row) throw new AppError("NOT_FOUND");
      return row;
    },
    data: (tx, _template, language) => answerSheetData(tx, ctx, responseId, language),
  });

/** "Print" on a response: its answer sheet, for those who print documents. */
export const printAnswerSheetAction: ActionDef = {
  name: "printAnswers",
  label: "polls.print.action",
  roles: [...PRINTERS],
  run: (ctx, id) => printAnswerSheet(ctx, Number(id)),
};

/** Every centre's document type of poll responses (primary: the responses' Print). */
export const seedAnswerSheetType: Seed = async ({ db, t }) => {
  const [existing] = await db
    .select({ id: t.excerptTypes.id })
    .from(t.excerptTypes)
    .where(eq(t.excerptTypes.template, "pollAnswers"));
  if (existing) return;
  await db.insert(t.excerptTypes).values({
    names: {
      fr: "Réponses au questionnaire",
      nl: "Antwoorden op de vragenlijst",
      de: "Antworten auf die Umfrage",
      en: "Poll answers",
    },
    contentType: "pollResponse",
    template: "pollAnswers",
    isPrimary: true,
  });
};

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30: refused here rather than by PostgreSQL). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const d = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
  });
/** The period the results count: responses dated from `from` to `to`, both included; open-ended when absent. */
export const resultsParams = z.strictObject({ from: isoDay.optional(), to: isoDay.optional() }).optional();

export interface PollResults {
  poll: number;
  from: string | null;
  to: string | null;
  /** Responses to the poll dated within the period. */
  responses: number;
  questions: {
    id: number;
    number: string;
    title: string;
    isHeading: boolean;
    /** Responses that chose at least one choice of it. */
    answered: number;
    /** Responses with a remark on it. */
    remarks: number;
    choices: { id: number; name: string; count: number }[];
  }[];
}

/**
 * A poll's results (Lino's PollResult, with every choice): for the responses dated within the
 * period, per question how many answered it, how many chose each choice and how many wrote a remark.
 */
export async function pollResults(ctx: ResourceCtx, pollId: number, params?: unknown): Promise<PollResults> {
  const { db, t } = ctx.handle;
  const period = resultsParams.parse(params) ?? {};
  if (period.from && period.to && period.from > period.to)
    throw new AppError("INVALID_INPUT", { field: "to", messageKey: "polls.results.badPeriod" });
  const inPeriod = and(
    eq(t.pollResponses.pollId, pollId),
    period.from ? gte(t.pollResponses.date, period.from) : undefined,
    period.to ? lte(t.pollResponses.date, period.to) : undefined,
  );
  const responseIds = (await db.select({ id: t.pollResponses.id }).from(t.pollResponses).where(inPeriod)).map(
    (r) => r.id,
  );
  const { questions, choices } = await questionsOf(db, t, pollId);
  const [chosen, remarks] = responseIds.length
    ? await Promise.all([
        db
          .select({
            questionId: t.pollAnswerChoices.questionId,
            choiceId: t.pollAnswerChoices.choiceId,
            responses: sql<number>`count(distinct ${t.pollAnswerChoices.responseId})::int`,
          })
          .from(t.pollAnswerChoices)
          .where(inArray(t.pollAnswerChoices.responseId, responseIds))
          .groupBy(t.pollAnswerChoices.questionId, t.pollAnswerChoices.choiceId),
        db
          .select({
            questionId: t.pollAnswerRemarks.questionId,
            responses: sql<number>`count(*)::int`,
          })
          .from(t.pollAnswerRemarks)
          .where(inArray(t.pollAnswerRemarks.responseId, responseIds))
          .groupBy(t.pollAnswerRemarks.questionId),
      ])
    : [[], []];
  const answeredRows = responseIds.length
    ? await db
        .select({
          questionId: t.pollAnswerChoices.questionId,
          responses: sql<number>`count(distinct ${t.pollAnswerChoices.responseId})::int`,
        })
        .from(t.pollAnswerChoices)
        .where(inArray(t.pollAnswerChoices.responseId, responseIds))
        .groupBy(t.pollAnswerChoices.questionId)
        .orderBy(asc(t.pollAnswerChoices.questionId))
    : [];
  return {
    poll: pollId,
    from: period.from ?? null,
    to: period.to ?? null,
    responses: responseIds.length,
    questions: questions.map((question) => ({
      id: question.id,
      number: question.number,
      title: question.title,
      isHeading: question.isHeading,
      answered: answeredRows.find((r) => r.questionId === question.id)?.responses ?? 0,
      remarks: remarks.find((r) => r.questionId === question.id)?.responses ?? 0,
      choices: question.isHeading
        ? []
        : choices
            .filter((c) => c.setId === question.choiceSetId)
            .map((c) => ({
              id: c.id,
              name: pickLocalized(c.names, ctx.locale),
              count: chosen.find((a) => a.questionId === question.id && a.choiceId === c.id)?.responses ?? 0,
            })),
    })),
  };
}
