import QRCode from "qrcode";
import { z } from "zod";
import { USER_TYPES } from "@/server/auth/user-types";
import { router } from "@/server/trpc/init";
import { actorOf } from "@/server/audit";
import type { SessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { authedProcedure, enrollingProcedure, roleProcedure } from "@/server/trpc/procedures";
import { authoritiesOf, giveAuthority, revokeAuthority } from "./authorities";
import { localized } from "@/server/i18n/locale";
import { beginTotpEnrollment, confirmTotpEnrollment } from "@/server/auth/two-factor";
import { isoDate } from "@/server/resources/fields";
import { createUser, newUserInput, resetPassword, resetTwoFactor, updateUser, userPatch } from "./admin";
import { listUsers, logoutEverywhere } from "./service";

const actor = (ctx: { user: SessionUser }) => actorOf(ctx.user);
/** Personal security settings belong to the person signed in, never to a colleague acted for. */
const ownAccount = enrollingProcedure.use(({ ctx, next }) => {
  if (ctx.user.realUser) throw new AppError("FORBIDDEN");
  return next();
});
const authorityRow = z.object({
  id: z.number(),
  userId: z.number(),
  authorizedId: z.number(),
  validUntil: z.string().nullable(),
  otherName: z.string(),
});
const saved = z.object({ id: z.number(), version: z.number() });
const admin = roleProcedure("SiteAdmin");

export const usersRouter = router({
  me: enrollingProcedure
    .output(
      z.object({
        id: z.number(),
        username: z.string(),
        firstName: z.string(),
        lastName: z.string(),
        userType: z.enum(USER_TYPES),
        roles: z.array(z.string()),
        mustEnrollTotp: z.boolean(),
      }),
    )
    .query(({ ctx }) => ({ ...ctx.user, roles: [...ctx.user.roles] })),

  logoutEverywhere: enrollingProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logoutEverywhere(ctx, actor(ctx), ctx.user.realUser?.id ?? ctx.user.id);
    return { ok: true as const };
  }),

  twoFactor: router({
    begin: ownAccount
      .output(z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }))
      .mutation(async ({ ctx }) => {
        const issuer = `Entraide – ${localized(ctx.tenant.names, ctx.user.language as "fr")}`;
        const { secret, uri } = await beginTotpEnrollment(ctx.handle, ctx.user, issuer);
        return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1 }) };
      }),
    confirm: ownAccount
      .input(z.object({ code: z.string().max(20) }))
      .output(z.object({ recoveryCodes: z.array(z.string()) }))
      .mutation(async ({ ctx, input }) => ({
        recoveryCodes: await confirmTotpEnrollment(ctx.handle, ctx.user.id, input.code),
      })),
  }),

  authorities: router({
    mine: authedProcedure
      .output(z.object({ given: z.array(authorityRow), received: z.array(authorityRow) }))
      .query(({ ctx }) => authoritiesOf(ctx, ctx.user.realUser?.id ?? ctx.user.id)),
    give: authedProcedure
      .input(z.object({ authorizedId: z.number().int(), validUntil: isoDate.nullable().default(null) }))
      .output(z.object({ id: z.number() }))
      .mutation(async ({ ctx, input }) => ({
        id: (
          await giveAuthority(
            ctx,
            actor(ctx),
            ctx.user.realUser?.id ?? ctx.user.id,
            input.authorizedId,
            input.validUntil,
          )
        ).id,
      })),
    revoke: authedProcedure
      .input(z.object({ id: z.number().int() }))
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await revokeAuthority(
          ctx,
          actor(ctx),
          { id: ctx.user.realUser?.id ?? ctx.user.id, userType: ctx.user.userType },
          input.id,
        );
        return { ok: true as const };
      }),
  }),

  list: roleProcedure("SiteAdmin")
    .output(
      z.array(
        z.object({
          id: z.number(),
          username: z.string(),
          firstName: z.string(),
          lastName: z.string(),
          email: z.string(),
          userType: z.string().nullable(),
          active: z.boolean(),
          authMethod: z.enum(["local", "ldap"]),
          startDate: z.string().nullable(),
          endDate: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listUsers(ctx)),

  create: admin
    .input(newUserInput)
    .output(saved)
    .mutation(async ({ ctx, input }) => {
      const { id, version } = await createUser(ctx, actor(ctx), input);
      return { id, version };
    }),
  update: admin
    .input(z.object({ id: z.number().int(), version: z.number().int(), patch: userPatch }))
    .output(saved)
    .mutation(async ({ ctx, input }) => {
      const { id, version } = await updateUser(ctx, actor(ctx), input.id, input.version, input.patch);
      return { id, version };
    }),
  resetPassword: admin
    .input(z.object({ id: z.number().int(), password: z.string() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx, actor(ctx), input.id, input.password);
      return { ok: true as const };
    }),
  resetTwoFactor: admin
    .input(z.object({ id: z.number().int() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetTwoFactor(ctx, actor(ctx), input.id);
      return { ok: true as const };
    }),
});
