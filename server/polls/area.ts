import { defineArea } from "@/server/area";
import { defineRelations } from "@/server/resources/relations";
import {
  choiceSetsResource,
  choicesResource,
  myResponsesResource,
  pollsResource,
  questionsResource,
  responsesResource,
} from "./resources";
import { pollsRouter } from "./router";
import { seedAnswerSheetType } from "./printout";
import { seedChoiceSets, seedDemoPolls } from "./seed";

/**
 * Polls (domain-integ-money §2.11): questionnaires that integration agents work through with their
 * clients. Châtelet's: its roles exist only in centres using Châtelet's field set (CENTRE_ROLES).
 */
export const pollsArea = defineArea({
  id: "polls",
  resources: [
    pollsResource,
    questionsResource,
    responsesResource,
    myResponsesResource,
    choiceSetsResource,
    choicesResource,
  ],
  // Lino: Polls → Polls, My responses; Configure → Polls → Choice sets; Explorer → Polls, for polls staff.
  menu: [
    { menu: "polls", entries: [{ resource: "polls.polls" }, { resource: "polls.myResponses" }] },
    { menu: "configure", section: "polls.menu", entries: [{ resource: "polls.choiceSets" }] },
    {
      menu: "explorer",
      section: "polls.menu",
      entries: [
        { resource: "polls.questions", roles: ["PollsStaff"] },
        { resource: "polls.choices", roles: ["PollsStaff"] },
        { resource: "polls.responses", label: "polls.responses.all", roles: ["PollsStaff"] },
      ],
    },
  ],
  router: pollsRouter,
  seed: {
    reference: async (handle, centre) => {
      await seedChoiceSets(handle);
      await seedAnswerSheetType(handle, centre);
    },
    demo: seedDemoPolls,
  },
  relations: defineRelations([
    // A poll answered by clients stays: its responses are records of interviews.
    { from: "poll_responses.poll_id", to: "polls", onDelete: "protect", label: "relations.pollResponses" },
    // Its questions are part of it, as long as no answer refers to them.
    { from: "poll_questions.poll_id", to: "polls", onDelete: "volatile", label: "relations.pollQuestions" },
    {
      from: "poll_answer_choices.question_id",
      to: "poll_questions",
      onDelete: "protect",
      label: "relations.pollAnswers",
    },
    {
      from: "poll_answer_remarks.question_id",
      to: "poll_questions",
      onDelete: "protect",
      label: "relations.pollAnswers",
    },
    // A response's answers go with it (Lino: allow_cascaded_delete = ['response']).
    {
      from: "poll_answer_choices.response_id",
      to: "poll_responses",
      onDelete: "volatile",
      label: "relations.pollAnswers",
    },
    {
      from: "poll_answer_remarks.response_id",
      to: "poll_responses",
      onDelete: "volatile",
      label: "relations.pollAnswers",
    },
    // A choice given as an answer, or a set in use, cannot go.
    { from: "poll_answer_choices.choice_id", to: "poll_choices", onDelete: "protect", label: "relations.pollAnswers" },
    {
      from: "poll_choices.choice_set_id",
      to: "poll_choice_sets",
      onDelete: "volatile",
      label: "relations.pollChoices",
    },
    {
      from: "poll_questions.choice_set_id",
      to: "poll_choice_sets",
      onDelete: "protect",
      label: "relations.pollQuestions",
    },
    { from: "polls.default_choice_set_id", to: "poll_choice_sets", onDelete: "protect", label: "relations.polls" },
    // A client interviewed keeps its responses (not among Lino's volatile dependants of a client), an author theirs.
    { from: "poll_responses.partner_id", to: "partners", onDelete: "protect", label: "relations.pollResponses" },
    { from: "poll_responses.user_id", to: "users", onDelete: "protect", label: "relations.pollResponses" },
    { from: "polls.user_id", to: "users", onDelete: "protect", label: "relations.polls" },
    // A response's printed answer sheets go with it, as a client's documents go with the client.
    {
      from: "excerpts.owner_id",
      to: "poll_responses",
      ownerType: "pollResponse",
      onDelete: "volatile",
      label: "relations.excerpts",
    },
  ]),
});
