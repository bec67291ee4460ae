import { z } from "zod";
import { localizedTextSchema } from "@/server/tenancy/schemas";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { searchPlaces } from "./service";

export const geoRouter = router({
  searchPlaces: authedProcedure
    .input(z.object({ q: z.string().trim().min(1).max(60), limit: z.number().int().min(1).max(50).default(20) }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          zipCode: z.string(),
          names: localizedTextSchema,
          kind: z.string(),
          province: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => searchPlaces(ctx.db, ctx.t, input)),
});
