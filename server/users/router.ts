import { z } from "zod";
import { USER_TYPES } from "@/server/auth/user-types";
import { router } from "@/server/trpc/init";
import { authedProcedure, roleProcedure } from "@/server/trpc/procedures";
import { listUsers, logoutEverywhere } from "./service";

export const usersRouter = router({
  me: authedProcedure
    .output(z.object({ id: z.number(), username: z.string(), firstName: z.string(), lastName: z.string(), userType: z.enum(USER_TYPES), roles: z.array(z.string()) }))
    .query(({ ctx }) => ({ ...ctx.user, roles: [...ctx.user.roles] })),

  logoutEverywhere: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logoutEverywhere(ctx, ctx.user.id);
    return { ok: true as const };
  }),

  list: roleProcedure("SiteAdmin")
    .output(z.array(z.object({
      id: z.number(), username: z.string(), firstName: z.string(), lastName: z.string(), email: z.string(), userType: z.string().nullable(),
      active: z.boolean(), authMethod: z.enum(["local", "ldap"]), startDate: z.string().nullable(), endDate: z.string().nullable(),
    })))
    .query(({ ctx }) => listUsers(ctx)),
});
