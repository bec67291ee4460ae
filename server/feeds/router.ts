import { z } from "zod";
import { actorOf } from "@/server/audit";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { feedPath, feedStatus, renewFeed, revokeFeed } from "./feed";

/** Whose feed: the person signed in, also while acting for a colleague (their calendar is not theirs to publish). */
const ownerOf = (user: { id: number; realUser: { id: number } | null }) => user.realUser?.id ?? user.id;

const status = z.object({ active: z.boolean(), createdAt: z.string().nullable() });

/** The signed-in person's own calendar feed (their account page). */
export const feedsRouter = router({
  status: authedProcedure.output(status).query(({ ctx }) => feedStatus(ctx.handle, ownerOf(ctx.user))),
  /** A new address (shown this once), replacing the former one. */
  renew: authedProcedure.output(z.object({ path: z.string() })).mutation(async ({ ctx }) => ({
    path: feedPath(await renewFeed(ctx.handle, actorOf(ctx.user), ownerOf(ctx.user))),
  })),
  revoke: authedProcedure.output(status).mutation(async ({ ctx }) => {
    await revokeFeed(ctx.handle, actorOf(ctx.user), ownerOf(ctx.user));
    return feedStatus(ctx.handle, ownerOf(ctx.user));
  }),
});
