import { z } from "zod";
import { isoDate, rowKey } from "@/server/resources/fields";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { assignCoach } from "./assign";
import { availableCoaches } from "./available";

const localizedText = z.object({
  fr: z.string(),
  nl: z.string().optional(),
  de: z.string().optional(),
  en: z.string().optional(),
});
const coachesOutput = z.object({
  client: z.object({ id: z.number(), faculty: z.object({ id: z.number(), names: localizedText }) }).nullable(),
  since: z.string(),
  coaches: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      primaryClients: z.number(),
      newClients: z.number(),
      quota: z.number(),
      current: z.number(),
      added: z.number(),
      score: z.number(),
    }),
  ),
});

/** Newcomers (domain-people §9): who may coach a newcomer, and giving them the newcomer. */
export const newcomersRouter = router({
  /** Lino's AvailableCoaches: the load of every available social worker. */
  availableCoaches: roleProcedure("NewcomersUser")
    .input(z.strictObject({ since: isoDate.optional() }))
    .output(coachesOutput)
    .query(({ ctx, input }) => availableCoaches(ctx.handle, ctx.locale, input)),
  /** Lino's AvailableCoachesByClient: those competent for this newcomer's faculty, least loaded first. */
  availableForClient: roleProcedure("NewcomersOperator")
    .input(z.strictObject({ clientId: rowKey, since: isoDate.optional() }))
    .output(coachesOutput)
    .query(({ ctx, input }) => availableCoaches(ctx.handle, ctx.locale, input)),
  assignCoach: roleProcedure("NewcomersOperator")
    .input(z.strictObject({ clientId: rowKey, userId: rowKey, silent: z.boolean().optional() }))
    .output(z.object({ coachingId: z.number() }))
    .mutation(({ ctx, input }) => assignCoach(ctx, input)),
});
