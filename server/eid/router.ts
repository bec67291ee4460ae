import { z } from "zod";
import { router } from "@/server/trpc/init";
import { authedProcedure, roleProcedure } from "@/server/trpc/procedures";
import type { ResourceCtx } from "@/server/resources/define";
import { cardInputSchema, summarySchema, warningSchema } from "@/server/eid/card";
import { openRead, pickUp } from "@/server/eid/pickup";
import { apply, createClient, infoBox, lookup, photo, readCard } from "@/server/eid/service";

/**
 * Reading cards is for BeIdUser (domain-people §7); the photo and info box for whoever may see the
 * client. `lookup` and `readCard` change nothing but are mutations: a card read with its photo is
 * too long for a GET URL.
 */
const cardReader = roleProcedure("BeIdUser");
const resourceCtx = ({ handle, user, locale, registry }: ResourceCtx): ResourceCtx => ({
  handle,
  user,
  locale,
  registry,
});

const clientId = z.number().int().positive();
const similarSchema = z.object({ id: z.number(), displayName: z.string(), sharedWords: z.array(z.string()) });
const changeSchema = z.object({
  key: z.string(),
  target: z.enum(["client", "address"]),
  field: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable(),
});

export const eidRouter = router({
  /** Opens a read the reader helper posts to (`POST /api/eid/card/<token>`). */
  openRead: cardReader
    .output(z.object({ token: z.string(), expiresAt: z.string() }))
    .mutation(({ ctx }) => openRead(resourceCtx(ctx))),

  /** Polled by the page; a mutation because taking the card deletes it. */
  pickUp: cardReader
    .input(z.object({ token: z.string().min(20).max(64) }))
    .output(
      z.discriminatedUnion("status", [
        z.object({ status: z.literal("waiting") }),
        z.object({ status: z.literal("expired") }),
        z.object({ status: z.literal("read"), card: cardInputSchema }),
      ]),
    )
    .mutation(({ ctx, input }) => pickUp(resourceCtx(ctx), input.token)),

  lookup: cardReader
    .input(z.object({ card: cardInputSchema }))
    .output(
      z.object({
        summary: summarySchema,
        warnings: z.array(warningSchema),
        match: z.object({ id: z.number(), displayName: z.string(), version: z.number() }).nullable(),
        similar: z.array(similarSchema),
      }),
    )
    .mutation(({ ctx, input }) => lookup(resourceCtx(ctx), input.card)),

  createClient: cardReader
    .input(z.object({ card: cardInputSchema, confirmSimilar: z.boolean().default(false) }))
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createClient(resourceCtx(ctx), input)),

  readCard: cardReader
    .input(z.object({ clientId, version: z.number().int(), card: cardInputSchema }))
    .output(
      z.object({
        summary: summarySchema,
        warnings: z.array(warningSchema),
        client: z.string(),
        version: z.number(),
        takeOverNationalId: z.boolean(),
        changes: z.array(changeSchema),
      }),
    )
    .mutation(({ ctx, input }) => readCard(resourceCtx(ctx), input)),

  // "apply" is a reserved name in tRPC routers.
  applyChanges: cardReader
    .input(
      z.object({
        clientId,
        version: z.number().int(),
        card: cardInputSchema,
        fields: z.array(z.string().max(40)).max(40),
      }),
    )
    .output(z.object({ version: z.number(), applied: z.number() }))
    .mutation(({ ctx, input }) => apply(resourceCtx(ctx), input)),

  photo: authedProcedure
    .input(z.object({ clientId }))
    .output(z.object({ dataUrl: z.string().nullable() }))
    .query(({ ctx, input }) => photo(resourceCtx(ctx), input)),

  infoBox: authedProcedure
    .input(z.object({ clientId }))
    .output(
      z.object({
        cardNumber: z.string().nullable(),
        cardType: z.string().nullable(),
        issuer: z.string().nullable(),
        validFrom: z.string().nullable(),
        validUntil: z.string().nullable(),
        expired: z.boolean(),
        mustRead: z.boolean(),
        lines: z.array(z.string()),
        mustReadText: z.string().nullable(),
        holder: z.string(),
      }),
    )
    .query(({ ctx, input }) => infoBox(resourceCtx(ctx), input)),
});
