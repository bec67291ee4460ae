import { pollResults, printAnswerSheetAction, resultsParams } from "./printout";
import { assertClient } from "@/server/clients/client-rows";
import { and, eq, ne, sql, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { belgianToday } from "@/lib/format";
import { clientNameOf } from "@/server/clients/sql";
import { AppError } from "@/server/errors";
import { anyOf } from "@/server/resources/access";
import { defineResource, type ResourceAccess, type ResourceCtx, type ResourceDef } from "@/server/resources/define";
import {
  boolean,
  choice,
  date,
  filters,
  integer,
  localizedText,
  localizedMatches,
  longText,
  matches,
  reference,
  text,
} from "@/server/resources/fields";
import { likePattern, qualified as q } from "@/server/resources/query";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { userNameOf } from "@/server/users/sql";
import { POLL_ACTIVE, pollResponseStates, pollStates, RESPONSE_REGISTERED } from "./choices";
import { addQuestionsAction } from "./questions";
import { loadAnswers } from "./answers";
import { QUESTION_TITLE_MAX } from "./rules";

type Tx = TenantHandle["db"];

/** Choice sets, choices and questions: kept by polls staff, read by whoever answers polls. */
const configAccess: ResourceAccess = { view: ["PollsStaff"], edit: ["PollsStaff"] };

/** `{fr, nl, de, en}` of the choice set whose id is `id` (an outer row's column). */
const choiceSetNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.pollChoiceSets.names} from ${t.pollChoiceSets} where ${q(t.pollChoiceSets.id)} = ${id})`;
/** "INI Interview initial" of the poll whose id is `id`. */
export const pollTitleOf = (t: TenantTables, id: SQLWrapper) =>
  sql<string>`(select concat_ws(' ', ${q(t.polls.ref)}, ${q(t.polls.title)}) from ${t.polls} where ${q(t.polls.id)} = ${id})`;

const choiceSetRef = (label: string, col: (t: TenantTables) => AnyPgColumn, required = false) =>
  reference(label, "polls.choiceSets", col, (t) => choiceSetNameOf(t, q(col(t))), {
    localized: true,
    required,
  });

/** "Yes/Maybe/No", "Acquired": the answers questions offer (Configure → Polls). */
export const choiceSetsResource = defineResource({
  id: "polls.choiceSets",
  title: "polls.choiceSets.title",
  countLabel: "relations.pollChoiceSets",
  table: (t) => t.pollChoiceSets,
  pk: (t) => t.pollChoiceSets.id,
  version: (t) => t.pollChoiceSets.version,
  fields: {
    id: integer("fields.id", (t) => t.pollChoiceSets.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.pollChoiceSets.names, { required: true }),
  },
  columns: ["id", "name"],
  titleField: "name",
  search: (v, t) => localizedMatches(t.pollChoiceSets.names, likePattern(v)),
  defaultSort: [{ field: "id", dir: "asc" }],
  access: configAccess,
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name"] }],
      slaves: [{ resource: "polls.choices", label: "polls.choices.title", masterField: "choiceSet" }],
    },
  ],
  insert: { fields: ["name"] },
});

export const choicesResource = defineResource({
  id: "polls.choices",
  title: "polls.choices.title",
  countLabel: "relations.pollChoices",
  table: (t) => t.pollChoices,
  pk: (t) => t.pollChoices.id,
  version: (t) => t.pollChoices.version,
  fields: {
    id: integer("fields.id", (t) => t.pollChoices.id, { editable: false, plain: true, width: 6 }),
    choiceSet: choiceSetRef("polls.fields.choiceSet", (t) => t.pollChoices.choiceSetId, true),
    seqno: integer("polls.fields.seqno", (t) => t.pollChoices.seqno, { min: 1, max: 10_000, width: 6, required: true }),
    name: localizedText("fields.name", (t) => t.pollChoices.names, { required: true }),
  },
  columns: ["choiceSet", "seqno", "name"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [
    { field: "choiceSet", dir: "asc" },
    { field: "seqno", dir: "asc" },
  ],
  access: { ...configAccess, listAll: ["PollsStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["choiceSet", "seqno", "name"] }] }],
  insert: { fields: ["choiceSet", "seqno", "name"], defaults: () => ({ seqno: 1 }) },
});

/**
 * Polls (Lino's `polls.Poll`): a questionnaire with its questions. Whoever answers polls reads them;
 * polls staff write them, publish (active: responses may be added), close and reopen them.
 */
export const pollsResource = defineResource({
  id: "polls.polls",
  title: "polls.polls.title",
  countLabel: "relations.polls",
  table: (t) => t.polls,
  pk: (t) => t.polls.id,
  version: (t) => t.polls.version,
  fields: {
    id: integer("fields.id", (t) => t.polls.id, { editable: false, plain: true, width: 6 }),
    ref: text("polls.fields.ref", (t) => t.polls.ref, { max: 20, width: 8 }),
    title: text("polls.fields.title", (t) => t.polls.title, { required: true, max: 200, width: 40 }),
    // The poll's name in lists and pickers: "INI Interview initial".
    name: {
      type: "text",
      label: "polls.fields.poll",
      width: 40,
      expr: (t) => sql<string>`concat_ws(' ', ${t.polls.ref}, ${t.polls.title})`,
    },
    details: longText("polls.fields.details", (t) => t.polls.details),
    user: {
      ...reference(
        "polls.fields.author",
        "users.users",
        (t) => t.polls.userId,
        (t) => userNameOf(t, q(t.polls.userId)),
      ),
      input: undefined,
    },
    defaultChoiceSet: choiceSetRef("polls.fields.defaultChoiceSet", (t) => t.polls.defaultChoiceSetId),
    defaultMultipleChoices: boolean("polls.fields.defaultMultipleChoices", (t) => t.polls.defaultMultipleChoices),
    state: { ...choice("fields.state", (t) => t.polls.state, pollStates), input: undefined },
  },
  columns: ["ref", "title", "user", "state"],
  hiddenColumns: ["id", "name", "defaultChoiceSet"],
  titleField: "name",
  filters: { state: filters.choice("fields.state", pollStates, (t) => t.polls.state) },
  search: (v, t) =>
    sql`(${matches(t.polls.title, likePattern(v))} or ${matches(sql`coalesce(${t.polls.ref}, '')`, likePattern(v, "prefix"))})`,
  defaultSort: [{ field: "ref", dir: "asc" }],
  access: { view: ["PollsUser"], edit: ["PollsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["ref", "title", "user", "state"] },
        { fields: ["defaultChoiceSet", "defaultMultipleChoices"] },
        { fields: ["details"] },
      ],
      slaves: [{ resource: "polls.questions", label: "polls.questions.title", masterField: "poll" }],
    },
    {
      key: "responses",
      label: "polls.responses.title",
      groups: [],
      slaves: [{ resource: "polls.responses", label: "polls.responses.title", masterField: "poll" }],
    },
    {
      key: "results",
      label: "polls.results.title",
      groups: [],
      panels: [
        {
          key: "pollResults",
          label: "polls.results.title",
          params: resultsParams,
          load: (ctx, id, params) => pollResults(ctx, id, params),
        },
      ],
    },
  ],
  insert: { fields: ["ref", "title", "details", "defaultChoiceSet", "defaultMultipleChoices"] },
  normalize: (v) => ("ref" in v ? { ...v, ref: v.ref || null } : v),
  beforeSave: async (_tx, ctx, id, values) => {
    if (id === undefined) values.user = ctx.user.id;
  },
  workflow: {
    field: "state",
    transitions: [
      { name: "publish", label: "polls.transitions.publish", from: ["10"], to: "20", roles: ["PollsStaff"] },
      { name: "close", label: "polls.transitions.close", from: ["10", "20"], to: "30", roles: ["PollsStaff"] },
      { name: "reopen", label: "polls.transitions.reopen", from: ["20", "30"], to: "10", roles: ["PollsStaff"] },
    ],
  },
  actions: [addQuestionsAction],
});

/** The poll's questions in their order; headings group the numbered questions after them. */
export const questionsResource = defineResource({
  id: "polls.questions",
  title: "polls.questions.title",
  countLabel: "relations.pollQuestions",
  table: (t) => t.pollQuestions,
  pk: (t) => t.pollQuestions.id,
  version: (t) => t.pollQuestions.version,
  fields: {
    id: integer("fields.id", (t) => t.pollQuestions.id, { editable: false, plain: true, width: 6 }),
    poll: {
      ...reference(
        "polls.fields.poll",
        "polls.polls",
        (t) => t.pollQuestions.pollId,
        (t) => pollTitleOf(t, q(t.pollQuestions.pollId)),
        { required: true, createOnly: true },
      ),
    },
    seqno: integer("polls.fields.seqno", (t) => t.pollQuestions.seqno, {
      min: 1,
      max: 10_000,
      width: 6,
      required: true,
    }),
    number: text("polls.fields.number", (t) => t.pollQuestions.number, { max: 20, width: 5 }),
    title: text("polls.fields.questionTitle", (t) => t.pollQuestions.title, {
      required: true,
      max: QUESTION_TITLE_MAX,
      width: 50,
    }),
    details: longText("polls.fields.details", (t) => t.pollQuestions.details),
    choiceSet: choiceSetRef("polls.fields.choiceSet", (t) => t.pollQuestions.choiceSetId),
    multipleChoices: boolean("polls.fields.multipleChoices", (t) => t.pollQuestions.multipleChoices),
    isHeading: boolean("polls.fields.isHeading", (t) => t.pollQuestions.isHeading),
  },
  columns: ["seqno", "number", "title", "choiceSet", "isHeading"],
  hiddenColumns: ["id", "poll", "multipleChoices"],
  titleField: "title",
  defaultSort: [
    { field: "poll", dir: "asc" },
    { field: "seqno", dir: "asc" },
  ],
  // Lino's QuestionsByPoll is for polls users; the list of every question (Explorer) for polls staff.
  access: { view: ["PollsUser"], edit: ["PollsStaff"], listAll: ["PollsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["poll", "seqno", "number", "isHeading"] },
        { fields: ["title", "choiceSet", "multipleChoices"] },
        { fields: ["details"] },
      ],
    },
  ],
  insert: {
    fields: ["poll", "seqno", "number", "title", "details", "choiceSet", "multipleChoices", "isHeading"],
    defaults: () => ({ seqno: 1, isHeading: false, multipleChoices: false }),
  },
});

/**
 * Only the author answers on a response (Lino's UserAuthored: domain-integ-money §2.11); polls
 * staff may correct or delete anyone's.
 */
export async function assertResponseAuthor(tx: Tx, ctx: ResourceCtx, id: string | number) {
  const t = ctx.handle.t;
  const [row] = await tx
    .select({ userId: t.pollResponses.userId })
    .from(t.pollResponses)
    .where(eq(t.pollResponses.id, Number(id)));
  if (!row) throw new AppError("NOT_FOUND");
  if (row.userId !== ctx.user.id && !anyOf(ctx.user, ["PollsStaff"])) throw new AppError("FORBIDDEN");
}

/**
 * A new response names an active poll and a client; its author is the user. A client answers a
 * poll once a day (a recurrent poll is answered again on later dates): a second sheet of the same
 * day is refused, naming the date.
 */
async function responseBeforeSave(
  tx: Tx,
  ctx: ResourceCtx,
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  const t = ctx.handle.t;
  if (id !== undefined) await assertResponseAuthor(tx, ctx, id);
  if (id === undefined) {
    values.user = ctx.user.id;
    const [poll] = await tx
      .select({ state: t.polls.state })
      .from(t.polls)
      .where(eq(t.polls.id, Number(values.poll)));
    if (!poll || poll.state !== POLL_ACTIVE)
      throw new AppError("INVALID_INPUT", { field: "poll", messageKey: "polls.errors.pollNotActive" });
    await assertClient(tx, t, values.client);
  }
  if (id === undefined || "date" in values) {
    const [current] =
      id === undefined
        ? [{ pollId: Number(values.poll), partnerId: Number(values.client) }]
        : await tx
            .select({ pollId: t.pollResponses.pollId, partnerId: t.pollResponses.partnerId })
            .from(t.pollResponses)
            .where(eq(t.pollResponses.id, Number(id)));
    const day = String(values.date ?? belgianToday());
    const [same] = await tx
      .select({ id: t.pollResponses.id })
      .from(t.pollResponses)
      .where(
        and(
          eq(t.pollResponses.pollId, current!.pollId),
          eq(t.pollResponses.partnerId, current!.partnerId),
          eq(t.pollResponses.date, day),
          id === undefined ? undefined : ne(t.pollResponses.id, Number(id)),
        ),
      );
    if (same) throw new AppError("INVALID_INPUT", { field: "date", messageKey: "polls.errors.responseExists" });
  }
}

/**
 * Responses (Lino's `polls.Response`): one client's answers to a poll on a day, written by the agent
 * who interviewed them. A registered response is a record: its answers and fields no longer change
 * until it is deregistered. The client's responses are on its "Job search" tab (Châtelet's "Active job search").
 */
export const responsesResource = defineResource({
  id: "polls.responses",
  title: "polls.responses.title",
  countLabel: "relations.pollResponses",
  table: (t) => t.pollResponses,
  pk: (t) => t.pollResponses.id,
  version: (t) => t.pollResponses.version,
  logsAccess: true,
  fields: {
    id: integer("fields.id", (t) => t.pollResponses.id, { editable: false, plain: true, width: 6 }),
    poll: reference(
      "polls.fields.poll",
      "polls.polls",
      (t) => t.pollResponses.pollId,
      (t) => pollTitleOf(t, q(t.pollResponses.pollId)),
      {
        required: true,
        createOnly: true,
        width: 30,
        choices: (t) => eq(t.polls.state, POLL_ACTIVE),
      },
    ),
    client: reference(
      "polls.fields.client",
      "clients.clients",
      (t) => t.pollResponses.partnerId,
      (t) => clientNameOf(t, q(t.pollResponses.partnerId)),
      { required: true, createOnly: true, width: 26, choices: (t) => eq(t.partners.isClient, true) },
    ),
    date: date("fields.date", (t) => t.pollResponses.date, { required: true }),
    user: {
      ...reference(
        "polls.fields.author",
        "users.users",
        (t) => t.pollResponses.userId,
        (t) => userNameOf(t, q(t.pollResponses.userId)),
      ),
      input: undefined,
    },
    state: { ...choice("fields.state", (t) => t.pollResponses.state, pollResponseStates), input: undefined },
    remark: longText("polls.fields.remark", (t) => t.pollResponses.remark),
    // "RAE DUBOIS Marie (123) 02.05.2026": what names a response in the header, the history and the dialogs.
    title: {
      type: "text",
      label: "polls.responses.one",
      width: 40,
      sortable: false,
      expr: (t) =>
        sql<string>`concat_ws(' ', ${pollTitleOf(t, q(t.pollResponses.pollId))}, ${clientNameOf(t, q(t.pollResponses.partnerId))}, to_char(${t.pollResponses.date}, 'DD.MM.YYYY'))`,
    },
  },
  columns: ["date", "poll", "client", "user", "state", "remark"],
  hiddenColumns: ["id", "title"],
  titleField: "title",
  filters: {
    poll: {
      label: "polls.fields.poll",
      widget: "ref",
      ref: "polls.polls",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.pollResponses.pollId, v),
    },
    author: {
      label: "polls.fields.author",
      widget: "user",
      schema: z.number().int(),
      where: (v: number, t) => eq(t.pollResponses.userId, v),
    },
    state: filters.choice("fields.state", pollResponseStates, (t) => t.pollResponses.state),
    period: filters.dateRange("polls.fields.period", (t) => t.pollResponses.date),
  },
  defaultSort: [
    { field: "date", dir: "desc" },
    { field: "id", dir: "desc" },
  ],
  // Lino: Responses for polls users (a client's, a poll's, their own), AllResponses for polls staff.
  access: { view: ["PollsUser"], edit: ["PollsUser"], listAll: ["PollsStaff"] },
  detail: [
    {
      key: "answers",
      label: "polls.answers.title",
      groups: [{ fields: ["poll", "client", "date", "user", "state"] }, { fields: ["remark"] }],
      panels: [{ key: "pollAnswers", label: "polls.answers.title", load: (ctx, id) => loadAnswers(ctx, id) }],
    },
  ],
  insert: {
    fields: ["poll", "client", "date", "remark"],
    defaults: () => ({ date: belgianToday() }),
  },
  locked: {
    when: (t) => sql`${t.pollResponses.state} = ${RESPONSE_REGISTERED}`,
    messageKey: "polls.errors.registered",
  },
  beforeSave: responseBeforeSave,
  beforeDelete: assertResponseAuthor,
  // Its answer sheet printed through the documents area, in the client's language (./printout.ts).
  actions: [printAnswerSheetAction],
  workflow: {
    field: "state",
    transitions: [
      // Only the author registers their response, or deregisters it to change it (polls staff: anyone's).
      {
        name: "register",
        label: "polls.transitions.register",
        from: ["10"],
        to: "20",
        roles: ["PollsUser"],
        effect: (tx, ctx, id) => assertResponseAuthor(tx, ctx, id),
      },
      {
        name: "deregister",
        label: "polls.transitions.deregister",
        from: ["20"],
        to: "10",
        roles: ["PollsUser"],
        effect: (tx, ctx, id) => assertResponseAuthor(tx, ctx, id),
      },
    ],
  },
});

/** My responses (Lino's MyResponses, Polls menu): the responses the user wrote. */
export const myResponsesResource: ResourceDef = {
  ...responsesResource,
  id: "polls.myResponses",
  title: "polls.responses.mine",
  scope: (t, ctx) => eq(t.pollResponses.userId, ctx.user.id),
  columns: ["date", "poll", "client", "state", "remark"],
  access: { view: ["PollsUser"], edit: ["PollsUser"] },
  variantOf: responsesResource.id,
};
