import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { pickLocalized } from "@/lib/format";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { RESPONSE_DRAFT } from "./choices";
import { numberedTitle } from "./rules";

type Tx = TenantHandle["db"];

export interface AnswerSheet {
  responseId: number;
  /** Whether the reader may answer here: the response's author, while it is a draft. */
  editable: boolean;
  /** The client's responses to the same poll up to this one, oldest first: the columns of a recurrent poll. */
  responses: { id: number; date: string }[];
  questions: {
    id: number;
    number: string;
    title: string;
    details: string;
    isHeading: boolean;
    multiple: boolean;
    choices: { id: number; name: string }[];
    /** Chosen choice ids per response id. */
    chosen: Record<number, number[]>;
    /** The remark per response id. */
    remarks: Record<number, string>;
  }[];
}

/** The response's poll, client, author and state; NOT_FOUND for no response of this centre. */
export async function responseOf(tx: Pick<Tx, "select">, t: TenantHandle["t"], id: number) {
  const [row] = await tx
    .select({
      id: t.pollResponses.id,
      pollId: t.pollResponses.pollId,
      partnerId: t.pollResponses.partnerId,
      userId: t.pollResponses.userId,
      date: t.pollResponses.date,
      state: t.pollResponses.state,
    })
    .from(t.pollResponses)
    .where(eq(t.pollResponses.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The questions of a poll with the choices each offers (its own choice set, else the poll's default). */
export async function questionsOf(tx: Pick<Tx, "select">, t: TenantHandle["t"], pollId: number) {
  const questions = await tx
    .select({
      id: t.pollQuestions.id,
      number: t.pollQuestions.number,
      title: t.pollQuestions.title,
      details: t.pollQuestions.details,
      isHeading: t.pollQuestions.isHeading,
      multiple: t.pollQuestions.multipleChoices,
      choiceSetId: sql<
        number | null
      >`coalesce(${t.pollQuestions.choiceSetId}, (select ${t.polls.defaultChoiceSetId} from ${t.polls} where ${t.polls.id} = ${t.pollQuestions.pollId}))`,
    })
    .from(t.pollQuestions)
    .where(eq(t.pollQuestions.pollId, pollId))
    .orderBy(asc(t.pollQuestions.seqno), asc(t.pollQuestions.id));
  const setIds = [...new Set(questions.flatMap((q) => (q.isHeading || q.choiceSetId === null ? [] : [q.choiceSetId])))];
  const choices = setIds.length
    ? await tx
        .select({ id: t.pollChoices.id, setId: t.pollChoices.choiceSetId, names: t.pollChoices.names })
        .from(t.pollChoices)
        .where(inArray(t.pollChoices.choiceSetId, setIds))
        .orderBy(asc(t.pollChoices.seqno), asc(t.pollChoices.id))
    : [];
  return { questions, choices };
}

/**
 * The answer sheet of a response (Lino's AnswersByResponseEditor): every question with its choices,
 * and, for a recurrent poll, the answers the client gave on the earlier responses to the same poll.
 */
export async function loadAnswers(ctx: ResourceCtx, id: number): Promise<AnswerSheet> {
  const { db, t } = ctx.handle;
  const response = await responseOf(db, t, id);
  const responses = await db
    .select({ id: t.pollResponses.id, date: t.pollResponses.date })
    .from(t.pollResponses)
    .where(
      and(
        eq(t.pollResponses.pollId, response.pollId),
        eq(t.pollResponses.partnerId, response.partnerId),
        sql`${t.pollResponses.date} <= ${response.date}`,
      ),
    )
    .orderBy(asc(t.pollResponses.date), asc(t.pollResponses.id));
  const ids = responses.map((r) => r.id);
  const { questions, choices } = await questionsOf(db, t, response.pollId);
  const [chosen, remarks] = await Promise.all([
    db
      .select({
        responseId: t.pollAnswerChoices.responseId,
        questionId: t.pollAnswerChoices.questionId,
        choiceId: t.pollAnswerChoices.choiceId,
      })
      .from(t.pollAnswerChoices)
      .where(inArray(t.pollAnswerChoices.responseId, ids)),
    db
      .select({
        responseId: t.pollAnswerRemarks.responseId,
        questionId: t.pollAnswerRemarks.questionId,
        remark: t.pollAnswerRemarks.remark,
      })
      .from(t.pollAnswerRemarks)
      .where(inArray(t.pollAnswerRemarks.responseId, ids)),
  ]);
  return {
    responseId: id,
    editable: response.state === RESPONSE_DRAFT && response.userId === ctx.user.id,
    responses,
    questions: questions.map((q) => {
      const mine: Record<number, number[]> = {};
      for (const a of chosen) if (a.questionId === q.id) (mine[a.responseId] ??= []).push(a.choiceId);
      return {
        id: q.id,
        number: q.number,
        title: q.title,
        details: q.details,
        isHeading: q.isHeading,
        multiple: q.multiple,
        choices: q.isHeading
          ? []
          : choices
              .filter((c) => c.setId === q.choiceSetId)
              .map((c) => ({ id: c.id, name: pickLocalized(c.names, ctx.locale) })),
        chosen: mine,
        remarks: Object.fromEntries(remarks.filter((r) => r.questionId === q.id).map((r) => [r.responseId, r.remark])),
      };
    }),
  };
}

/** "Oui, Non": the names of chosen choices, in the reader's language. */
const namesOf = (
  choices: { id: number; names: Record<string, string> }[],
  ids: number[],
  locale: ResourceCtx["locale"],
) => ids.map((id) => pickLocalized(choices.find((c) => c.id === id)?.names ?? {}, locale)).join(", ");

/** Refuses an answer on a response the user may not answer: another author's, or a registered one. */
async function answerable(tx: Tx, ctx: ResourceCtx, responseId: number, questionId: number) {
  const t = ctx.handle.t;
  const response = await responseOf(tx, t, responseId);
  if (response.userId !== ctx.user.id) throw new AppError("FORBIDDEN");
  if (response.state !== RESPONSE_DRAFT)
    throw new AppError("INVALID_INPUT", { field: "state", messageKey: "polls.errors.registered" });
  const [question] = await tx
    .select({
      number: t.pollQuestions.number,
      title: t.pollQuestions.title,
      isHeading: t.pollQuestions.isHeading,
      multiple: t.pollQuestions.multipleChoices,
    })
    .from(t.pollQuestions)
    .where(and(eq(t.pollQuestions.id, questionId), eq(t.pollQuestions.pollId, response.pollId)));
  if (!question || question.isHeading) throw new AppError("INVALID_INPUT", { field: "question" });
  return question;
}

/**
 * Lino's ToggleChoice: a chosen choice is unchosen, another is chosen, replacing the question's
 * other choice unless it allows several. Audited on the response in the same transaction.
 */
export async function toggleChoice(
  ctx: ResourceCtx,
  input: { response: number; question: number; choice: number },
): Promise<{ chosen: number[] }> {
  const { db, t } = ctx.handle;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Tx;
    const question = await answerable(tx, ctx, input.response, input.question);
    const { questions, choices } = await questionsOf(tx, t, (await responseOf(tx, t, input.response)).pollId);
    const asked = questions.find((q) => q.id === input.question)!;
    const setId = asked.choiceSetId;
    if (!choices.some((c) => c.id === input.choice && c.setId === setId))
      throw new AppError("INVALID_INPUT", { field: "choice" });
    const where = and(
      eq(t.pollAnswerChoices.responseId, input.response),
      eq(t.pollAnswerChoices.questionId, input.question),
    );
    const before = (await tx.select({ id: t.pollAnswerChoices.choiceId }).from(t.pollAnswerChoices).where(where)).map(
      (r) => r.id,
    );
    let after: number[];
    if (before.includes(input.choice)) {
      await tx.delete(t.pollAnswerChoices).where(and(where, eq(t.pollAnswerChoices.choiceId, input.choice)));
      after = before.filter((c) => c !== input.choice);
    } else {
      if (!question.multiple) await tx.delete(t.pollAnswerChoices).where(where);
      await tx
        .insert(t.pollAnswerChoices)
        .values({ responseId: input.response, questionId: input.question, choiceId: input.choice });
      after = question.multiple ? [...before, input.choice] : [input.choice];
    }
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      // Read in the history as the question and the choices' names ("2) Avez-vous un CV à jour?: Oui → Non").
      rowChange("polls.responses", "answer", input.response, {
        [numberedTitle(asked)]: { from: namesOf(choices, before, ctx.locale), to: namesOf(choices, after, ctx.locale) },
      }),
    );
    return { chosen: after };
  });
}

/** The user's remark on one question of their draft response; an empty remark removes it. */
export async function setAnswerRemark(
  ctx: ResourceCtx,
  input: { response: number; question: number; remark: string },
): Promise<void> {
  const { db, t } = ctx.handle;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Tx;
    const question = await answerable(tx, ctx, input.response, input.question);
    const where = and(
      eq(t.pollAnswerRemarks.responseId, input.response),
      eq(t.pollAnswerRemarks.questionId, input.question),
    );
    const [before] = await tx.select({ remark: t.pollAnswerRemarks.remark }).from(t.pollAnswerRemarks).where(where);
    const remark = input.remark.trim();
    if ((before?.remark ?? "") === remark) return;
    if (!remark) await tx.delete(t.pollAnswerRemarks).where(where);
    else if (before) await tx.update(t.pollAnswerRemarks).set({ remark }).where(where);
    else
      await tx.insert(t.pollAnswerRemarks).values({ responseId: input.response, questionId: input.question, remark });
    await writeAudit(
      tx,
      t,
      actorOf(ctx.user),
      rowChange("polls.responses", "answer", input.response, {
        [numberedTitle(question)]: { from: before?.remark ?? "", to: remark },
      }),
    );
  });
}
