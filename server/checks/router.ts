import { z } from "zod";
import { router } from "@/server/trpc/init";
import { roleProcedure } from "@/server/trpc/procedures";
import { runAllCheckers } from "./run";

/** "Run all checkers" on the centre, for administrators: the number of problems each checker found. */
export const checksRouter = router({
  runAll: roleProcedure("SiteAdmin")
    .output(z.record(z.string(), z.number()))
    .mutation(({ ctx }) => runAllCheckers(ctx.handle, ctx.registry.checkers)),
});
