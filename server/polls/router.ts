import { z } from "zod";
import { rowKey } from "@/server/resources/fields";
import type { ResourceCtx } from "@/server/resources/define";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { setAnswerRemark, toggleChoice } from "./answers";

/** Answering a poll: whoever answers polls, on their own draft responses (checked in the service). */
const pollsUser = roleProcedure("PollsUser");
const resourceCtx = ({ handle, user, locale, registry }: ResourceCtx): ResourceCtx => ({
  handle,
  user,
  locale,
  registry,
});

export const pollsRouter = router({
  /** Chooses or unchooses one choice of a question on the user's draft response. */
  toggleChoice: pollsUser
    .input(z.strictObject({ response: rowKey, question: rowKey, choice: rowKey }))
    .output(z.object({ chosen: z.array(z.number()) }))
    .mutation(({ ctx, input }) => toggleChoice(resourceCtx(ctx), input)),

  /** Writes (or, empty, removes) the user's remark on one question of their draft response. */
  setRemark: pollsUser
    .input(
      z.strictObject({
        response: rowKey,
        question: rowKey,
        remark: z
          .string()
          .max(20_000)
          .refine((s) => !s.includes("\0")),
      }),
    )
    .mutation(({ ctx, input }) => setAnswerRemark(resourceCtx(ctx), input)),
});
