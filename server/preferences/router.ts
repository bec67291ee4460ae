import { z } from "zod";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import {
  deleteSearch,
  listSearches,
  renameSearch,
  saveSearch,
  savedSearchSchema,
  searchNameSchema,
} from "./saved-searches";
import { getPreference, preferenceKey, setPreference } from "./service";

/** The signed-in person's own layout choices (the real user's, also while acting for a colleague). */
const ownerOf = (user: { id: number; realUser: { id: number } | null }) => user.realUser?.id ?? user.id;

const resource = z.string().min(1).max(64);
const ok = z.object({ ok: z.literal(true) });

export const preferencesRouter = router({
  get: authedProcedure
    .input(z.object({ key: preferenceKey }))
    .output(z.unknown())
    .query(({ ctx, input }) => getPreference(ctx.handle, ownerOf(ctx.user), input.key)),
  set: authedProcedure
    .input(z.object({ key: preferenceKey, value: z.unknown() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await setPreference(ctx.handle, ownerOf(ctx.user), input.key, input.value);
      return { ok: true as const };
    }),
  // Saved searches of a grid (server/preferences/saved-searches.ts): the signed-in person's own.
  searches: authedProcedure
    .input(z.object({ resource }))
    .output(z.array(savedSearchSchema))
    .query(({ ctx, input }) =>
      listSearches(
        { handle: ctx.handle, registry: ctx.registry, user: ctx.user, ownerId: ownerOf(ctx.user) },
        input.resource,
      ),
    ),
  saveSearch: authedProcedure
    .input(z.object({ resource, search: savedSearchSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const c = { handle: ctx.handle, registry: ctx.registry, user: ctx.user, ownerId: ownerOf(ctx.user) };
      await saveSearch(c, input.resource, input.search);
      return { ok: true as const };
    }),
  renameSearch: authedProcedure
    .input(z.object({ resource, name: searchNameSchema, to: searchNameSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const c = { handle: ctx.handle, registry: ctx.registry, user: ctx.user, ownerId: ownerOf(ctx.user) };
      await renameSearch(c, input.resource, input.name, input.to);
      return { ok: true as const };
    }),
  deleteSearch: authedProcedure
    .input(z.object({ resource, name: searchNameSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const c = { handle: ctx.handle, registry: ctx.registry, user: ctx.user, ownerId: ownerOf(ctx.user) };
      await deleteSearch(c, input.resource, input.name);
      return { ok: true as const };
    }),
});
