import { z } from "zod";
import { actorOf } from "@/server/audit";
import { CALENDAR_ROLES } from "@/server/calendar/workflow";
import { AppError } from "@/server/errors";
import { anyOf } from "@/server/resources/access";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { feedPath, feedStatus, renewFeed, revokeFeed } from "./feed";

/**
 * The signed-in person's own feed (their account page): whoever works with the calendar. While
 * acting for a colleague it is still one's own, and a support session may not make one.
 */
const feedOwner = authedProcedure.use(({ ctx, next }) => {
  if (!anyOf(ctx.user, CALENDAR_ROLES) || ctx.user.support) throw new AppError("FORBIDDEN");
  return next({ ctx: { ...ctx, ownerId: ctx.user.realUser?.id ?? ctx.user.id } });
});

const status = z.object({ active: z.boolean(), createdAt: z.string().nullable() });

export const feedsRouter = router({
  status: feedOwner.output(status).query(({ ctx }) => feedStatus(ctx.handle, ctx.ownerId)),
  /** A new address (shown this once), replacing the former one. */
  renew: feedOwner
    .output(z.object({ path: z.string() }))
    .mutation(async ({ ctx }) => ({ path: feedPath(await renewFeed(ctx.handle, actorOf(ctx.user), ctx.ownerId)) })),
  revoke: feedOwner.output(status).mutation(async ({ ctx }) => {
    await revokeFeed(ctx.handle, actorOf(ctx.user), ctx.ownerId);
    return feedStatus(ctx.handle, ctx.ownerId);
  }),
});
