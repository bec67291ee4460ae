import { z } from "zod";
import { actorOf } from "@/server/audit";
import type { SessionUser } from "@/server/auth/session";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { grantInput, grantSupport, listGrants, revokeSupport, supportUsage } from "./grants";

const admin = roleProcedure("SiteAdmin");
/** The administrator who grants or revokes: the real person, also while acting for a colleague. */
const adminOf = (user: SessionUser) => {
  const who = user.realUser ?? user;
  return { id: who.id, name: [who.firstName, who.lastName].filter(Boolean).join(" ") || who.username };
};

const grantRow = z.object({
  id: z.string(),
  grantedByName: z.string(),
  reason: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
  revokedByName: z.string().nullable(),
  state: z.enum(["active", "scheduled", "ended", "revoked"]),
});

/** Support access, managed by the centre's administrators (900, 910): grants to the operators, and what they did with them. */
export const supportRouter = router({
  overview: admin
    .output(
      z.object({
        grants: z.array(grantRow),
        usage: z.array(
          z.object({
            id: z.number(),
            at: z.date(),
            actor: z.string(),
            who: z.string(),
            action: z.string(),
            entity: z.string(),
            entityId: z.string(),
          }),
        ),
      }),
    )
    .query(async ({ ctx }) => {
      const [grants, usage] = await Promise.all([listGrants(ctx.tenant.id), supportUsage(ctx.handle)]);
      return {
        grants: grants.map(
          ({ id, grantedByName, reason, startsAt, endsAt, createdAt, revokedAt, revokedByName, state }) => ({
            id,
            grantedByName,
            reason,
            startsAt,
            endsAt,
            createdAt,
            revokedAt,
            revokedByName,
            state,
          }),
        ),
        usage,
      };
    }),

  grant: admin
    .input(grantInput)
    .output(z.object({ id: z.string(), endsAt: z.date() }))
    .mutation(async ({ ctx, input }) => {
      const { id, endsAt } = await grantSupport(ctx.handle, ctx.tenant, actorOf(ctx.user), adminOf(ctx.user), input);
      ctx.log.info({ grantId: id, endsAt }, "support access granted");
      return { id, endsAt };
    }),

  revoke: admin
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeSupport(ctx.handle, ctx.tenant, actorOf(ctx.user), adminOf(ctx.user), input.id);
      ctx.log.info({ grantId: input.id }, "support access revoked");
      return { ok: true as const };
    }),
});
