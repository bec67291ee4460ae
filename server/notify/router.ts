import { z } from "zod";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { markSeen, recipientOf, unseenSummary } from "./emit";

const summary = z.object({
  count: z.number().int(),
  latest: z.array(
    z.object({ id: z.number(), type: z.string(), subject: z.string(), body: z.string(), createdAt: z.string() }),
  ),
});

/** The bell in the header: what is unseen, and marking it seen (one message or all). */
export const notifyRouter = router({
  unseen: authedProcedure.output(summary).query(({ ctx }) => unseenSummary(ctx.handle, recipientOf(ctx.user))),
  markSeen: authedProcedure
    .input(z.object({ ids: z.array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).min(1).max(200).optional() }))
    .output(z.object({ changed: z.number().int() }))
    .mutation(async ({ ctx, input }) => ({
      changed: await markSeen(ctx.handle, recipientOf(ctx.user), input.ids),
    })),
});
