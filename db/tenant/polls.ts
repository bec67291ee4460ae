import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type PgSchema,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "@/db/control/schema";
import { type contactTables } from "./contacts";
import { type userTables } from "./users";

/**
 * Polls (domain-integ-money §2.11, Lino's `polls`): questionnaires an integration agent works
 * through with a client, each question answered with the choices of a choice set or a remark.
 */
export function pollTables(
  s: PgSchema,
  deps: {
    partners: ReturnType<typeof contactTables>["partners"];
    users: ReturnType<typeof userTables>["users"];
  },
) {
  /** "Yes/Maybe/No", "Acquired"…: the answers a question offers. */
  const pollChoiceSets = s.table("poll_choice_sets", {
    id: serial("id").primaryKey(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    version: integer("version").notNull().default(1),
  });

  const pollChoices = s.table(
    "poll_choices",
    {
      id: serial("id").primaryKey(),
      choiceSetId: integer("choice_set_id")
        .notNull()
        .references(() => pollChoiceSets.id),
      /** The order of the choices within their set. */
      seqno: integer("seqno").notNull().default(1),
      names: jsonb("names").$type<LocalizedText>().notNull(),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("poll_choices_set_idx").on(t.choiceSetId, t.seqno)],
  );

  const polls = s.table(
    "polls",
    {
      id: serial("id").primaryKey(),
      /** A short reference ("INI", "RAE"), unique in the centre when given. */
      ref: text("ref"),
      title: text("title").notNull(),
      details: text("details").notNull().default(""),
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      /** The choices of questions that name no choice set of their own. */
      defaultChoiceSetId: integer("default_choice_set_id").references(() => pollChoiceSets.id),
      defaultMultipleChoices: boolean("default_multiple_choices").notNull().default(false),
      /** Choice list pollStates: 10 draft, 20 active (responses may be added), 30 closed. */
      state: text("state").notNull().default("10"),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      version: integer("version").notNull().default(1),
    },
    (t) => [uniqueIndex("polls_ref_unique").on(t.ref)],
  );

  const pollQuestions = s.table(
    "poll_questions",
    {
      id: serial("id").primaryKey(),
      pollId: integer("poll_id")
        .notNull()
        .references(() => polls.id),
      /** The order of the questions in the poll. */
      seqno: integer("seqno").notNull().default(1),
      /** "1", "2"…: restarts after each heading; empty for a heading. */
      number: text("number").notNull().default(""),
      title: text("title").notNull(),
      details: text("details").notNull().default(""),
      /** Its own choices; the poll's default choice set when empty. */
      choiceSetId: integer("choice_set_id").references(() => pollChoiceSets.id),
      multipleChoices: boolean("multiple_choices").notNull().default(false),
      /** A heading groups the questions after it and is not answered. */
      isHeading: boolean("is_heading").notNull().default(false),
      version: integer("version").notNull().default(1),
    },
    (t) => [index("poll_questions_poll_idx").on(t.pollId, t.seqno)],
  );

  const pollResponses = s.table(
    "poll_responses",
    {
      id: serial("id").primaryKey(),
      pollId: integer("poll_id")
        .notNull()
        .references(() => polls.id),
      /** The client interviewed. */
      partnerId: integer("partner_id")
        .notNull()
        .references(() => deps.partners.id),
      /** The author: the only one who may answer on this sheet. */
      userId: integer("user_id")
        .notNull()
        .references(() => deps.users.id),
      date: date("date").notNull(),
      /** Choice list pollResponseStates: 10 draft (answers editable), 20 registered. */
      state: text("state").notNull().default("10"),
      remark: text("remark").notNull().default(""),
      version: integer("version").notNull().default(1),
    },
    (t) => [
      // A recurrent poll is answered again on later dates; one sheet per poll, client and day.
      uniqueIndex("poll_responses_one_per_day").on(t.pollId, t.partnerId, t.date),
      index("poll_responses_partner_idx").on(t.partnerId, t.date),
    ],
  );

  const pollAnswerChoices = s.table(
    "poll_answer_choices",
    {
      id: serial("id").primaryKey(),
      responseId: integer("response_id")
        .notNull()
        .references(() => pollResponses.id),
      questionId: integer("question_id")
        .notNull()
        .references(() => pollQuestions.id),
      choiceId: integer("choice_id")
        .notNull()
        .references(() => pollChoices.id),
    },
    (t) => [
      uniqueIndex("poll_answer_choices_unique").on(t.responseId, t.questionId, t.choiceId),
      index("poll_answer_choices_question_idx").on(t.questionId),
      index("poll_answer_choices_choice_idx").on(t.choiceId),
    ],
  );

  const pollAnswerRemarks = s.table(
    "poll_answer_remarks",
    {
      id: serial("id").primaryKey(),
      responseId: integer("response_id")
        .notNull()
        .references(() => pollResponses.id),
      questionId: integer("question_id")
        .notNull()
        .references(() => pollQuestions.id),
      remark: text("remark").notNull(),
    },
    (t) => [
      uniqueIndex("poll_answer_remarks_unique").on(t.responseId, t.questionId),
      index("poll_answer_remarks_question_idx").on(t.questionId),
      check("poll_answer_remarks_not_empty", sql`${t.remark} <> ''`),
    ],
  );

  return { pollChoiceSets, pollChoices, polls, pollQuestions, pollResponses, pollAnswerChoices, pollAnswerRemarks };
}
