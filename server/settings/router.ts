import { z } from "zod";
import { actorOf } from "@/server/audit";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { greetingsOf, greetingsSchema, updateGreetings } from "./greetings";
import { settingsForAdmin, settingsPatch, testDirectory, updateSiteSettings } from "./service";

const admin = roleProcedure("SiteAdmin");
const greetingsOutput = z.object({ fr: z.string(), nl: z.string(), de: z.string(), en: z.string() }).partial();

/** Centre settings: sign-in methods, two-factor, idle timeout, directory, client field sets. Administrators only. */
export const settingsRouter = router({
  get: admin
    .output(
      z.object({
        allowLocal: z.boolean(),
        allowLdap: z.boolean(),
        totpRequired: z.boolean(),
        idleTimeoutMinutes: z.number(),
        uploadMaxMegabytes: z.number(),
        clientFieldSets: z.array(z.string()),
        ldap: z.record(z.string(), z.unknown()).nullable(),
        hasLdapBindPassword: z.boolean(),
        version: z.number(),
      }),
    )
    .query(async ({ ctx }) => {
      const {
        allowLocal,
        allowLdap,
        totpRequired,
        idleTimeoutMinutes,
        uploadMaxMegabytes,
        clientFieldSets,
        ldap,
        hasLdapBindPassword,
        version,
      } = await settingsForAdmin(ctx.handle);
      return {
        allowLocal,
        allowLdap,
        totpRequired,
        idleTimeoutMinutes,
        uploadMaxMegabytes,
        clientFieldSets,
        ldap: ldap as Record<string, unknown> | null,
        hasLdapBindPassword,
        version,
      };
    }),
  update: admin
    .input(z.object({ version: z.number().int(), patch: settingsPatch }))
    .output(z.object({ version: z.number() }))
    .mutation(async ({ ctx, input }) => ({
      version: (
        await updateSiteSettings(
          ctx.handle,
          actorOf(ctx.user),
          input.version,
          input.patch,
          ctx.user.realUser?.id ?? ctx.user.id,
        )
      ).version,
    })),
  /** The home page's greeting per language, as the centre writes it (server/settings/greetings.ts). */
  greetings: admin.output(greetingsOutput).query(({ ctx }) => greetingsOf(ctx.tenant.id)),
  updateGreetings: admin
    .input(z.object({ before: greetingsSchema, greetings: greetingsSchema }))
    .output(greetingsOutput)
    .mutation(({ ctx, input }) => updateGreetings(ctx.handle, ctx.tenant, actorOf(ctx.user), input)),
  testDirectory: admin
    .output(
      z.object({
        bindOk: z.boolean(),
        userCount: z.number(),
        error: z.string().optional(),
        groups: z.array(
          z.object({ groupDn: z.string(), userType: z.string(), members: z.number(), found: z.boolean() }),
        ),
      }),
    )
    .mutation(({ ctx }) => testDirectory(ctx.handle)),
});
