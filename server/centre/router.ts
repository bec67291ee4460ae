import { z } from "zod";
import { AppError } from "@/server/errors";
import { availability } from "@/server/tenancy/registry";
import { availabilitySchema, localizedTextSchema, tenantKindSchema } from "@/server/tenancy/schemas";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";

/** What anyone reaching a centre's address may know: its name and whether it is open. */
export const centreRouter = router({
  info: publicProcedure
    .output(
      z.object({
        slug: z.string(),
        names: localizedTextSchema,
        kind: tenantKindSchema,
        defaultLocale: z.string(),
        availability: availabilitySchema,
      }),
    )
    .query(({ ctx }) => {
      if (!ctx.tenant)
        throw new AppError("TENANT_NOT_FOUND", { slug: ctx.host.kind === "tenant" ? ctx.host.slug : "" });
      const { slug, names, kind, defaultLocale } = ctx.tenant;
      return { slug, names, kind, defaultLocale, availability: availability(ctx.tenant) };
    }),
});
