import { z } from "zod";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { getPreference, preferenceKey, setPreference } from "./service";

/** The signed-in person's own layout choices (the real user's, also while acting for a colleague). */
const ownerOf = (user: { id: number; realUser: { id: number } | null }) => user.realUser?.id ?? user.id;

export const preferencesRouter = router({
  get: authedProcedure
    .input(z.object({ key: preferenceKey }))
    .output(z.unknown())
    .query(({ ctx, input }) => getPreference(ctx.handle, ownerOf(ctx.user), input.key)),
  set: authedProcedure
    .input(z.object({ key: preferenceKey, value: z.unknown() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await setPreference(ctx.handle, ownerOf(ctx.user), input.key, input.value);
      return { ok: true as const };
    }),
});
